package io.refgate.clicks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Only the host of a Referer is kept: the page path can carry personal data. */
public final class RefererHost {
  private RefererHost() {
  }

  public static String of(String referer) {
    if (referer == null || referer.isEmpty()) {
      return null;
    }
    try {
      String host = new URI(referer).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
