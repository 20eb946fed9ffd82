package io.refgate.tenants;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Where a tenant's links may send visitors: exact host names, or "*.example.com" for any subdomain
 * (not example.com itself). The gateway is never an open redirect (CONTRACT §2).
 */
public final class AllowedHosts {
  private static final int MAX_URL_LENGTH = 2048;

  private AllowedHosts() {
  }

  public static boolean isHostName(String text) {
    if (text.isEmpty() || text.length() > 253 || text.startsWith(".") || text.endsWith(".")) {
      return false;
    }
    for (String label : text.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * An entry of allowed_hosts: a lower-case host name, optionally behind "*." — but a wildcard needs
   * a registered domain under it ("*.com" would allow the whole top-level domain).
   */
  public static boolean isPattern(String entry) {
    if (entry.startsWith("*.")) {
      String base = entry.substring(2);
      return isHostName(base) && base.indexOf('.') > 0;
    }
    return isHostName(entry);
  }

  public static boolean permits(List<String> allowed, String host) {
    String candidate = host.toLowerCase(Locale.ROOT);
    for (String entry : allowed) {
      if (entry.startsWith("*.") ? candidate.endsWith(entry.substring(1)) : candidate.equals(entry)) {
        return true;
      }
    }
    return false;
  }

  /** Why {@code url} cannot be a destination for a tenant allowing {@code allowed}, or null if it can. */
  public static String problemWith(String url, List<String> allowed) {
    if (url.length() > MAX_URL_LENGTH) {
      return "must be at most " + MAX_URL_LENGTH + " characters";
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "must be an absolute http or https URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
      return "must be an absolute http or https URL";
    }
    if (!permits(allowed, uri.getHost())) {
      return "host " + uri.getHost() + " is not in the tenant's allowed_hosts";
    }
    return null;
  }
}
