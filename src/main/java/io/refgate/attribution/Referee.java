package io.refgate.attribution;

import java.util.UUID;

/** A signed-up user and the decision on its signup; referrer fields are null unless it was attributed or rejected. */
public record Referee(String userId, String status, String reason, String referrerUserId, String code, UUID campaignId) {

  public boolean attributed() {
    return status.equals("attributed");
  }
}
