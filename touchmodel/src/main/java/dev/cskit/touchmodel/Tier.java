package dev.cskit.touchmodel;

import dev.cskit.core.ConfigPath;
import dev.cskit.core.TouchTier;

/**
 * A touch tier of a model: its name, the hours per account per month its cadence needs, its cost per
 * account per month, and its capacity. Tiers are listed from the least touch (tech) to the most (high).
 */
public record Tier(String name, Double hoursPerAccountMonth, Double costPerAccountMonth, Capacity capacity) {

  /** Validates; a tier must declare its capacity ({@code unlimited: true} for tech touch). */
  public Tier {
    ConfigPath root = ConfigPath.root();
    root.field("name").check(name != null && !name.isBlank(), "is required", name);
    name = TouchTier.of(name).name();
    root.field("hoursPerAccountMonth").required(hoursPerAccountMonth);
    root.field("hoursPerAccountMonth").check(hoursPerAccountMonth >= 0 && !hoursPerAccountMonth.isInfinite(),
        "must be a number >= 0", hoursPerAccountMonth);
    costPerAccountMonth = costPerAccountMonth == null ? 0.0 : costPerAccountMonth;
    root.field("costPerAccountMonth").check(costPerAccountMonth >= 0 && !costPerAccountMonth.isInfinite(),
        "must be a number >= 0", costPerAccountMonth);
    root.field("capacity").check(capacity != null,
        "every tier needs a capacity (managers + hoursPerManager, hours, seats, or unlimited: true)", null);
  }

  /** A tier. */
  public static Tier of(String name, double hoursPerAccountMonth, double costPerAccountMonth, Capacity capacity) {
    return new Tier(name, hoursPerAccountMonth, costPerAccountMonth, capacity);
  }

  /** The shared tier value. */
  public TouchTier touchTier() {
    return TouchTier.of(name);
  }

  /** Hours per month this tier can give. */
  public double capacityHours() {
    return capacity.hoursPerMonth(hoursPerAccountMonth);
  }

  /**
   * How many accounts fit: the seats when the capacity is given in seats; else capacity hours / hours per
   * account, rounded down; unlimited when the tier needs no hours per account or has no limit.
   */
  public long slots() {
    return capacity.seats() != null ? capacity.seats() : slots(capacityHours(), hoursPerAccountMonth);
  }

  /**
   * The accounts that {@code capacityHours} a month take at {@code hoursPerAccount} each, rounded down;
   * {@code Long.MAX_VALUE} (unlimited) when the capacity is infinite or an account needs no hours.
   */
  static long slots(double capacityHours, double hoursPerAccount) {
    if (Double.isInfinite(capacityHours) || hoursPerAccount == 0) {
      return Long.MAX_VALUE;
    }
    return (long) Math.floor(capacityHours / hoursPerAccount + 1e-9);
  }
}
