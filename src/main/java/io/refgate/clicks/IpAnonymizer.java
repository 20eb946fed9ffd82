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
    if (ip == null || ip.isEmpty()) {
      return null;
    }
    if (ip.indexOf(':') < 0) {
      return ipv4Network(ip);
    }
    if (!isIpv6Literal(ip)) {
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

  /**
   * "a.b.c.d" as "a.b.c.0", parsed by hand: every click's address passes here, and the parts of
   * a dotted quad are all it takes. Null for anything else ("1.2.3.999", "1..2.3", host names).
   */
  private static String ipv4Network(String text) {
    int[] octets = new int[3];
    int part = 0;
    int value = 0;
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && digits < 3) {
        value = value * 10 + (c - '0');
        digits++;
      } else if (c == '.' && digits > 0 && value <= 255 && part < 3) {
        octets[part++] = value;
        value = 0;
        digits = 0;
      } else {
        return null;
      }
    }
    if (part != 3 || digits == 0 || value > 255) {
      return null;
    }
    return octets[0] + "." + octets[1] + "." + octets[2] + ".0";
  }

  /** Guards getByName against host names and zone ids, which it would resolve or accept. */
  private static boolean isIpv6Literal(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') {
        return false;
      }
    }
    return true;
  }
}
