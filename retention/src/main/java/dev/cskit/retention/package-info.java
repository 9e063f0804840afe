/**
 * Revenue retention: monthly recurring revenue (MRR) from subscription line items or from monthly MRR per
 * account, the MRR bridge (starting, new, expansion, reactivation, contraction, churn, ending) per month,
 * quarter or year, logo and revenue churn rates, gross and net revenue retention (GRR, NRR), cohort
 * triangles, and retention by the health band each account had at a snapshot.
 *
 * <p>Start with {@link dev.cskit.retention.MrrHistory#readSubscriptions} (a billing export) or
 * {@link dev.cskit.retention.MrrHistory#readMonthlyMrr}, then ask the history for its
 * {@link dev.cskit.retention.MrrHistory#bridge bridge}, {@link dev.cskit.retention.MrrHistory#rates rates},
 * {@link dev.cskit.retention.MrrHistory#cohorts cohorts} or {@link dev.cskit.retention.MrrHistory#byBand
 * retention by band}. Conventions with a choice are explicit in {@link dev.cskit.retention.RetentionOptions}.
 * Every amount is a whole number of cents (a {@code long}), so bridges reconcile exactly.
 */
package dev.cskit.retention;
