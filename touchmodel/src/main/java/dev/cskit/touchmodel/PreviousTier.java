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

  /**
   * The date an account has been in {@code tier} as of a run on {@code asOf}: the previous run's {@code since}
   * when it stays in the same tier (and that date is known), otherwise {@code asOf}, the day it entered it.
   *
   * @param previous the previous run's tier, or null for a new account
   */
  public static LocalDate since(PreviousTier previous, String tier, LocalDate asOf) {
    if (previous != null && previous.since() != null
        && previous.tier().equals(dev.cskit.core.TouchTier.of(tier).name())) {
      return previous.since();
    }
    return asOf;
  }
}
