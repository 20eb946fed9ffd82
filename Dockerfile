# Build stage: the same Maven build as on a developer machine, tests excluded (CI runs them).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY config config
COPY src src
RUN mvn -B -q package -DskipTests

# Runtime stage: a JRE and the fat jar, run as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app refgate
WORKDIR /app
COPY --from=build /src/target/refgate.jar /app/refgate.jar
COPY config/refgate.yaml /app/config/refgate.yaml
USER refgate
EXPOSE 8080 9090
# The flags README.md recommends (load-tests/README.md shows what they buy), the heap sized from
# the container's memory limit instead of fixed: most of it young, since a redirect's garbage dies young.
ENV JAVA_OPTS="-XX:+UseParallelGC -XX:MaxRAMPercentage=60 -XX:NewRatio=1 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:9090/health/ready || exit 1
# exec replaces the shell: the JVM is PID 1, receives SIGTERM itself and drains the click buffer
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/refgate.jar \"$@\"", "refgate"]
