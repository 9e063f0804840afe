package dev.cskit.touchmodel.trial;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;

/**
 * A Beta prior on an arm's conversion rate. The posterior probability that the play beats control is computed
 * in closed form, which needs {@code alpha} to be a whole number (1 for the uniform prior {@link #UNIFORM}).
 *
 * @param alpha prior conversions + 1 (a whole number >= 1)
 * @param beta prior non-conversions + 1 (> 0)
 */
public record BetaPrior(double alpha, double beta) {
  /** Beta(1, 1): every rate equally likely. */
  public static final BetaPrior UNIFORM = new BetaPrior(1, 1);

  /** Validates. */
  public BetaPrior {
    if (!(alpha >= 1) || alpha != Math.rint(alpha) || alpha > 1e7) {
      throw new ArgumentException("prior alpha", "must be a whole number >= 1 (the closed form needs it)",
          String.valueOf(alpha));
    }
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new ArgumentException("prior beta", "must be a number > 0", String.valueOf(beta));
    }
  }

  /** A Beta(alpha, beta) prior. */
  public static BetaPrior of(double alpha, double beta) {
    return new BetaPrior(alpha, beta);
  }
}
