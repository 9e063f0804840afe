package dev.cskit.retention;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * An account's MRR in one month, for input that is already monthly.
 *
 * @param accountId the customer
 * @param month the month
 * @param mrr its MRR at the end of the month, 0 or more (rounded half-to-even to the cent)
 * @param currency the currency (may be empty)
 */
public record MonthlyMrr(String accountId, YearMonth month, BigDecimal mrr, String currency) {
  /** Checks the fields. */
  public MonthlyMrr {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(mrr, "mrr");
    currency = currency == null ? "" : currency;
    if (mrr.signum() < 0) {
      throw new dev.cskit.core.CskitException("mrr", "must be 0 or more", mrr.toPlainString());
    }
  }
}
