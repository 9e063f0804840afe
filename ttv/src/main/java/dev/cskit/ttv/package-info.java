/**
 * Time to value, the honest way: survival analysis instead of funnel averages that drop the accounts still
 * onboarding and those that left.
 *
 * <p>{@link dev.cskit.ttv.Durations} turns milestone events ({@link dev.cskit.ttv.MilestoneEvent},
 * types chosen by a {@link dev.cskit.ttv.TtvSpec}) into per-account durations with their status:
 * reached value, churned first (a competing event) or still onboarding (censored at the as-of instant).
 * Those feed the estimators of {@link dev.cskit.ttv.stats} (Kaplan-Meier, Aalen-Johansen, log-rank,
 * restricted mean differences between cohorts). On top: {@link dev.cskit.ttv.CheckIn} (the day for a
 * progress call and the stalled accounts), {@link dev.cskit.ttv.Bottlenecks} (the step of an onboarding
 * path where accounts stall most) and {@link dev.cskit.ttv.Payback} (the negative phase after adoption,
 * its trough and the payback day, discounted or not, also with benefits starting at a random time to
 * value).
 */
package dev.cskit.ttv;
