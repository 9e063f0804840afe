package dev.cskit.survey;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import dev.cskit.survey.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stratified allocation of a sample of {@code n} responses across strata, and the design-effect helpers.
 *
 * <ul>
 *   <li>{@link Method#PROPORTIONAL}: {@code n_h} proportional to {@code N_h};
 *   <li>{@link Method#NEYMAN}: proportional to {@code N_h S_h} (least variance of the stratified mean);
 *   <li>{@link Method#COST_OPTIMAL}: proportional to {@code N_h S_h / sqrt(c_h)} (least variance for the
 *       cost; Cochran 1977, 5.5).
 * </ul>
 *
 * Every stratum gets at least {@code min(minimum, N_h)} and at most {@code N_h}: the shares are {@code
 * clamp(lambda w_h, min_h, N_h)} with {@code lambda} such that they add up to {@code n} (the rule's optimum
 * under those bounds), then rounded to whole numbers by largest remainders so they still add up to {@code n}.
 */
public final class StratifiedAllocation {
  /** The allocation rule. */
  public enum Method {
    /** {@code n_h} proportional to {@code N_h}. */
    PROPORTIONAL,
    /** {@code n_h} proportional to {@code N_h S_h}. */
    NEYMAN,
    /** {@code n_h} proportional to {@code N_h S_h / sqrt(c_h)}. */
    COST_OPTIMAL;

    /** Parses {@code proportional}, {@code neyman} or {@code cost-optimal}. */
    public static Method parse(String text) {
      return Enums.parse(Method.class, text, "allocation");
    }

    @Override
    public String toString() {
      return Enums.text(this);
    }
  }

  private StratifiedAllocation() {}

  /**
   * Allocates {@code n} responses.
   *
   * @throws CskitException when {@code n} is negative, exceeds all strata together, or is below the
   *     minimums together; or when a rule's weights are all zero
   */
  public static Result allocate(List<Stratum> strata, long n, long minimum, Method method) {
    Checks.check(!strata.isEmpty(), "strata", "must list at least one stratum", "none");
    Checks.nonNegative("n", n);
    Checks.nonNegative("minimum", minimum);
    int k = strata.size();
    long total = 0;
    long minTotal = 0;
    double[] w = new double[k];
    long[] lower = new long[k];
    long[] upper = new long[k];
    for (int i = 0; i < k; i++) {
      Stratum s = strata.get(i);
      total += s.size();
      lower[i] = Math.min(minimum, s.size());
      upper[i] = s.size();
      minTotal += lower[i];
      switch (method) {
        case PROPORTIONAL:
          w[i] = s.size();
          break;
        case NEYMAN:
          w[i] = s.size() * s.sd();
          break;
        default:
          w[i] = s.size() * s.sd() / Math.sqrt(s.cost());
      }
    }
    if (n > total) {
      throw new ArgumentException("n", "must not exceed the strata's " + total + " contacts", Long.toString(n));
    }
    if (n < minTotal) {
      throw new ArgumentException(
          "n", "must be at least the minimums per stratum together (" + minTotal + ")", Long.toString(n));
    }
    double[] x = shares(w, lower, upper, n);
    long[] r = largestRemainders(x, lower, upper, n);
    List<Row> rows = new ArrayList<>();
    double cost = 0;
    for (int i = 0; i < k; i++) {
      Stratum s = strata.get(i);
      rows.add(new Row(s.name(), s.size(), x[i], r[i]));
      cost += r[i] * s.cost();
    }
    return new Result(method, n, rows, cost);
  }

  /**
   * Whole numbers within {@code [lower_i, upper_i]} adding up to {@code n} from shares {@code x} that do:
   * each share rounded down, then the largest remainders rounded up (or, when the bounds pushed the sum
   * above {@code n}, the smallest rounded down); ties go to the first stratum.
   */
  static long[] largestRemainders(double[] x, long[] lower, long[] upper, long n) {
    int k = x.length;
    long[] r = new long[k];
    long used = 0;
    for (int i = 0; i < k; i++) {
      r[i] = Math.max(lower[i], Math.min(upper[i], (long) Math.floor(x[i] + 1e-9)));
      used += r[i];
    }
    while (used < n) {
      int best = -1;
      double bestRem = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < k; i++) {
        double rem = x[i] - r[i];
        if (r[i] < upper[i] && rem > bestRem) {
          best = i;
          bestRem = rem;
        }
      }
      r[best]++;
      used++;
    }
    while (used > n) {
      int best = -1;
      double bestRem = Double.POSITIVE_INFINITY;
      for (int i = 0; i < k; i++) {
        double rem = x[i] - r[i];
        if (r[i] > lower[i] && rem < bestRem) {
          best = i;
          bestRem = rem;
        }
      }
      r[best]--;
      used--;
    }
    return r;
  }

  /**
   * The continuous allocation {@code x_i = clamp(lambda w_i, lower_i, upper_i)} adding up to {@code n} (the
   * optimum of each rule under the bounds), {@code lambda} found by bisection and then solved exactly over
   * the strata left unclamped. Strata of weight 0 stay at their minimum unless the others cannot take
   * {@code n}; then they share the rest in proportion to their room.
   */
  static double[] shares(double[] w, long[] lower, long[] upper, long n) {
    int k = w.length;
    double[] x = new double[k];
    double maxLambda = 0;
    double atInfinity = 0;
    for (int i = 0; i < k; i++) {
      if (w[i] > 0) {
        maxLambda = Math.max(maxLambda, upper[i] / w[i]);
        atInfinity += upper[i];
      } else {
        atInfinity += lower[i];
      }
    }
    if (n >= atInfinity) {
      double room = 0;
      for (int i = 0; i < k; i++) {
        x[i] = w[i] > 0 ? upper[i] : lower[i];
        if (w[i] <= 0) {
          room += upper[i] - lower[i];
        }
      }
      double rest = n - atInfinity;
      for (int i = 0; i < k; i++) {
        if (w[i] <= 0 && room > 0) {
          x[i] += rest * (upper[i] - lower[i]) / room;
        }
      }
      return x;
    }
    double lo = 0;
    double hi = maxLambda;
    for (int it = 0; it < 200 && hi - lo > 0; it++) {
      double mid = (lo + hi) / 2;
      if (clampedSum(w, lower, upper, mid) < n) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    // exact lambda over the strata strictly inside their bounds at this lambda
    double lambda = hi;
    double fixedSum = 0;
    double freeWeight = 0;
    for (int i = 0; i < k; i++) {
      double v = lambda * w[i];
      if (w[i] > 0 && v > lower[i] && v < upper[i]) {
        freeWeight += w[i];
      } else {
        fixedSum += Math.max(lower[i], Math.min(upper[i], v));
      }
    }
    if (freeWeight > 0) {
      double exact = (n - fixedSum) / freeWeight;
      for (int i = 0; i < k; i++) {
        double v = lambda * w[i];
        x[i] = w[i] > 0 && v > lower[i] && v < upper[i] ? exact * w[i] : Math.max(lower[i], Math.min(upper[i], v));
      }
    } else {
      for (int i = 0; i < k; i++) {
        x[i] = Math.max(lower[i], Math.min(upper[i], lambda * w[i]));
      }
    }
    return x;
  }

  private static double clampedSum(double[] w, long[] lower, long[] upper, double lambda) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += Math.max(lower[i], Math.min(upper[i], lambda * w[i]));
    }
    return s;
  }

  /**
   * The design effect of surveying {@code m} contacts per account whose answers correlate with intra-class
   * correlation {@code rho}: {@code 1 + (m - 1) rho}.
   */
  public static double designEffect(double contactsPerAccount, double rho) {
    Checks.check(contactsPerAccount >= 1 && !Double.isInfinite(contactsPerAccount),
        "contacts per account", "must be 1 or more", contactsPerAccount);
    Checks.check(rho >= -1 && rho <= 1, "rho", "must be between -1 and 1", rho);
    return 1 + (contactsPerAccount - 1) * rho;
  }

  /** The effective sample size {@code n / deff}. */
  public static double effectiveSampleSize(double n, double designEffect) {
    Checks.nonNegative("n", n);
    Checks.positive("design effect", designEffect);
    return n / designEffect;
  }

  /**
   * Kish's effective sample size for weights: {@code (sum w)^2 / sum w^2}.
   *
   * @throws CskitException when a weight is negative or not finite, or all are zero
   */
  public static double kishEffectiveSampleSize(double... weights) {
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < weights.length; i++) {
      Checks.nonNegative("weights[" + i + "]", weights[i]);
      s += weights[i];
      s2 += weights[i] * weights[i];
    }
    Checks.check(s > 0, "weights", "must not all be zero", weights.length + " weights");
    return s * s / s2;
  }

  /**
   * One stratum's share.
   *
   * @param stratum its name
   * @param size its contacts
   * @param unrounded its share before rounding
   * @param allocated its share in whole responses
   */
  public record Row(String stratum, long size, double unrounded, long allocated) {}

  /**
   * An allocation.
   *
   * @param method the rule used
   * @param n the total allocated
   * @param rows one per stratum, in the order given
   * @param cost the total cost at each stratum's cost per response
   */
  public record Result(Method method, long n, List<Row> rows, double cost) {
    /** Copies the rows. */
    public Result {
      rows = List.copyOf(rows);
    }

    /** The whole-number allocation of a stratum. */
    public long allocated(String stratum) {
      return rows.stream().filter(r -> r.stratum().equals(stratum)).findFirst()
          .orElseThrow(() -> new ArgumentException("stratum", "is not in this allocation", CskitException.quote(stratum)))
          .allocated();
    }

    @Override
    public String toString() {
      TextTable t = TextTable.withHeader("stratum", "size", "unrounded", "allocated")
          .column(2, TextTable.decimals(2));
      rows.forEach(r -> t.row(r.stratum(), r.size(), r.unrounded(), r.allocated()));
      return String.format(Locale.ROOT, "%s allocation of %d (cost %.2f)%n", method, n, cost) + t;
    }
  }
}
