package dev.cskit.core.io;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The one strict parser per cell type, used by every cskit reader (through {@link CsvInput.Row}): a cell is a
 * number, a whole number, a date or a timestamp <em>in full</em>, or an error. Each function takes trimmed,
 * non-empty text (an empty cell is a missing value, handled by the caller) and throws an
 * {@link ArgumentException} (argument {@code cell}) naming the rule broken; {@link CsvInput.Row} turns it
 * into a {@link dev.cskit.core.DataException} naming the file, row and column.
 *
 * <p>The rules:
 * <ul>
 *   <li>a number is {@code [+-]digits[.digits][(e|E)[+-]digits]} (at least one digit before or after the
 *       point), finite; Java's suffixes ({@code 5d}, {@code 1f}), hex, {@code Infinity}, {@code NaN},
 *       {@code NA} and trailing text are errors: a missing value is an empty cell;
 *   <li>a whole number is a number whose value is whole ({@code 39}, {@code 39.0}) and below 9e15 in size;
 *   <li>a date is {@code YYYY-MM-DD}, or a timestamp (below) whose date part is taken;
 *   <li>a timestamp is ISO-8601 with an offset ({@code 2026-04-02T14:45:12Z}, {@code
 *       2026-04-02T14:45:12.250+02:00}), a local date-time taken as UTC ({@code 2026-04-02T14:45:12} or
 *       {@code 2026-04-02 14:45}), or a date taken as its start in UTC.
 * </ul>
 * The common forms are parsed by hand (no objects, no regular expressions); the unusual ones fall back to
 * {@code java.time}, with the same results.
 */
