package dev.cskit.ttv;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import java.util.Arrays;

/**
 * An amount per day, indexed from day 1: a constant, an explicit series (its last value repeats after its
 * end) or a linear ramp to a plateau. Immutable.
 */
public final class DailySeries {
  private final double[] values;
  private final double plateau;
  private final int rampDays;

  private DailySeries(double[] values, double plateau, int rampDays) {
    this.values = values;
    this.plateau = plateau;
    this.rampDays = rampDays;
  }

  /** The same amount every day. */
  public static DailySeries constant(double perDay) {
    check(perDay, 0);
    return new DailySeries(null, perDay, 0);
  }

  /** An explicit series: value i for day i + 1; after its end the last value repeats. */
  public static DailySeries of(double... perDay) {
    if (perDay.length == 0) {
      throw new ArgumentException("daily series", "needs at least one value", "none");
    }
    for (int i = 0; i < perDay.length; i++) {
      check(perDay[i], i + 1);
    }
    return new DailySeries(perDay.clone(), perDay[perDay.length - 1], 0);
  }

  /** A linear ramp: {@code plateau * day / rampDays} up to day {@code rampDays}, then the plateau. */
  public static DailySeries ramp(double plateau, int rampDays) {
    check(plateau, 0);
    if (rampDays < 0) {
      throw new ArgumentException("ramp days", "must be >= 0", String.valueOf(rampDays));
    }
    return new DailySeries(null, plateau, rampDays);
  }

  private static void check(double v, int day) {
    if (!Double.isFinite(v)) {
      throw new ArgumentException(day == 0 ? "daily amount" : "daily amount for day " + day,
          "must be a finite number", String.valueOf(v));
    }
  }

  /** The amount on day {@code day} (1-based); 0 for day 0 or earlier. */
  public double at(int day) {
    if (day <= 0) {
      return 0;
    }
    if (values != null) {
      return day <= values.length ? values[day - 1] : plateau;
    }
    if (rampDays > 0 && day < rampDays) {
      return plateau * day / rampDays;
    }
    return plateau;
  }

  @Override
  public String toString() {
    return values != null ? "series " + Arrays.toString(values)
        : rampDays > 0 ? "ramp to " + plateau + " over " + rampDays + " days" : "constant " + plateau;
  }
}
