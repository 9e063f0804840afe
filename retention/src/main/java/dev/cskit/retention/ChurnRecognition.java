package dev.cskit.retention;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import java.util.Locale;

/** When a cancelled subscription stops counting in MRR. */
public enum ChurnRecognition {
  /**
   * At its end date as given (the default): the subscription counts up to the day before {@code end_date}.
   */
  AT_CANCELLATION,
  /**
   * At the end of the period already paid: a subscription that ends between two billing dates counts until
   * the next billing date ({@code start + k} billing periods, the first such date on or after its end
   * date), unless another subscription of the same account starts on its end date (a plan change, which
   * replaces it at once).
   */
  AT_PERIOD_END;

  /** Parses {@code cancellation} or {@code period-end} (case-insensitive; the enum names also work). */
  public static ChurnRecognition parse(String text) {
    switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "cancellation":
      case "at-cancellation":
        return AT_CANCELLATION;
      case "period-end":
      case "at-period-end":
        return AT_PERIOD_END;
      default:
        throw new ArgumentException("churn recognition", "must be cancellation or period-end", CskitException.quote(text));
    }
  }
}
