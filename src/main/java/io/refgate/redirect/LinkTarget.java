package io.refgate.redirect;

import io.refgate.cache.LinkRecord;
import java.util.UUID;

/** A code's answer compiled for the hot path: everything a redirect needs, precomputed. */
public record LinkTarget(
    long linkId,
    UUID tenantId,
    UUID campaignId,
    boolean active,
    Destination destination,
    CookiePolicy cookies,
    boolean firstClick,
    long windowMillis) {

  public static LinkTarget compile(LinkRecord link, boolean secureCookies) {
    return new LinkTarget(link.linkId(), link.tenantId(), link.campaignId(), link.active(),
        Destination.of(link.destinationUrl(), link.refParam(), link.clickParam()),
        new CookiePolicy(link.windowDays(), link.cookieDomain(), secureCookies),
        "first_click".equals(link.attributionModel()),
        link.windowDays() * 86_400_000L);
  }
}
