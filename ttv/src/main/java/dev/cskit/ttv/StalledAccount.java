package dev.cskit.ttv;

import dev.cskit.core.AccountId;

/**
 * An account past the check-in day without value (and not churned).
 *
 * @param accountId the account
 * @param daysSinceStart days from its start to the as-of instant
 * @param renewalDay the day (since its start) of its renewal, NaN when unknown
 * @param chanceBeforeRenewal the chance of reaching value before renewal given no value (nor churn) yet:
 *     {@code 1 - S(renewalDay) / S(daysSinceStart)} from Kaplan-Meier, or {@code (F(renewalDay) -
 *     F(daysSinceStart)) / p0(daysSinceStart)} with churn competing (Aalen-Johansen); 0 when the renewal
 *     has passed; NaN when unknown or when nobody is left event-free
 */
public record StalledAccount(
    AccountId accountId, double daysSinceStart, double renewalDay, double chanceBeforeRenewal) {}
