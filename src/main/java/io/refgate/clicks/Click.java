package io.refgate.clicks;

import java.util.UUID;

/**
 * One answered redirect, as the hot path hands it over: raw request facts only. Anonymising the IP
 * and reducing the Referer to its host happen in the writer, off the event loop that answered.
 */
public record Click(UUID id, long linkId, UUID tenantId, UUID campaignId, String ip, String userAgent, String referer,
    boolean bot) {

  public long epochMillis() {
    return id.getMostSignificantBits() >>> 16;
  }
}
