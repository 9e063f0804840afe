/**
 * Customer lifetime value (LTV): what an account is expected to be worth over its remaining life.
 *
 * <p>{@link dev.cskit.core.ltv.Ltv} holds the formulas: the capped form ARPA x gross margin x min(1 / churn,
 * horizon) and the discounted form m r / (1 + d - r) (with an optional finite horizon), both safe when churn
 * is zero. {@link dev.cskit.core.ltv.LtvSettings} is the configuration record (method, margin, churn, churn per
 * touch tier, discount rate, horizon) that touch models embed, and computes an account's LTV from its ARR.
 * All periods are years: ARR is the annual ARPA, churn and discount rates are annual.
 */
package dev.cskit.core.ltv;
