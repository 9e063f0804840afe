package dev.cskit.retention;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import java.util.Locale;

/** How often a subscription line item is billed: its amount covers this many months. */
public enum BillingPeriod {
  /** One month. */
  MONTH(1),
  /** Three months. */
  QUARTER(3),
  /** Twelve months. */
  YEAR(12);

  private final int months;

  BillingPeriod(int months) {
    this.months = months;
  }

  /** The months one amount covers (1, 3 or 12). */
  public int months() {
    return months;
  }

  /**
   * Parses {@code month}, {@code quarter} or {@code year} (also {@code monthly}, {@code quarterly},
   * {@code yearly}, {@code annual}), case-insensitively.
   *
   * @throws CskitException for anything else
   */
  public static BillingPeriod parse(String text) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "month":
      case "monthly":
        return MONTH;
      case "quarter":
      case "quarterly":
        return QUARTER;
      case "year":
      case "yearly":
      case "annual":
      case "annually":
        return YEAR;
      default:
        throw new ArgumentException("billing_period", "must be month, quarter or year", CskitException.quote(text));
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
