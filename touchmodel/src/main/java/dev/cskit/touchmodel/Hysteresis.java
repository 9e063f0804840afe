package dev.cskit.touchmodel;

import dev.cskit.core.ConfigPath;

/**
 * What keeps accounts from flapping between tiers (besides the exit thresholds of rule conditions):
 * {@code minDaysInTier} (an account that entered its tier fewer days ago stays), {@code maxChangesPerCycle}
 * (the most accounts that may change tier in one run; the most valuable changes go first), and
 * {@code renewalFreezeDays} (no change within that many days before a renewal). Null or 0 turns the minimum
 * time and the freeze off; a null {@code maxChangesPerCycle} sets no limit, while 0 allows no change at all.
 */
public record Hysteresis(Integer minDaysInTier, Integer maxChangesPerCycle, Integer renewalFreezeDays) {

  /** Validates. */
  public Hysteresis {
    ConfigPath root = ConfigPath.root();
    minDaysInTier = minDaysInTier == null ? 0 : minDaysInTier;
    renewalFreezeDays = renewalFreezeDays == null ? 0 : renewalFreezeDays;
    root.field("minDaysInTier").check(minDaysInTier >= 0, "must be >= 0", minDaysInTier);
    root.field("renewalFreezeDays").check(renewalFreezeDays >= 0, "must be >= 0", renewalFreezeDays);
    if (maxChangesPerCycle != null) {
      root.field("maxChangesPerCycle").check(maxChangesPerCycle >= 0, "must be >= 0", maxChangesPerCycle);
    }
  }

  /** No hysteresis beyond exit thresholds. */
  public static Hysteresis none() {
    return new Hysteresis(0, null, 0);
  }
}
