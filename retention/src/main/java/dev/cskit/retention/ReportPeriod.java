package dev.cskit.retention;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import java.time.YearMonth;
import java.util.Locale;

/** The periods a bridge or rate table is reported by: calendar months, quarters or years. */
public enum ReportPeriod {
  /** Calendar months, labelled {@code 2026-03}. */
  MONTH,
  /** Calendar quarters, labelled {@code 2026-Q1}. */
  QUARTER,
  /** Calendar years, labelled {@code 2026}. */
  YEAR;

  /** Parses {@code month}, {@code quarter} or {@code year}, case-insensitively. */
  public static ReportPeriod parse(String text) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "month":
        return MONTH;
      case "quarter":
        return QUARTER;
      case "year":
        return YEAR;
      default:
        throw new ArgumentException("period", "must be month, quarter or year", CskitException.quote(text));
    }
  }

  /** A number that orders periods and is equal for the months of one period. */
  long key(YearMonth m) {
    switch (this) {
      case MONTH:
        return m.getYear() * 12L + m.getMonthValue() - 1;
      case QUARTER:
        return m.getYear() * 4L + (m.getMonthValue() - 1) / 3;
      default:
        return m.getYear();
    }
  }

  /** The label of the period holding a month. */
  public String label(YearMonth m) {
    switch (this) {
      case MONTH:
        return m.toString();
      case QUARTER:
        return m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
      default:
        return Integer.toString(m.getYear());
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
