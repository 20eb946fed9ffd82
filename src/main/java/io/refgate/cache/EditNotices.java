package io.refgate.cache;

import io.refgate.config.RefgateConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tells every instance which codes were edited, through one Redis stream: an edit appends its
 * codes, and each instance reads what is new every cache.edit_poll_ms and drops those codes from
 * its local cache. That lets local entries live for minutes instead of re-reading every hot code
 * each second. An instance that has not read the stream for cache.local_ttl_ms is not
 * {@link #current}: its local entries then live no longer than that, and once it reads the stream
 * again it drops them all, since it cannot know which edits it missed.
 */
public final class EditNotices {
  /** The stream is trimmed to about this many announcements; far more than arrive between two reads. */
  private static final int KEPT = 100_000;
  private static final int READ_LIMIT = 1_000;
  /**
   * Announcements and reads bypass the Redis breaker: an edit must not skip its announcement
   * because a cache lookup timed out, and a slow read (a new connection, say) must not turn lookups
   * away from Redis. Neither is on a visitor's path, so they may wait this long.
   */
  private static final long TIMEOUT_MS = 1_000;

  private final Vertx vertx;
  private final GuardedRedis redis;
  private final String key;
  private final int pollMs;
  private final int trustMs;
  /** When the last complete read of the stream started, in epoch millis; read on every redirect. */
  private volatile long heardAt;
  /** The id of the last announcement read; null until the first read. Touched on the poll's context only. */
  private String lastId;
  private boolean reading;

  public EditNotices(Vertx vertx, GuardedRedis redis, RefgateConfig config) {
    this.vertx = vertx;
    this.redis = redis;
    this.key = config.redis().keyPrefix() + "edits";
    this.pollMs = config.cache().editPollMs();
    this.trustMs = config.cache().localTtlMs();
  }

  /** Reads the stream from now on: {@code edited} gets the codes of each announcement, {@code missed} runs after a gap. */
  public void follow(Consumer<List<String>> edited, Runnable missed) {
    vertx.setPeriodic(pollMs, id -> read(edited, missed));
  }

  /** Whether every edit announced up to cache.local_ttl_ms ago has been applied. */
  public boolean current(long nowMillis) {
    return nowMillis - heardAt <= trustMs;
  }

  /** Stores an announcement of these codes; the future fails when Redis cannot be reached. */
  public Future<Void> announce(List<String> codes) {
    Request add = Request.cmd(Command.XADD).arg(key).arg("MAXLEN").arg("~").arg(KEPT).arg("*").arg("codes")
        .arg(String.join(" ", codes));
    return redis.sendOutsideBreaker(add, TIMEOUT_MS).mapEmpty();
  }

  private void read(Consumer<List<String>> edited, Runnable missed) {
    if (reading) {
      return;
    }
    reading = true;
    long started = System.currentTimeMillis();
    Future<Boolean> read = lastId == null || !current(started) ? skipToEnd(missed) : readNew(edited);
    read.onComplete(ar -> {
      reading = false;
      if (ar.succeeded() && ar.result()) {
        heardAt = started;
      } else if (ar.succeeded()) {
        read(edited, missed);
      }
    });
  }

  /** After a gap: continue after the newest announcement, and drop everything cached before it. */
  private Future<Boolean> skipToEnd(Runnable missed) {
    Request newestOne = Request.cmd(Command.XREVRANGE).arg(key).arg("+").arg("-").arg("COUNT").arg(1);
    return redis.sendOutsideBreaker(newestOne, TIMEOUT_MS).map(newest -> {
      lastId = newest == null || newest.size() == 0 ? "0-0" : newest.get(0).get(0).toString();
      missed.run();
      return true;
    });
  }

  /** Applies the announcements after the last one read; true when none are left unread. */
  private Future<Boolean> readNew(Consumer<List<String>> edited) {
    Request after = Request.cmd(Command.XRANGE).arg(key).arg("(" + lastId).arg("+").arg("COUNT").arg(READ_LIMIT);
    return redis.sendOutsideBreaker(after, TIMEOUT_MS).map(entries -> {
      int read = 0;
      for (Response entry : entries) {
        lastId = entry.get(0).toString();
        edited.accept(List.of(entry.get(1).get(1).toString().split(" ")));
        read++;
      }
      return read < READ_LIMIT;
    });
  }
}
