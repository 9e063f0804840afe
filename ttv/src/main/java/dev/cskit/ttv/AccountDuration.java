package dev.cskit.ttv;

import dev.cskit.core.AccountId;
import java.time.Instant;

/**
 * One account's time to value.
 *
 * @param accountId the account
 * @param start when the clock started (its start milestone)
 * @param end when the duration ended: first value, churn, or the as-of instant (censored)
 * @param days the duration in days, fractional ({@code seconds / 86400})
 * @param status how it ended
 */
public record AccountDuration(
    AccountId accountId, Instant start, Instant end, double days, TtvStatus status) {}