public final class Cells {
  /** The rule for a number cell. */
  public static final String NUMBER_RULE =
      "must be a number in full (such as 12, -0.5 or 1e3; leave the cell empty for a missing value)";
  /** The rule for a whole-number cell. */
  public static final String WHOLE_RULE = "must be a whole number";
  /** The rule for a date cell. */
  public static final String DATE_RULE = "must be a date (YYYY-MM-DD)";
  /** The rule for a timestamp cell. */
  public static final String INSTANT_RULE = "must be a date or an ISO-8601 timestamp";

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22
  };
  /** Sentinel of {@link #fastEpochSecond}: not a form the fast path knows. */
  static final long NOT_FAST = Long.MIN_VALUE;

  private Cells() {}

  private static ArgumentException invalid(String rule, CharSequence text) {
    return new ArgumentException("cell", rule, CskitException.quote(text.toString()));
  }

  /**
   * A number cell, in full.
   *
   * @throws ArgumentException when the text is not a finite decimal number
   */
  public static double number(String t) {
    int n = t.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (t.charAt(0) == '-' || t.charAt(0) == '+')) {
      negative = t.charAt(0) == '-';
      i = 1;
    }
    long mantissa = 0;
    int digits = 0; // significant digits kept in mantissa
    int fraction = 0; // digits after the point kept in mantissa
    boolean any = false;
    boolean exact = true;
    for (; i < n; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      any = true;
      if (digits < 18) {
        mantissa = mantissa * 10 + (c - '0');
        if (mantissa != 0) {
          digits++;
        }
      } else {
        exact = false;
      }
    }
    if (i < n && t.charAt(i) == '.') {
      i++;
      for (; i < n; i++) {
        char c = t.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        any = true;
        if (digits < 18) {
          mantissa = mantissa * 10 + (c - '0');
          fraction++;
          if (mantissa != 0) {
            digits++;
          }
        } else {
          exact = false;
        }
      }
    }
    if (!any) {
      throw notANumber(t);
    }
    boolean exponent = false;
    if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      exponent = true;
      i++;
      if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
        i++;
      }
      int start = i;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        i++;
      }
      if (i == start) {
        throw notANumber(t);
      }
    }
    if (i != n) {
      throw notANumber(t);
    }
    if (!exponent && exact && mantissa < (1L << 53) && fraction < POW10.length) {
      // exact mantissa and power of ten: one correctly rounded division (the classic fast path)
      double v = fraction == 0 ? (double) mantissa : mantissa / POW10[fraction];
      return negative ? -v : v;
    }
    double v = Double.parseDouble(t); // the grammar is checked: this only rounds
    if (Double.isInfinite(v)) {
      throw invalid("must be a finite number", t);
    }
    return v;
  }

  private static ArgumentException notANumber(String t) {
    return invalid(NUMBER_RULE, t);
  }

  /**
   * A whole-number cell: a number in full whose value is whole and below 9e15 in size.
   *
   * @throws ArgumentException otherwise
   */
  public static long wholeNumber(String t) {
    int n = t.length();
    if (n > 0 && n <= 15) {
      int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
      long v = 0;
      boolean digitsOnly = i < n;
      for (int j = i; j < n; j++) {
        char c = t.charAt(j);
        if (c < '0' || c > '9') {
          digitsOnly = false;
          break;
        }
        v = v * 10 + (c - '0');
      }
      if (digitsOnly) {
        return t.charAt(0) == '-' ? -v : v;
      }
    }
    double d;
    try {
      d = number(t);
    } catch (ArgumentException e) {
      throw invalid(WHOLE_RULE, t);
    }
    if (d != Math.rint(d) || Math.abs(d) >= 9.0e15) {
      throw invalid(WHOLE_RULE, t);
    }
    return (long) d;
  }

  /**
   * A date cell: {@code YYYY-MM-DD}, or the date part of a timestamp that is valid in full.
   *
   * @throws ArgumentException otherwise
   */
  public static LocalDate date(String t) {
    if (t.length() == 10) {
      long day = fastEpochDay(t);
      if (day != NOT_FAST) {
        return LocalDate.ofEpochDay(day);
      }
      try {
        return LocalDate.parse(t);
      } catch (DateTimeParseException e) {
        throw invalid(DATE_RULE, t);
      }
    }
    if (t.length() > 10 && (t.charAt(10) == 'T' || t.charAt(10) == ' ')) {
      try {
        instant(t); // the whole cell must be a timestamp
      } catch (ArgumentException e) {
        throw invalid(DATE_RULE, t);
      }
      return date(t.substring(0, 10));
    }
    throw invalid(DATE_RULE, t);
  }

  /**
   * A date cell as days since 1970-01-01, without creating an object for {@code YYYY-MM-DD}; any other form as
   * {@link #date(String)} reads it.
   *
   * @throws ArgumentException when the text is not a date
   */
  public static long epochDay(String t) {
    if (t.length() == 10) {
      long day = fastEpochDay(t);
      if (day != NOT_FAST) {
        return day;
      }
    }
    return date(t).toEpochDay();
  }

  /**
   * A timestamp cell (see the class comment for the forms).
   *
   * @throws ArgumentException otherwise
   */
  public static Instant instant(String t) {
    long s = fastEpochSecond(t);
    if (s != NOT_FAST) {
      return Instant.ofEpochSecond(s, fastNanos(t));
    }
    return slowInstant(t);
  }

  /**
   * A timestamp cell as whole seconds since the epoch (the floor of the instant), without creating an object
   * for the common forms.
   *
   * @throws ArgumentException when the text is not a timestamp
   */
  public static long epochSecond(String t) {
    long s = fastEpochSecond(t);
    if (s != NOT_FAST) {
      return s;
    }
    return slowInstant(t).getEpochSecond();
  }

  /** The java.time route: the unusual forms, and the errors. */
  static Instant slowInstant(String t) {
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      char last = t.charAt(t.length() - 1);
      if (last == 'Z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10) {
        return OffsetDateTime.parse(t).toInstant();
      }
      return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw invalid(INSTANT_RULE, t);
    }
  }

  private static int digit(String t, int i) {
    char c = t.charAt(i);
    return c >= '0' && c <= '9' ? c - '0' : -100;
  }

  private static int two(String t, int i) {
    int v = digit(t, i) * 10 + digit(t, i + 1);
    return v < 0 ? -1 : v;
  }

  /** The epoch day of {@code YYYY-MM-DD} at the start of the text, or {@link #NOT_FAST}. */
  static long fastEpochDay(String t) {
    if (t.length() < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return NOT_FAST;
    }
    int hi = two(t, 0);
    int lo = two(t, 2);
    int month = two(t, 5);
    int day = two(t, 8);
    if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) {
      return NOT_FAST;
    }
    int year = hi * 100 + lo;
    if (day > monthLength(year, month)) {
      return NOT_FAST;
    }
    return epochDay(year, month, day);
  }

  private static int monthLength(int year, int month) {
    switch (month) {
      case 2:
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  /**
   * The epoch second of the common forms: {@code YYYY-MM-DD}, {@code YYYY-MM-DDTHH:MM[:SS[.f{1,9}]]} followed
   * by {@code Z}, {@code ±HH:MM} or nothing (UTC; then a space may stand for the {@code T}); {@link #NOT_FAST}
   * for any other text, valid or not.
   */
  static long fastEpochSecond(String t) {
    int n = t.length();
    long day = fastEpochDay(t);
    if (day == NOT_FAST) {
      return NOT_FAST;
    }
    if (n == 10) {
      return day * 86_400L;
    }
    if (n < 16) {
      return NOT_FAST;
    }
    char sep = t.charAt(10);
    if ((sep != 'T' && sep != ' ') || t.charAt(13) != ':') {
      return NOT_FAST;
    }
    int hour = two(t, 11);
    int minute = two(t, 14);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return NOT_FAST;
    }
    int second = 0;
    int i = 16;
    if (i < n && t.charAt(i) == ':') {
      if (i + 3 > n) {
        return NOT_FAST;
      }
      second = two(t, i + 1);
      if (second < 0 || second > 59) {
        return NOT_FAST;
      }
      i += 3;
      if (i < n && t.charAt(i) == '.') {
        int start = ++i;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
          i++;
        }
        if (i == start || i - start > 9) {
          return NOT_FAST;
        }
      }
    }
    int offset;
    if (i == n) {
      offset = 0;
    } else if (sep != 'T') {
      return NOT_FAST; // an offset after a space: java.time decides (and refuses)
    } else if (i == n - 1 && t.charAt(i) == 'Z') {
      offset = 0;
    } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
      int oh = two(t, i + 1);
      int om = two(t, i + 4);
      if (oh < 0 || om < 0 || om > 59 || oh > 18 || (oh == 18 && om > 0)) {
        return NOT_FAST;
      }
      offset = (oh * 3600 + om * 60) * (t.charAt(i) == '-' ? -1 : 1);
    } else {
      return NOT_FAST;
    }
    return day * 86_400L + hour * 3600 + minute * 60 + second - offset;
  }

  /** The nanoseconds of a form {@link #fastEpochSecond} accepted. */
  private static int fastNanos(String t) {
    if (t.length() <= 20 || t.charAt(19) != '.') {
      return 0;
    }
    int nanos = 0;
    int k = 0;
    for (int i = 20; i < t.length() && k < 9; i++, k++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      nanos = nanos * 10 + (c - '0');
    }
    for (; k < 9; k++) {
      nanos *= 10;
    }
    return nanos;
  }
}
