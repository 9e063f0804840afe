package dev.cskit.touchmodel;

import dev.cskit.core.HealthBand;

/**
 * An account's health as the touch model reads it: a score (NaN when unknown) and a band.
 *
 * @param score the health score (any scale; rules test it with min/max), NaN when unknown
 * @param band the health band; {@link HealthBand#INSUFFICIENT_DATA} when unknown
 */
public record AccountHealth(double score, HealthBand band) {
  /** Validates. */
  public AccountHealth {
    if (band == null) {
      band = HealthBand.INSUFFICIENT_DATA;
    }
  }

  /** A health of score and band. */
  public static AccountHealth of(double score, HealthBand band) {
    return new AccountHealth(score, band);
  }

  /** A band without a score. */
  public static AccountHealth of(HealthBand band) {
    return new AccountHealth(Double.NaN, band);
  }
}
