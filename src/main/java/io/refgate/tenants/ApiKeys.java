package io.refgate.tenants;

import io.refgate.support.Base62;
import io.refgate.support.Sha256;

/**
 * API keys: "rg_" + 32 random base62 characters (190 bits). Only the SHA-256 hash is stored, with
 * the first 12 characters as a visible prefix that names the key for revocation.
 */
public final class ApiKeys {
  public static final int PREFIX_LENGTH = 12;
  private static final String SCHEME = "rg_";
  private static final int RANDOM_LENGTH = 32;

  private ApiKeys() {
  }

  public record Key(String plaintext, byte[] hash, String prefix) {
  }

  public static Key generate() {
    String plaintext = SCHEME + Base62.random(RANDOM_LENGTH);
    return new Key(plaintext, Sha256.of(plaintext), plaintext.substring(0, PREFIX_LENGTH));
  }

  public static byte[] hash(String plaintext) {
    return Sha256.of(plaintext);
  }
}
