package dev.cskit.sample;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One subscription line item of the sample portfolio's billing history.
 *
 * @param accountId the account
 * @param subscriptionId unique within the sample
 * @param plan the plan name
 * @param start the first day it is active
 * @param end the first day it is no longer active, or null while active
 * @param amount the price of one billing period
 * @param billingPeriod {@code month}, {@code quarter} or {@code year}
 * @param currency {@code USD}
 */
public record SampleSubscription(
    String accountId,
    String subscriptionId,
    String plan,
    LocalDate start,
    LocalDate end,
    BigDecimal amount,
    String billingPeriod,
    String currency) {}
