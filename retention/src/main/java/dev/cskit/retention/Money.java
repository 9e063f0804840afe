package dev.cskit.retention;

import java.math.BigDecimal;

/** Amounts in cents: every MRR figure of this package is a {@code long} count of cents. */
public final class Money {
  private Money() {}

  /** Cents as an exact decimal ({@code 123456 -> 1234.56}). */
  public static BigDecimal decimal(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  /** Cents as text with two decimals ({@code 123456 -> "1234.56"}), for files. */
  public static String format(long cents) {
    return decimal(cents).toPlainString();
  }

  /** Cents as text for people: thousands separated, two decimals ({@code 123456789 -> "1,234,567.89"}). */
  public static String display(long cents) {
    return String.format(java.util.Locale.ROOT, "%,.2f", decimal(cents));
  }
}
