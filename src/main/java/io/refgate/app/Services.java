package io.refgate.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.refgate.campaigns.CampaignService;
import io.refgate.clicks.ClickWriter;
import io.refgate.config.RefgateConfig;
import io.refgate.health.HealthChecks;
import io.refgate.http.HttpDate;
import io.refgate.links.LinkService;
import io.refgate.redirect.RedirectHandler;
import io.refgate.tenants.TenantService;

/** What the verticles share: built once by {@link Refgate}, all thread-safe. */
record Services(
    RefgateConfig config,
    PrometheusMeterRegistry registry,
    TenantService tenants,
    CampaignService campaigns,
    LinkService links,
    RedirectHandler redirects,
    ClickWriter clickWriter,
    HealthChecks health,
    HttpDate date) {
}
