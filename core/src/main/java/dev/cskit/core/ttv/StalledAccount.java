package dev.cskit.core.ttv;

import dev.cskit.core.AccountId;

/**
 * An account past the check-in day without value (and not churned).
 *
 * @param accountId the account
 * @param daysSinceStart days from its start to the as-of instant
 * @param renewalDay the day (since its start) of its renewal, NaN when unknown
 * @param chanceBeforeRenewal the Kaplan-Meier chance of reaching value before renewal given not reached
 *     yet: {@code 1 - S(renewalDay) / S(daysSinceStart)}; 0 when the renewal has passed; NaN when unknown
 *     or when the curve has reached 0
 */
public record StalledAccount(
    AccountId accountId, double daysSinceStart, double renewalDay, double chanceBeforeRenewal) {}
