package io.refgate.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.refgate.attribution.MilestoneService;
import io.refgate.attribution.SignupService;
import io.refgate.billing.BillingService;
import io.refgate.campaigns.CampaignService;
import io.refgate.clicks.ClickWriter;
import io.refgate.config.RefgateConfig;
import io.refgate.events.EventService;
import io.refgate.health.HealthChecks;
import io.refgate.http.HttpDate;
import io.refgate.links.ActivityService;
import io.refgate.links.LinkService;
import io.refgate.redirect.RedirectHandler;
import io.refgate.reports.ReportService;
import io.refgate.rewards.RewardLedger;
import io.refgate.stripe.StripeService;
import io.refgate.tenants.TenantService;

/** What the verticles share: built once by {@link Refgate}, all thread-safe. */
record Services(
    RefgateConfig config,
    PrometheusMeterRegistry registry,
    TenantService tenants,
    CampaignService campaigns,
    LinkService links,
    EventService events,
    SignupService signups,
    MilestoneService milestones,
    BillingService billing,
    ActivityService activity,
    RewardLedger rewards,
    ReportService reports,
    StripeService stripe,
    RedirectHandler redirects,
    ClickWriter clickWriter,
    HealthChecks health,
    HttpDate date) {
}
