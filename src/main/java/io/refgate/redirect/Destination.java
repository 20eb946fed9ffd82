package io.refgate.redirect;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * A link's destination, split once into the parts every redirect reuses, so that answering a click
 * is string appends. The Location is the destination with {@code ref} and {@code click_id} added to
 * its query, plus the visitor's own query parameters (utm_* and the like) unless the destination
 * already sets them: the destination wins (CONTRACT §4). The fragment stays last.
 */
public final class Destination {
  private final String prefix;
  private final String clickParamPrefix;
  private final String fragment;
  private final Set<String> reserved;

  private Destination(String prefix, String clickParamPrefix, String fragment, Set<String> reserved) {
    this.prefix = prefix;
    this.clickParamPrefix = clickParamPrefix;
    this.fragment = fragment;
    this.reserved = reserved;
  }

  /** {@code url} is an absolute http(s) URL, already checked against the tenant's allowed hosts. */
  public static Destination of(String url, String refParam, String clickParam) {
    int hash = url.indexOf('#');
    String withoutFragment = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    Set<String> reserved = new HashSet<>(queryNames(URI.create(withoutFragment).getRawQuery()));
    reserved.add(refParam);
    reserved.add(clickParam);
    String separator = withoutFragment.endsWith("?") || withoutFragment.endsWith("&") ? ""
        : withoutFragment.indexOf('?') >= 0 ? "&" : "?";
    return new Destination(withoutFragment + separator + refParam + "=", "&" + clickParam + "=", fragment, Set.copyOf(reserved));
  }

  /**
   * The Location for a click on {@code code}. {@code clickId} is null for answers that record no
   * click (HEAD); {@code visitorQuery} is the raw query of the referral link's request, or null.
   */
  public String location(String code, String clickId, String visitorQuery) {
    StringBuilder out = new StringBuilder(prefix.length() + 64 + (visitorQuery == null ? 0 : visitorQuery.length()));
    out.append(prefix).append(code);
    if (clickId != null) {
      out.append(clickParamPrefix).append(clickId);
    }
    if (visitorQuery != null && !visitorQuery.isEmpty()) {
      appendVisitorParams(out, visitorQuery);
    }
    return out.append(fragment).toString();
  }

  private void appendVisitorParams(StringBuilder out, String query) {
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      if (end > start) {
        int eq = query.indexOf('=', start);
        int nameEnd = eq < 0 || eq > end ? end : eq;
        if (nameEnd > start && !reserved.contains(decode(query.substring(start, nameEnd)))) {
          out.append('&');
          appendSafe(out, query, start, end);
        }
      }
      start = end + 1;
    }
  }

  /** Copies a visitor's pair, percent-encoding anything that may not stand in a Location header. */
  private static void appendSafe(StringBuilder out, String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (isQueryChar(c)) {
        out.append(c);
      } else {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
              .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
      }
    }
  }

  private static boolean isQueryChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-._~!$'()*+,;=:@/?%".indexOf(c) >= 0;
  }

  private static Set<String> queryNames(String rawQuery) {
    Set<String> names = new HashSet<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        if (!name.isEmpty()) {
          names.add(decode(name));
        }
      }
    }
    return names;
  }

  private static String decode(String name) {
    if (name.indexOf('%') < 0 && name.indexOf('+') < 0) {
      return name;
    }
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return name;
    }
  }
}
