package dev.cskit.survey;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;

/**
 * Confidence-interval methods for a yes/no rate (CSAT, response rate), all computed by Apache Commons
 * Statistics' {@link BinomialConfidenceInterval}.
 */
public enum RateMethod {
  /** Wilson score interval (the default): good coverage, never outside [0, 1]. */
  WILSON(BinomialConfidenceInterval.WILSON_SCORE),
  /** Clopper-Pearson "exact" interval from beta quantiles: conservative. */
  CLOPPER_PEARSON(BinomialConfidenceInterval.CLOPPER_PEARSON),
  /**
   * Jeffreys interval: equal-tailed Beta(x + 1/2, n - x + 1/2) quantiles, with the lower bound 0 when
   * {@code x = 0} and the upper bound 1 when {@code x = n} (Brown, Cai and DasGupta 2001).
   */
  JEFFREYS(BinomialConfidenceInterval.JEFFREYS),
  /** Agresti-Coull: the Wald interval around {@code (x + z^2/2) / (n + z^2)}, clipped to [0, 1]. */
  AGRESTI_COULL(BinomialConfidenceInterval.AGRESTI_COULL),
  /** Wald (normal approximation) {@code p +/- z sqrt(p (1 - p) / n)}, clipped to [0, 1]. */
  WALD(BinomialConfidenceInterval.NORMAL_APPROXIMATION);

  private final BinomialConfidenceInterval delegate;

  RateMethod(BinomialConfidenceInterval delegate) {
    this.delegate = delegate;
  }

  BinomialConfidenceInterval delegate() {
    return delegate;
  }

  /** Parses {@code wilson}, {@code clopper-pearson}, {@code jeffreys}, {@code agresti-coull} or {@code wald}. */
  public static RateMethod parse(String text) {
    return Enums.parse(RateMethod.class, text, "method");
  }

  @Override
  public String toString() {
    return Enums.text(this);
  }
}
