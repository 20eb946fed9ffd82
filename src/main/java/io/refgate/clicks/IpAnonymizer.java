package io.refgate.clicks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Visitor addresses are stored only as their network: IPv4 /24, IPv6 /48 (DESIGN.md, Data). */
public final class IpAnonymizer {
  private IpAnonymizer() {
  }

  /** The anonymised network address as text, or null when the input is not an IP literal. */
  public static String anonymize(String ip) {
    if (ip == null || ip.isEmpty() || !looksLikeIpLiteral(ip)) {
      return null;
    }
    try {
      InetAddress address = InetAddress.getByName(ip);
      byte[] bytes = address.getAddress();
      if (address instanceof Inet4Address) {
        bytes[3] = 0;
      } else if (address instanceof Inet6Address) {
        for (int i = 6; i < 16; i++) {
          bytes[i] = 0;
        }
      }
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Guards getByName against host names, which it would resolve over DNS. */
  private static boolean looksLikeIpLiteral(String text) {
    boolean v6 = text.indexOf(':') >= 0;
    int dots = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hex = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (c == '.') {
        dots++;
      } else if (!(c >= '0' && c <= '9') && !(v6 && (hex || c == ':'))) {
        return false;
      }
    }
    return v6 || (dots == 3 && hasByteSizedParts(text));
  }

  /** "1.2.3.999" or "1..2.3" are no IPv4 literal either: getByName would look them up as names. */
  private static boolean hasByteSizedParts(String dottedDigits) {
    for (String part : dottedDigits.split("\\.", -1)) {
      if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }
}
