package dev.cskit.touchmodel;

import java.time.LocalDate;

/**
 * The tier an account was in at the last run, and since when (null when unknown: the minimum time in tier
 * then does not hold it).
 */
public record PreviousTier(String tier, LocalDate since) {
  /** Normalises the tier name. */
  public PreviousTier {
    tier = dev.cskit.core.TouchTier.of(tier).name();
  }

  /** A previous tier. */
  public static PreviousTier of(String tier, LocalDate since) {
    return new PreviousTier(tier, since);
  }
}
