package io.refgate.support;

import java.util.Locale;
import java.util.UUID;

/**
 * Emails are kept only as SHA-256 hashes of the trimmed, lower-cased address, salted with the
 * tenant id: enough to compare a referee with a referrer (self-referral), useless across tenants.
 */
public final class EmailHash {
  private EmailHash() {
  }

  public static byte[] of(UUID tenantId, String email) {
    return email == null ? null : Sha256.of(tenantId + ":" + email.trim().toLowerCase(Locale.ROOT));
  }
}
