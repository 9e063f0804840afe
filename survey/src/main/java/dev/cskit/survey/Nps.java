package dev.cskit.survey;

import static dev.cskit.survey.internal.Checks.nonNegative;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import dev.cskit.survey.internal.Checks;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;

/**
 * Net Promoter Score from the counts of promoters (answers 9-10), passives (7-8) and detractors (0-6):
 * {@code NPS = 100 (promoters - detractors) / n}, on the -100..100 scale. Immutable.
 *
 * <p>Intervals: {@link NpsMethod#ADJUSTED_WALD} (the default), {@link NpsMethod#WALD} and a seeded
 * {@link NpsMethod#BOOTSTRAP}; two scores compare by a z-test ({@link #compare}); {@link
 * #sampleSizeToDetect} gives the responses per group needed to detect a difference.
 */
public final class Nps {
  /** Bootstrap replicates used when none are given. */
  public static final int DEFAULT_REPLICATES = 10_000;
  /** Bootstrap seed used when none is given. */
  public static final long DEFAULT_SEED = 42L;

  private final long promoters;
  private final long passives;
  private final long detractors;

  private Nps(long promoters, long passives, long detractors) {
    this.promoters = promoters;
    this.passives = passives;
    this.detractors = detractors;
  }

  /**
   * NPS from counts.
   *
   * @throws CskitException when a count is negative
   */
  public static Nps ofCounts(long promoters, long passives, long detractors) {
    nonNegative("promoters", promoters);
    nonNegative("passives", passives);
    nonNegative("detractors", detractors);
    return new Nps(promoters, passives, detractors);
  }

  /**
   * NPS from raw answers on the 0-10 scale.
   *
   * @throws CskitException when an answer is outside 0-10
   */
  public static Nps ofScores(int... scores) {
    long[] counts = new long[3];
    for (int i = 0; i < scores.length; i++) {
      count(counts, i, scores[i]);
    }
    return new Nps(counts[0], counts[1], counts[2]);
  }

  /**
   * NPS from raw answers on the 0-10 scale; nulls (no answer) are skipped.
   *
   * @throws CskitException when an answer is outside 0-10, naming its position among all answers
   */
  public static Nps ofScores(Iterable<Integer> scores) {
    long[] counts = new long[3];
    int i = 0;
    for (Integer s : scores) {
      if (s != null) {
        count(counts, i, s);
      }
      i++;
    }
    return new Nps(counts[0], counts[1], counts[2]);
  }

  /** Counts answer {@code i} as a promoter, passive or detractor ({@code counts} in that order). */
  private static void count(long[] counts, int i, int s) {
    if (s < 0 || s > 10) {
      throw new ArgumentException("scores[" + i + "]", "must be a whole number from 0 to 10", Integer.toString(s));
    }
    counts[s >= 9 ? 0 : s >= 7 ? 1 : 2]++;
  }

  /** Answers of 9 or 10. */
  public long promoters() {
    return promoters;
  }

  /** Answers of 7 or 8. */
  public long passives() {
    return passives;
  }

  /** Answers of 0 to 6. */
  public long detractors() {
    return detractors;
  }

  /** All answers. */
  public long total() {
    return promoters + passives + detractors;
  }

  /** The score on the -100..100 scale; NaN when there are no answers. */
  public double score() {
    long n = total();
    return n == 0 ? Double.NaN : 100.0 * (promoters - detractors) / n;
  }

  /** The trinomial variance of one answer, {@code p + d - (p - d)^2}, on the -1..1 scale. */
  public double variance() {
    long n = total();
    return SampleSize.trinomialVariance((double) promoters / n, (double) detractors / n);
  }

  /** The adjusted-Wald interval at a confidence level. */
  public Interval interval(double confidence) {
    return interval(confidence, NpsMethod.ADJUSTED_WALD);
  }

  /** An interval by a method; the bootstrap uses {@link #DEFAULT_REPLICATES} and {@link #DEFAULT_SEED}. */
  public Interval interval(double confidence, NpsMethod method) {
    if (method == NpsMethod.BOOTSTRAP) {
      return bootstrap(confidence, DEFAULT_REPLICATES, DEFAULT_SEED);
    }
    requireAnswers();
    double z = Checks.zTwoSided(confidence);
    double[] m = moments(method);
    double se = Math.sqrt(m[1] / m[2]);
    return new Interval(
        score(), 100 * se, clip(100 * (m[0] - z * se)), clip(100 * (m[0] + z * se)), method, confidence);
  }

  /**
   * A percentile bootstrap interval: {@code replicates} multinomial resamples of the answers drawn from a
   * generator seeded with {@code seed}.
   */
  public Interval bootstrap(double confidence, int replicates, long seed) {
    requireAnswers();
    Checks.openUnit("confidence", confidence);
    Checks.check(replicates >= 100, "replicates", "must be 100 or more", replicates);
    long n = total();
    Checks.check(n <= Integer.MAX_VALUE, "answers", "must be at most " + Integer.MAX_VALUE + " for the bootstrap", n);
    SplittableRandom random = new SplittableRandom(seed);
    UniformRandomProvider rng = random::nextLong;
    double p = (double) promoters / n;
    double dGivenNotP = promoters == n ? 0 : (double) detractors / (n - promoters);
    DiscreteDistribution.Sampler promoterSampler = BinomialDistribution.of((int) n, p).createSampler(rng);
    double[] values = new double[replicates];
    for (int b = 0; b < replicates; b++) {
      int pr = promoterSampler.sample();
      int rest = (int) n - pr;
      int de = rest == 0 || dGivenNotP == 0 ? 0 : BinomialDistribution.of(rest, dGivenNotP).createSampler(rng).sample();
      values[b] = 100.0 * (pr - de) / n;
    }
    Arrays.sort(values);
    double alpha = 1 - confidence;
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= replicates;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(ss / (replicates - 1));
    return new Interval(
        score(), se, percentile(values, alpha / 2), percentile(values, 1 - alpha / 2), NpsMethod.BOOTSTRAP,
        confidence);
  }

