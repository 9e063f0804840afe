package dev.cskit.touchmodel.books;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;

/**
 * How books are balanced against continuity.
 *
 * @param hoursTolerance how far above its tier's mean utilisation (hours booked / hours available, over all
 *     the tier's managers) a manager may be kept by continuity alone, in utilisation points (0.15: a
 *     manager at 95% when the tier is at 80% keeps all last month's accounts; at 96% some move)
 * @param arrTolerance how far above its fair share of the tier's ARR (proportional to its hours) a manager may
 *     be kept by continuity alone, as a fraction of that share (0.5: up to 150% of the fair share)
 * @param exhaustiveLimit the search is exhaustive (proven optimal) when managers^accounts to place in a tier
 *     is at most this; otherwise a heuristic runs and the gap to a lower bound is reported
 */
public record BookSettings(double hoursTolerance, double arrTolerance, long exhaustiveLimit) {
  /** 15 utilisation points, 50% of the fair ARR share, exhaustive up to 200,000 combinations. */
  public static final BookSettings DEFAULTS = new BookSettings(0.15, 0.5, 200_000);

  /** Validates. */
  public BookSettings {
    if (!(hoursTolerance >= 0) || Double.isNaN(hoursTolerance)) {
      throw new ArgumentException("hoursTolerance", "must be a number >= 0", String.valueOf(hoursTolerance));
    }
    if (!(arrTolerance >= 0) || Double.isNaN(arrTolerance)) {
      throw new ArgumentException("arrTolerance", "must be a number >= 0", String.valueOf(arrTolerance));
    }
    if (exhaustiveLimit < 0) {
      throw new ArgumentException("exhaustiveLimit", "must be >= 0", String.valueOf(exhaustiveLimit));
    }
  }

  /** Settings with these tolerances. */
  public static BookSettings of(double hoursTolerance, double arrTolerance) {
    return new BookSettings(hoursTolerance, arrTolerance, DEFAULTS.exhaustiveLimit());
  }
}
