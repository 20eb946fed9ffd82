package io.refgate.redirect;

/**
 * The visitor's address: the socket's, or with http.trust_proxy_hops = N behind N proxies that
 * append to X-Forwarded-For, the N-th entry from the right (entries further left are whatever the
 * client chose to send).
 */
public final class ClientAddress {
  private ClientAddress() {
  }

  public static String of(String socketAddress, String forwardedFor, int trustedHops) {
    if (trustedHops == 0 || forwardedFor == null || forwardedFor.isBlank()) {
      return socketAddress;
    }
    String[] hops = forwardedFor.split(",");
    String hop = hops[Math.max(0, hops.length - trustedHops)].trim();
    return hop.isEmpty() ? socketAddress : hop;
  }
}
