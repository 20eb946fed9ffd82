package io.refgate.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.MicrometerMetricsFactory;

/** Vert.x's Micrometer meters as they come, except that HTTP servers skip referral-link requests. */
final class VertxMeters implements VertxMetrics {
  private final VertxMetrics meters;
  private final String skippedPrefix;

  private VertxMeters(VertxMetrics meters, String skippedPrefix) {
    this.meters = meters;
    this.skippedPrefix = skippedPrefix;
  }

  static VertxMetricsFactory factory(MeterRegistry registry, String skippedPrefix) {
    MicrometerMetricsFactory micrometer = new MicrometerMetricsFactory(registry);
    return options -> new VertxMeters(micrometer.metrics(options), skippedPrefix);
  }

  @Override
  public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options, SocketAddress localAddress) {
    HttpServerMetrics<?, ?, ?> server = meters.createHttpServerMetrics(options, localAddress);
    return server == null ? null : new HttpServerMetersWithoutRedirects<>(server, skippedPrefix);
  }

  @Override
  public EventBusMetrics<?> createEventBusMetrics() {
    return meters.createEventBusMetrics();
  }

  @Override
  public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remoteAddress, String type, String namespace) {
    return meters.createClientMetrics(remoteAddress, type, namespace);
  }

  @Override
  public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
    return meters.createHttpClientMetrics(options);
  }

  @Override
  public TCPMetrics<?> createNetServerMetrics(NetServerOptions options, SocketAddress localAddress) {
    return meters.createNetServerMetrics(options, localAddress);
  }

  @Override
  public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
    return meters.createNetClientMetrics(options);
  }

  @Override
  public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
    return meters.createDatagramSocketMetrics(options);
  }

  @Override
  public PoolMetrics<?, ?> createPoolMetrics(String type, String name, int maxSize) {
    return meters.createPoolMetrics(type, name, maxSize);
  }

  @Override
  public void vertxCreated(Vertx vertx) {
    meters.vertxCreated(vertx);
  }

  @Override
  public boolean isMetricsEnabled() {
    return meters.isMetricsEnabled();
  }

  @Override
  public void close() {
    meters.close();
  }
}
