package dev.cskit.sample;

import dev.cskit.core.AccountId;
import java.time.LocalDate;

/**
 * What happened to a sample account in the year after the portfolio's as-of date.
 *
 * @param churnDate the day it left, or null when it renewed
 * @param renewalDate its renewal date in that year
 */
public record ChurnOutcome(AccountId accountId, LocalDate churnDate, LocalDate renewalDate) {
  /** Whether the account churned. */
  public boolean churned() {
    return churnDate != null;
  }
}
