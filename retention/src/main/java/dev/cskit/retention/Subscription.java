package dev.cskit.retention;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One subscription line item as billing systems export it.
 *
 * @param accountId the customer
 * @param subscriptionId the subscription's id (for messages; may be empty)
 * @param plan the plan name (may be empty)
 * @param start the first day it is active
 * @param end the first day it is no longer active (exclusive), or null while active; a plan change ends one
 *     subscription and starts the next on the same day
 * @param amount the price of one billing period, in {@code currency}, 0 or more
 * @param billingPeriod the months one amount covers
 * @param currency the currency code (may be empty when the whole input has one unnamed currency)
 */
public record Subscription(
    String accountId,
    String subscriptionId,
    String plan,
    LocalDate start,
    LocalDate end,
    BigDecimal amount,
    BillingPeriod billingPeriod,
    String currency) {

  /** Checks the fields: ids, start, amount and period present, amount not negative, end not before start. */
  public Subscription {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    subscriptionId = subscriptionId == null ? "" : subscriptionId;
    plan = plan == null ? "" : plan;
    currency = currency == null ? "" : currency;
    if (accountId.isEmpty()) {
      throw new ArgumentException("accountId", "must not be empty", "\"\"");
    }
    if (amount.signum() < 0) {
      throw new ArgumentException("amount", "must be 0 or more", amount.toPlainString());
    }
    if (end != null && end.isBefore(start)) {
      throw new ArgumentException("end", "must not be before start (" + start + ")", end.toString());
    }
  }

  /** A monthly subscription in one currency, for examples and tests. */
  public static Subscription monthly(String accountId, LocalDate start, LocalDate end, String amount) {
    return new Subscription(accountId, "", "", start, end, new BigDecimal(amount), BillingPeriod.MONTH, "");
  }
}