  /** The quantile of sorted values by linear interpolation between order statistics (R type 7, numpy default). */
  static double percentile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Compares two scores, {@code a - b}, by a two-sided z-test with the adjusted-Wald variances.
   *
   * @see #compare(Nps, Nps, NpsMethod)
   */
  public static Comparison compare(Nps a, Nps b) {
    return compare(a, b, NpsMethod.ADJUSTED_WALD);
  }

  /**
   * Compares two scores, {@code a - b}: the observed difference in NPS points; {@code z} is the difference
   * of the (adjusted, for {@link NpsMethod#ADJUSTED_WALD}) scores over {@code sqrt(v_a / n_a + v_b / n_b)}
   * with the (adjusted) trinomial variances and sizes; the p-value is two-sided, {@code 2 (1 - Phi(|z|))}.
   *
   * @throws CskitException for the bootstrap method, or when either side has no answers
   */
  public static Comparison compare(Nps a, Nps b, NpsMethod method) {
    Objects.requireNonNull(a);
    Objects.requireNonNull(b);
    if (method == NpsMethod.BOOTSTRAP) {
      throw new ArgumentException("method", "must be adjusted-wald or wald to compare two scores", "bootstrap");
    }
    a.requireAnswers();
    b.requireAnswers();
    double[] ma = a.moments(method);
    double[] mb = b.moments(method);
    double se = Math.sqrt(ma[1] / ma[2] + mb[1] / mb[2]);
    double diff = ma[0] - mb[0];
    double z;
    if (se == 0) {
      z = diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
    } else {
      z = diff / se;
    }
    double pValue = Double.isInfinite(z) ? 0 : Math.min(1, 2 * Checks.normalSurvival(Math.abs(z)));
    return new Comparison(a.score() - b.score(), 100 * se, z, pValue, method);
  }

  /**
   * The responses needed in each of two groups to detect a difference of {@code difference} NPS points
   * (on the -100..100 scale) with a two-sided test at {@code alpha} and the given power, when the groups'
   * expected shares of promoters and detractors are as given: {@code n = (z_(1-alpha/2) + z_power)^2 (v_a +
   * v_b) / delta^2}, rounded up, {@code delta} on the -1..1 scale.
   */
  public static long sampleSizeToDetect(
      double difference,
      double promotersA,
      double detractorsA,
      double promotersB,
      double detractorsB,
      double alpha,
      double power) {
    Checks.check(
        difference != 0 && Math.abs(difference) <= 200 && !Double.isNaN(difference),
        "difference",
        "must be a non-zero number of NPS points within -200..200",
        difference);
    Checks.openUnit("alpha", alpha);
    Checks.openUnit("power", power);
    double va = SampleSize.npsVariance(promotersA, detractorsA);
    double vb = SampleSize.npsVariance(promotersB, detractorsB);
    double z = Checks.zQuantile(1 - alpha / 2) + Checks.zQuantile(power);
    double delta = difference / 100;
    return (long) Rounding.UP.apply(z * z * (va + vb) / (delta * delta));
  }

  /** {center, variance, n} on the -1..1 scale, adjusted for adjusted-Wald. */
  private double[] moments(NpsMethod method) {
    double n = total();
    double p = promoters;
    double d = detractors;
    if (method == NpsMethod.ADJUSTED_WALD) {
      p += 0.75;
      d += 0.75;
      n += 3;
    }
    p /= n;
    d /= n;
    return new double[] {p - d, SampleSize.trinomialVariance(p, d), n};
  }

  private void requireAnswers() {
    if (total() == 0) {
      throw new ArgumentException("answers", "an NPS interval needs at least one answer", "0");
    }
  }

  private static double clip(double v) {
    return Math.max(-100, Math.min(100, v));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Nps
        && ((Nps) o).promoters == promoters
        && ((Nps) o).passives == passives
        && ((Nps) o).detractors == detractors;
  }

  @Override
  public int hashCode() {
    return Objects.hash(promoters, passives, detractors);
  }

  @Override
  public String toString() {
    return TextTable.withHeader("promoters", "passives", "detractors", "n", "NPS")
        .row(promoters, passives, detractors, total(), score())
        .toString();
  }

  /**
   * An NPS with its interval, all on the -100..100 scale: the observed score, the standard error of the
   * method (for adjusted-Wald, of the adjusted score) and the bounds, clipped to -100..100.
   */
  public record Interval(
      double nps, double stdErr, double lower, double upper, NpsMethod method, double confidence) {
    @Override
    public String toString() {
      return TextTable.withHeader("NPS", "std err", "lower", "upper", "method", "confidence")
          .row(nps, stdErr, lower, upper, method, confidence)
          .toString();
    }
  }

  /**
   * The comparison of two scores: the observed difference and its standard error in NPS points, the z
   * statistic and the two-sided p-value.
   */
  public record Comparison(double difference, double stdErr, double z, double pValue, NpsMethod method) {
    @Override
    public String toString() {
      return TextTable.withHeader("difference", "std err", "z", "p-value", "method")
          .row(difference, stdErr, z, pValue, method)
          .toString();
    }
  }
}
