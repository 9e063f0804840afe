package dev.cskit.survey;

import static dev.cskit.survey.internal.Checks.nonNegative;
import static dev.cskit.survey.internal.Checks.openUnit;
import static dev.cskit.survey.internal.Checks.unit;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import dev.cskit.survey.internal.Checks;
import java.util.Objects;

/**
 * How many responses a survey needs for a margin of error, by Cochran's formula with a finite-population
 * correction. Immutable: start with {@link #of(double, double)} and refine with the {@code with...} methods.
 *
 * <p>For a proportion {@code p}: {@code n0 = z^2 p (1 - p) / e^2}. For NPS (the share of promoters {@code p}
 * minus the share of detractors {@code d}, on the -1..1 scale) the per-answer variance is the trinomial
 * {@code v = p + d - (p - d)^2} and {@code n0 = z^2 v / e^2}, the margin {@code e} being a fraction of the
 * -1..1 scale (0.05 is 5 NPS points). {@code z} is the two-sided normal quantile for the confidence level.
 * With a population {@code N}, {@code n0} is corrected by {@link Fpc#COCHRAN} (default) or {@link Fpc#SIMPLE},
 * then rounded by {@link Rounding#UP} (default). When {@code n0 <= 1} no correction is applied (the Cochran
 * form would raise such an {@code n0}).
 *
 * <pre>{@code
 * SampleSize.of(0.05, 0.95).withPopulation(1000).compute().requiredResponses();   // 278
 * }</pre>
 */
public final class SampleSize {
  private final double margin;
  private final double confidence;
  private final long population;
  private final double variance;
  private final Fpc fpc;
  private final Rounding rounding;

  private SampleSize(
      double margin, double confidence, long population, double variance, Fpc fpc, Rounding rounding) {
    this.margin = margin;
    this.confidence = confidence;
    this.population = population;
    this.variance = variance;
    this.fpc = fpc;
    this.rounding = rounding;
  }

  /**
   * A sample size for a margin of error (a fraction in (0, 1): 0.05 for five points) at a confidence level
   * in (0, 1), for a proportion of 0.5 (the most conservative) in an infinite population.
   *
   * @throws CskitException when the margin or the confidence is outside (0, 1)
   */
  public static SampleSize of(double margin, double confidence) {
    openUnit("margin", margin);
    openUnit("confidence", confidence);
    return new SampleSize(margin, confidence, 0, 0.25, Fpc.COCHRAN, Rounding.UP);
  }

  /** For a population of {@code n} (0 means infinite, no correction). */
  public SampleSize withPopulation(long n) {
    nonNegative("population", n);
    return new SampleSize(margin, confidence, n, variance, fpc, rounding);
  }

  /** For an expected proportion {@code p} in [0, 1]: variance {@code p (1 - p)}. */
  public SampleSize withProportion(double p) {
    return new SampleSize(margin, confidence, population, proportionVariance(p), fpc, rounding);
  }

  /**
   * The per-answer variance {@code p (1 - p)} of a proportion {@code p}.
   *
   * @throws CskitException ({@code proportion}) when {@code p} is outside [0, 1]
   */
  public static double proportionVariance(double p) {
    unit("proportion", p);
    return p * (1 - p);
  }

  /**
   * Checks a population size given as a finite number: 1 or more. Where this API takes 0 for an infinite
   * population, a caller that reads the size from a user (who leaves it out for an infinite one) checks it
   * here first.
   *
   * @return {@code n}
   * @throws CskitException ({@code population}) when {@code n} is below 1
   */
  public static long finitePopulation(long n) {
    Checks.positive("population", n);
    return n;
  }

  /**
   * For NPS with expected shares of promoters and detractors: variance {@code p + d - (p - d)^2}.
   *
   * @throws CskitException when a share is outside [0, 1] or they add up to more than 1
   */
  public SampleSize withNps(double promoters, double detractors) {
    return new SampleSize(margin, confidence, population, npsVariance(promoters, detractors), fpc, rounding);
  }

  /** With a finite-population correction form. */
  public SampleSize withFpc(Fpc f) {
    return new SampleSize(margin, confidence, population, variance, Objects.requireNonNull(f), rounding);
  }

  /** With a rounding rule. */
  public SampleSize withRounding(Rounding r) {
    return new SampleSize(margin, confidence, population, variance, fpc, Objects.requireNonNull(r));
  }

  /** Computes the required number of responses. */
  public Result compute() {
    double z = Checks.zTwoSided(confidence);
    double n0 = z * z * variance / (margin * margin);
    double n = correct(n0, population, fpc);
    return new Result(rounding.apply(n), n, n0);
  }

  /** The per-answer NPS variance {@code p + d - (p - d)^2} for shares of promoters and detractors. */
  public static double npsVariance(double promoters, double detractors) {
    unit("promoters", promoters);
    unit("detractors", detractors);
    if (promoters + detractors > 1 + 1e-12) {
      throw new ArgumentException(
          "promoters + detractors", "must not exceed 1", Double.toString(promoters + detractors));
    }
    return trinomialVariance(promoters, detractors);
  }

  /** {@code p + d - (p - d)^2}, unchecked: the variance of one answer scored +1, 0 or -1. */
  static double trinomialVariance(double p, double d) {
    double diff = p - d;
    return p + d - diff * diff;
  }

  static double correct(double n0, long population, Fpc fpc) {
    if (population <= 0) {
      return n0;
    }
    if (n0 <= 1) {
      return n0; // one response already meets the margin; the Cochran form would raise n0 < 1
    }
    double nPop = population;
    return fpc == Fpc.COCHRAN ? n0 / (1 + (n0 - 1) / nPop) : n0 / (1 + n0 / nPop);
  }

  /**
   * The margin of error (a fraction: 0.05 for five points) of {@code options}' responses: {@code z sqrt(v / n)}
   * times, with a population {@code N}, {@code sqrt((N - n) / (N - 1))} ({@link Fpc#COCHRAN}) or {@code
   * sqrt((N - n) / N)} ({@link Fpc#SIMPLE}); the inverse of {@link #compute()} before rounding.
   *
   * @throws CskitException when the confidence is outside (0, 1)
   */
  public static double margin(MarginOptions options) {
    long responses = options.responses();
    double variance = options.variance();
    double z = Checks.zTwoSided(options.confidence());
    double e = z * Math.sqrt(variance / responses);
    if (options.population().isPresent()) {
      long population = options.population().getAsLong();
      double nPop = population;
      double factor =
          options.fpc() == Fpc.COCHRAN
              ? (population == 1 ? 0 : (nPop - responses) / (nPop - 1))
              : (nPop - responses) / nPop;
      e *= Math.sqrt(factor);
    }
    return e;
  }

  /** The margin asked for. */
  public double margin() {
    return margin;
  }

  /** The confidence level. */
  public double confidence() {
    return confidence;
  }

  /** The population, 0 for infinite. */
  public long population() {
    return population;
  }

  /** The per-answer variance assumed. */
  public double variance() {
    return variance;
  }

  /** The finite-population correction form. */
  public Fpc fpc() {
    return fpc;
  }

  /** The rounding rule. */
  public Rounding rounding() {
    return rounding;
  }

  /**
   * A required sample size.
   *
   * @param requiredResponses the size after correction and rounding
   * @param unrounded the size after correction, before rounding
   * @param n0 Cochran's infinite-population size
   */
  public record Result(double requiredResponses, double unrounded, double n0) {
    @Override
    public String toString() {
      return TextTable.withHeader("required responses", "unrounded", "n0")
          .row(requiredResponses, unrounded, n0)
          .toString();
    }
  }
}
