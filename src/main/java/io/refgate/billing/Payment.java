package io.refgate.billing;

/** A payment as stored; {@code refereeUserId} is null when it matched no attribution. */
public record Payment(String paymentId, String refereeUserId, long amountMinor, long refundedMinor, String currency) {
}
