package dev.cskit.survey;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.survey.internal.Checks;

/**
 * A Beta({@code alpha}, {@code beta}) belief about a response rate: {@code alpha} works like prior responses
 * and {@code beta} like prior non-responses. After a wave, {@link #update(long, long)} adds what came back.
 *
 * @param alpha the first shape, above 0
 * @param beta the second shape, above 0
 */
public record BetaPrior(double alpha, double beta) {
  /**
   * @throws CskitException when a shape is not a finite number above 0
   */
  public BetaPrior {
    Checks.positive("alpha", alpha);
    Checks.positive("beta", beta);
  }

  /** A prior from its shapes. */
  public static BetaPrior of(double alpha, double beta) {
    return new BetaPrior(alpha, beta);
  }

  /**
   * The Beta prior with a mean rate and standard deviation (method of moments): {@code alpha + beta = m (1 -
   * m) / sd^2 - 1}.
   *
   * @throws CskitException when the mean is outside (0, 1) or the sd is not below {@code sqrt(m (1 - m))}
   */
  public static BetaPrior ofMeanAndSd(double mean, double sd) {
    Checks.openUnit("mean", mean);
    Checks.positive("sd", sd);
    double strength = mean * (1 - mean) / (sd * sd) - 1;
    if (!(strength > 0)) {
      throw new ArgumentException("sd", "must be below sqrt(mean (1 - mean)) = " + Math.sqrt(mean * (1 - mean)), Double.toString(sd));
    }
    return new BetaPrior(mean * strength, (1 - mean) * strength);
  }

  /** The prior mean rate {@code alpha / (alpha + beta)}. */
  public double mean() {
    return alpha / (alpha + beta);
  }

  /** The prior standard deviation of the rate. */
  public double sd() {
    double s = alpha + beta;
    return Math.sqrt(alpha * beta / (s * s * (s + 1)));
  }

  /**
   * The posterior after a wave: {@code Beta(alpha + responded, beta + invited - responded)}.
   *
   * @throws CskitException when a count is negative or more responded than were invited
   */
  public BetaPrior update(long invited, long responded) {
    Checks.nonNegative("invited", invited);
    Checks.nonNegative("responded", responded);
    if (responded > invited) {
      throw new ArgumentException("responded", "must not exceed the invited (" + invited + ")", Long.toString(responded));
    }
    return new BetaPrior(alpha + responded, beta + (invited - responded));
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "Beta(%.4g, %.4g), mean %.4f, sd %.4f", alpha, beta, mean(), sd());
  }
}
