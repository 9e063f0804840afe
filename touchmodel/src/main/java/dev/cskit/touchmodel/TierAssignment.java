package dev.cskit.touchmodel;

import dev.cskit.core.AccountId;

/**
 * One account's tier and why.
 *
 * @param accountId the account
 * @param tier the tier it is assigned
 * @param reason the reason in words (the rule that fired, a pin, a capacity spill, a hysteresis hold)
 * @param kind the kind of reason
 * @param previousTier the tier of the previous run, or null
 * @param changed whether the tier differs from the previous one (false when there was none)
 * @param held whether hysteresis kept it from changing
 * @param wantedTier the tier rules or allocation wanted before hysteresis and capacity
 * @param boundary the nearest boundary, or null when no threshold applies
 * @param arr the account's ARR
 * @param ltv its lifetime value at the base churn
 * @param band its health band
 * @param action the playbook's action for its tier, band and lifecycle stage, or null when none matches
 */
public record TierAssignment(
    AccountId accountId,
    String tier,
    String reason,
    ReasonKind kind,
    String previousTier,
    boolean changed,
    boolean held,
    String wantedTier,
    Boundary boundary,
    double arr,
    double ltv,
    String band,
    String action) {}
