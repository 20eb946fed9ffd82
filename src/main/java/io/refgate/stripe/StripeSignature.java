package io.refgate.stripe;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature scheme: {@code Stripe-Signature: t=<unix time>,v1=<hex>[,v1=<hex>…]},
 * where v1 is HMAC-SHA256 of "t.payload" keyed with the endpoint's signing secret. Any v1 may
 * match (Stripe sends several while a secret is being rolled); the timestamp must be within 300 s
 * of now, either way. Signatures are compared in constant time.
 */
public final class StripeSignature {
  public static final Duration TOLERANCE = Duration.ofSeconds(300);

  private StripeSignature() {
  }

  /** Why a signature is refused, or null when it is valid. */
  public static String problem(String header, byte[] payload, String secret, Instant now) {
    if (header == null || header.isBlank()) {
      return "the Stripe-Signature header is missing";
    }
    Long timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      if (key.equals("t")) {
        timestamp = parseLong(value);
      } else if (key.equals("v1")) {
        byte[] signature = parseHex(value);
        if (signature != null) {
          signatures.add(signature);
        }
      }
    }
    if (timestamp == null || signatures.isEmpty()) {
      return "the Stripe-Signature header has no timestamp or no v1 signature";
    }
    long nowSeconds = now.getEpochSecond();
    if (timestamp < nowSeconds - TOLERANCE.getSeconds() || timestamp > nowSeconds + TOLERANCE.getSeconds()) {
      return "the signature's timestamp is more than 300 seconds from now";
    }
    byte[] expected = sign(timestamp, payload, secret);
    for (byte[] signature : signatures) {
      if (MessageDigest.isEqual(expected, signature)) {
        return null;
      }
    }
    return "no v1 signature matches the payload";
  }

  /** The v1 signature Stripe computes for a payload sent at {@code timestamp}. */
  public static byte[] sign(long timestamp, byte[] payload, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is in every JVM", e);
    }
  }

  private static Long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static byte[] parseHex(String text) {
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
