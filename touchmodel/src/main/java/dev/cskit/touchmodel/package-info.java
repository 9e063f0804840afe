/**
 * Touch-model segmentation: which accounts get tech, low or high touch, by value, health and capacity, and
 * why.
 *
 * <ul>
 *   <li>{@link dev.cskit.touchmodel.TouchModel}: the versioned configuration (tiers with hours per account,
 *       cost and capacity; LTV settings; first-match {@link dev.cskit.touchmodel.TierRule}s over ARR, LTV,
 *       attributes, lifecycle stage, health band and percentiles; {@link dev.cskit.touchmodel.Pin}s with
 *       expiry; the uplift table; {@link dev.cskit.touchmodel.Hysteresis}; the
 *       {@link dev.cskit.touchmodel.Playbook}), read strictly from JSON or YAML. {@code TouchModel.example()}
 *       is a model sized for the sample portfolio.
 *   <li>{@link dev.cskit.touchmodel.TouchModel#segment}: a {@link dev.cskit.touchmodel.Segmentation} with
 *       each account's tier, reason, previous tier, change or hold, and distance to its nearest boundary, plus
 *       hours needed against hours available per tier.
 *   <li>{@link dev.cskit.touchmodel.Allocator}: capacity-constrained allocation maximising LTV x retention
 *       uplift, with its LP-relaxation bound and gap.
 *   <li>{@link dev.cskit.touchmodel.UsageGroups} (eight groups on utilization, engagement, penetration) and
 *       {@link dev.cskit.touchmodel.KMeans} (seeded k-means++ on standardised log(1 + x)).
 *   <li>{@link dev.cskit.touchmodel.CapacityPlan} and {@link dev.cskit.touchmodel.WhatIf}: managers per tier,
 *       coverage, and what moved thresholds or budgets would change.
 *   <li>{@link dev.cskit.touchmodel.ContentAdvisor}: recurring one-to-one topics to seminars, well-attended
 *       seminars to e-mail or help content.
 *   <li>{@link dev.cskit.touchmodel.Ltv} and {@link dev.cskit.touchmodel.LtvSettings}: customer lifetime value,
 *       the capped form ARPA x gross margin x min(1 / churn, horizon) and the discounted form m r / (1 + d - r)
 *       (optionally over a finite horizon), both safe when churn is zero; periods are years (ARR is the annual
 *       ARPA). Moved here from core: the touch model is their only user.
 * </ul>
 *
 * <p>Models and results are immutable and thread-safe.
 */
package dev.cskit.touchmodel;
