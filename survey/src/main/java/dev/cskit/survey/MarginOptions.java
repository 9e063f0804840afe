package dev.cskit.survey;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.internal.CskitStyle;
import dev.cskit.survey.internal.Checks;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * What {@link SampleSize#margin(MarginOptions)} computes the margin of error of: a number of responses, out
 * of a population (absent: infinite, no correction), at a confidence level, for a per-answer variance
 * ({@code p (1 - p)} for a proportion, {@link SampleSize#npsVariance} for NPS), with a finite-population
 * correction form. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * double e = SampleSize.margin(MarginOptions.builder()
 *     .responses(278).population(1000).confidence(0.95).proportion(0.5).build());   // 0.049...
 * }</pre>
 */
@Value.Immutable
@CskitStyle
public abstract class MarginOptions {
  /** The number of responses, at least 1. */
  public abstract long responses();

  /** The population the responses come from, at least the responses; absent for an infinite population. */
  public abstract OptionalLong population();

  /** The confidence level, in (0, 1). */
  public abstract double confidence();

  /** The per-answer variance, at least 0: {@code p (1 - p)} for a proportion (see {@link Builder#proportion}). */
  public abstract double variance();

  /** The finite-population correction form; {@link Fpc#COCHRAN} by default. */
  @Value.Default
  public Fpc fpc() {
    return Fpc.COCHRAN;
  }

  /**
   * Responses at least 1 and at most the population, population at least 1, variance at least 0.
   *
   * @throws CskitException (from {@code build()}) when one is not
   */
  @Value.Check
  protected void check() {
    Checks.positive("responses", responses());
    if (population().isPresent()) {
      Checks.positive("population", population().getAsLong());
    }
    Checks.nonNegative("variance", variance());
    if (population().isPresent() && responses() > population().getAsLong()) {
      throw new ArgumentException(
          "responses", "must not exceed the population of " + population().getAsLong(), Long.toString(responses()));
    }
  }

  /** A builder: responses, confidence and the variance (or a proportion) are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MarginOptions}. */
  public static final class Builder extends MarginOptionsImpl.Builder {
    Builder() {}

    /**
     * The variance of a proportion {@code p} in [0, 1]: {@code p (1 - p)}.
     *
     * @throws CskitException when {@code p} is outside [0, 1]
     */
    public Builder proportion(double p) {
      Checks.unit("proportion", p);
      variance(p * (1 - p));
      return this;
    }
  }
}
