package dev.cskit.survey;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import dev.cskit.survey.internal.Checks;
import java.util.Objects;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * How many responses a number of invitations yields: binomial when the response rate is known, beta-binomial
 * when it is uncertain (a {@link BetaPrior}). Immutable and thread-safe.
 *
 * <p>{@link #invitationsFor(long, double)} finds the smallest number of invitations {@code n} with {@code
 * P(responses >= target) >= q}; {@link #forInvitations(long, long)} gives, for a number of invitations, the
 * expected responses and that probability. The probability never falls as invitations grow, so the smallest
 * {@code n} is found by doubling then bisection.
 */
public final class ResponseModel {
  /** The most invitations {@link #invitationsFor} considers. */
  public static final long MAX_INVITATIONS = 100_000_000L;

  private final double rate;
  private final BetaPrior prior;

  private ResponseModel(double rate, BetaPrior prior) {
    this.rate = rate;
    this.prior = prior;
  }

  /**
   * A known response rate in [0, 1].
   *
   * @throws CskitException when the rate is outside [0, 1]
   */
  public static ResponseModel binomial(double rate) {
    return new ResponseModel(Checks.unit("rate", rate), null);
  }

  /** An uncertain response rate: the beta-binomial with a Beta prior. */
  public static ResponseModel betaBinomial(BetaPrior prior) {
    return new ResponseModel(Double.NaN, Objects.requireNonNull(prior));
  }

  /** An uncertain response rate: the beta-binomial with a Beta({@code alpha}, {@code beta}) prior. */
  public static ResponseModel betaBinomial(double alpha, double beta) {
    return betaBinomial(BetaPrior.of(alpha, beta));
  }

  /**
   * This model after a wave in which {@code responded} of {@code invited} answered: for an uncertain rate,
   * the beta-binomial with the updated prior ({@link BetaPrior#update}); a known rate stays as it is.
   */
  public ResponseModel update(long invited, long responded) {
    return prior == null ? this : betaBinomial(prior.update(invited, responded));
  }

  /** The Beta prior of an uncertain rate, or null for a known rate. */
  public BetaPrior prior() {
    return prior;
  }

  /** Whether the rate is uncertain (beta-binomial). */
  public boolean isUncertain() {
    return prior != null;
  }

  /** The (expected) response rate. */
  public double meanRate() {
    return prior == null ? rate : prior.mean();
  }

  /** The expected responses to {@code n} invitations. */
  public double expectedResponses(long invitations) {
    Checks.nonNegative("invitations", invitations);
    return invitations * meanRate();
  }

  /** {@code P(responses >= target)} for {@code invitations}. */
  public double probabilityAtLeast(long invitations, long target) {
    Checks.nonNegative("invitations", invitations);
    Checks.nonNegative("target", target);
    if (target == 0) {
      return 1;
    }
    if (target > invitations) {
      return 0;
    }
    if (prior == null) {
      Checks.check(invitations <= Integer.MAX_VALUE, "invitations", "must be at most " + Integer.MAX_VALUE, invitations);
      return BinomialDistribution.of((int) invitations, rate).survivalProbability((int) (target - 1));
    }
    return betaBinomialSurvival(invitations, target, prior.alpha(), prior.beta());
  }

  /** For a number of invitations: the expected responses and the chance of at least {@code target}. */
  public Invitations forInvitations(long invitations, long target) {
    return new Invitations(
        invitations, target, expectedResponses(invitations), probabilityAtLeast(invitations, target));
  }

  /**
   * The smallest number of invitations with {@code P(responses >= target) >= q}, with its expected responses
   * and probability.
   *
   * @throws CskitException when {@code q} is outside (0, 1), the target is negative, or no number of
   *     invitations up to {@link #MAX_INVITATIONS} reaches the target with that probability
   */
  public Invitations invitationsFor(long target, double q) {
    return invitationsFor(target, q, MAX_INVITATIONS);
  }

  /**
   * As {@link #invitationsFor(long, double)}, inviting at most {@code max} (the population, say).
   *
   * @throws CskitException when no number of invitations up to {@code max} is enough
   */
  public Invitations invitationsFor(long target, double q, long max) {
    Checks.nonNegative("target", target);
    Checks.openUnit("probability", q);
    Checks.nonNegative("max", max);
    if (target == 0) {
      return forInvitations(0, 0);
    }
    long hi = Math.min(target, max); // below the target, or above max, nothing is enough
    long lo = hi - 1; // P(lo) < q (0 responses are certain below the target)
    while (probabilityAtLeast(hi, target) < q) {
      lo = hi;
      if (hi >= max) {
        throw new ArgumentException(
            "invitations",
            String.format(
                java.util.Locale.ROOT,
                "no number of invitations up to %d gives %d responses with probability %s at a %s response rate",
                max, target, q, describeRate()),
            String.format(java.util.Locale.ROOT, "%.4g at %d", probabilityAtLeast(max, target), max));
      }
      hi = Math.min(max, hi * 2);
    }
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (probabilityAtLeast(mid, target) >= q) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return forInvitations(hi, target);
  }

  private String describeRate() {
    return prior == null ? Double.toString(rate) : "Beta(" + prior.alpha() + ", " + prior.beta() + ")";
  }

  /** P(X >= t) for X ~ BetaBinomial(n, a, b), 1 <= t <= n: one minus the sum of the pmf below t, in logs. */
  static double betaBinomialSurvival(long n, long t, double a, double b) {
    // log pmf(0) = lgamma(b + n) - lgamma(a + b + n) + lgamma(a + b) - lgamma(b)
    double logP = LogGamma.value(b + n) - LogGamma.value(a + b + n) + LogGamma.value(a + b) - LogGamma.value(b);
    if (t <= n / 2 + 1) {
      double cdf = 0;
      for (long k = 0; k < t; k++) {
        cdf += Math.exp(logP);
        logP += Math.log((double) (n - k) / (k + 1)) + Math.log((k + a) / (n - k - 1 + b));
      }
      return Math.max(0, Math.min(1, 1 - cdf));
    }
    // upper tail directly: by symmetry X ~ BB(n, a, b) iff n - X ~ BB(n, b, a); P(X >= t) = P(n - X <= n - t)
    double logQ = LogGamma.value(a + n) - LogGamma.value(a + b + n) + LogGamma.value(a + b) - LogGamma.value(a);
    double sum = 0;
    for (long k = 0; k <= n - t; k++) {
      sum += Math.exp(logQ);
      logQ += Math.log((double) (n - k) / (k + 1)) + Math.log((k + b) / (n - k - 1 + a));
    }
    return Math.max(0, Math.min(1, sum));
  }

  @Override
  public String toString() {
    return prior == null ? "binomial, rate " + rate : "beta-binomial, " + prior;
  }

  /**
   * Invitations and what they yield.
   *
   * @param invitations the invitations sent
   * @param target the responses wanted
   * @param expectedResponses the expected responses
   * @param probability the chance of at least {@code target} responses
   */
  public record Invitations(long invitations, long target, double expectedResponses, double probability) {
    @Override
    public String toString() {
      return TextTable.withHeader("invitations", "target", "expected responses", "P(responses >= target)")
          .row(invitations, target, expectedResponses, probability)
          .toString();
    }
  }
}
