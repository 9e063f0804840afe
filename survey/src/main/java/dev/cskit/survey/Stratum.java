package dev.cskit.survey;

import dev.cskit.core.CskitException;
import dev.cskit.survey.internal.Checks;

/**
 * A stratum (a segment or touch tier) for allocating a sample.
 *
 * @param name the stratum's name
 * @param size the contacts in it, 0 or more
 * @param sd the standard deviation of the answer within it (for a proportion {@code p}, {@code sqrt(p (1 -
 *     p))}; for NPS, {@code sqrt(p + d - (p - d)^2)}); used by Neyman and cost-optimal allocation
 * @param cost the cost of one response in it, above 0; used by cost-optimal allocation
 */
public record Stratum(String name, long size, double sd, double cost) {
  /**
   * @throws CskitException when a value is out of range
   */
  public Stratum {
    Checks.check(name != null && !name.isBlank(), "stratum name", "must not be blank", name);
    Checks.nonNegative("strata." + name + ".size", size);
    Checks.nonNegative("strata." + name + ".sd", sd);
    Checks.positive("strata." + name + ".cost", cost);
  }

  /** A stratum with a size only (sd 0.5, cost 1): enough for proportional allocation. */
  public static Stratum of(String name, long size) {
    return new Stratum(name, size, 0.5, 1);
  }

  /** A stratum whose answer is a proportion {@code p}: sd {@code sqrt(p (1 - p))}. */
  public static Stratum ofProportion(String name, long size, double p, double cost) {
    Checks.unit("strata." + name + ".proportion", p);
    return new Stratum(name, size, Math.sqrt(p * (1 - p)), cost);
  }
}
