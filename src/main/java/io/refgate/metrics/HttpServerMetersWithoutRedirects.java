package io.refgate.metrics;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;

/**
 * Vert.x's HTTP server meters for every request except referral links. Vert.x looks up five tagged
 * meters per request, work the hot path can do without (load-tests/README.md);
 * redirects have pre-registered meters of their own (refgate_redirects_total,
 * refgate_redirect_seconds). A skipped request gets no request metric, and Vert.x hands that null
 * back to every later call about the request, which then does nothing.
 */
final class HttpServerMetersWithoutRedirects<R, W, S> implements HttpServerMetrics<R, W, S> {
  private final HttpServerMetrics<R, W, S> meters;
  private final String skippedPrefix;

  HttpServerMetersWithoutRedirects(HttpServerMetrics<R, W, S> meters, String skippedPrefix) {
    this.meters = meters;
    this.skippedPrefix = skippedPrefix;
  }

  @Override
  public R requestBegin(S socketMetric, HttpRequest request) {
    return request.uri().startsWith(skippedPrefix) ? null : meters.requestBegin(socketMetric, request);
  }

  @Override
  public void requestEnd(R requestMetric, HttpRequest request, long bytesRead) {
    if (requestMetric != null) {
      meters.requestEnd(requestMetric, request, bytesRead);
    }
  }

  @Override
  public void requestReset(R requestMetric) {
    if (requestMetric != null) {
      meters.requestReset(requestMetric);
    }
  }

  @Override
  public void responseBegin(R requestMetric, HttpResponse response) {
    if (requestMetric != null) {
      meters.responseBegin(requestMetric, response);
    }
  }

  @Override
  public void responseEnd(R requestMetric, HttpResponse response, long bytesWritten) {
    if (requestMetric != null) {
      meters.responseEnd(requestMetric, response, bytesWritten);
    }
  }

  @Override
  public void requestRouted(R requestMetric, String route) {
    if (requestMetric != null) {
      meters.requestRouted(requestMetric, route);
    }
  }

  @Override
  public R responsePushed(S socketMetric, HttpMethod method, String uri, HttpResponse response) {
    return meters.responsePushed(socketMetric, method, uri, response);
  }

  @Override
  public W connected(S socketMetric, R requestMetric, ServerWebSocket serverWebSocket) {
    return meters.connected(socketMetric, requestMetric, serverWebSocket);
  }

  @Override
  public void disconnected(W serverWebSocketMetric) {
    meters.disconnected(serverWebSocketMetric);
  }

  @Override
  public S connected(SocketAddress remoteAddress, String remoteName) {
    return meters.connected(remoteAddress, remoteName);
  }

  @Override
  public void disconnected(S socketMetric, SocketAddress remoteAddress) {
    meters.disconnected(socketMetric, remoteAddress);
  }

  @Override
  public void bytesRead(S socketMetric, SocketAddress remoteAddress, long numberOfBytes) {
    meters.bytesRead(socketMetric, remoteAddress, numberOfBytes);
  }

  @Override
  public void bytesWritten(S socketMetric, SocketAddress remoteAddress, long numberOfBytes) {
    meters.bytesWritten(socketMetric, remoteAddress, numberOfBytes);
  }

  @Override
  public void exceptionOccurred(S socketMetric, SocketAddress remoteAddress, Throwable t) {
    meters.exceptionOccurred(socketMetric, remoteAddress, t);
  }

  @Override
  public void close() {
    meters.close();
  }
}
