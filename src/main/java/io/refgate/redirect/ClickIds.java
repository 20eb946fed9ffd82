package io.refgate.redirect;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Click ids are UUIDv7 (48-bit millisecond time, then 74 random bits) written as 22 characters of
 * an alphabet in ASCII order: URL-safe, cookie-safe, and sorting as text sorts them by time. The
 * time inside an id lets attribution find the click's partition and check the window.
 */
public final class ClickIds {
  public static final int LENGTH = 22;
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~".toCharArray();
  private static final byte[] VALUES = new byte[128];

  static {
    java.util.Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = (byte) i;
    }
  }

  private ClickIds() {
  }

  public static UUID next(long epochMillis) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  public static long epochMillis(UUID id) {
    return id.getMostSignificantBits() >>> 16;
  }

  public static String encode(UUID id) {
    long msb = id.getMostSignificantBits();
    long lsb = id.getLeastSignificantBits();
    char[] out = new char[LENGTH];
    // 128 bits in 6-bit groups from the top; the last group carries 2 bits and 4 zero bits
    for (int i = 0; i < LENGTH; i++) {
      int shift = 122 - 6 * i;
      out[i] = ALPHABET[(int) (bits(msb, lsb, shift) & 0x3F)];
    }
    return new String(out);
  }

  /** The id a text names, or null when it is not a click id this gateway could have issued. */
  public static UUID decode(String text) {
    if (text == null || text.length() != LENGTH) {
      return null;
    }
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      int value = c < 128 ? VALUES[c] : -1;
      if (value < 0) {
        return null;
      }
      int shift = 122 - 6 * i;
      if (shift >= 64) {
        msb |= (long) value << (shift - 64);
      } else if (shift >= 0) {
        msb |= shift > 58 ? (long) value >>> (64 - shift) : 0;
        lsb |= (long) value << shift;
      } else {
        if ((value & ((1 << -shift) - 1)) != 0) {
          return null;
        }
        lsb |= (long) value >>> -shift;
      }
    }
    UUID id = new UUID(msb, lsb);
    return id.version() == 7 && id.variant() == 2 ? id : null;
  }

  private static long bits(long msb, long lsb, int shift) {
    if (shift >= 64) {
      return msb >>> (shift - 64);
    }
    if (shift > 58) {
      return (lsb >>> shift) | (msb << (64 - shift));
    }
    return shift >= 0 ? lsb >>> shift : lsb << -shift;
  }
}
