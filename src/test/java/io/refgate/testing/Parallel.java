package io.refgate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs calls truly at once: one thread each, released together, so that duplicates race inside the
 * gateway (the common pool would run them one after another on a 2-core machine).
 */
public final class Parallel {
  private Parallel() {
  }

  public static <T> List<T> run(int n, IntFunction<T> call) {
    ExecutorService threads = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        calls.add(threads.submit(() -> {
          start.await();
          return call.apply(index);
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> result : calls) {
        results.add(result.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }
}
