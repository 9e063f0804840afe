package dev.cskit.touchmodel;

import dev.cskit.core.ConfigPath;

/**
 * A tier's monthly capacity, in exactly one of four forms: {@code managers} x {@code hoursPerManager}
 * (productive hours per manager per month), {@code hours} (a pool of hours per month), {@code seats} (accounts a
 * one-to-few programme can take, such as seminar seats; hours = seats x the tier's hours per account), or
 * {@code unlimited: true} (tech touch, automated).
 */
public record Capacity(Double managers, Double hoursPerManager, Double hours, Integer seats, Boolean unlimited) {

  /** Validates that exactly one form is given. */
  public Capacity {
    ConfigPath root = ConfigPath.root();
    int forms = (managers != null || hoursPerManager != null ? 1 : 0) + (hours != null ? 1 : 0)
        + (seats != null ? 1 : 0) + (Boolean.TRUE.equals(unlimited) ? 1 : 0);
    root.check(forms == 1,
        "give exactly one of managers + hoursPerManager, hours, seats or unlimited: true",
        forms == 0 ? "none" : forms + " forms");
    if (managers != null || hoursPerManager != null) {
      root.field("managers").required(managers);
      root.field("hoursPerManager").required(hoursPerManager);
      root.field("managers").check(managers >= 0 && !managers.isInfinite(), "must be a number >= 0", managers);
      root.field("hoursPerManager")
          .check(hoursPerManager > 0 && !hoursPerManager.isInfinite(), "must be a number > 0", hoursPerManager);
    }
    if (hours != null) {
      root.field("hours").check(hours >= 0 && !hours.isInfinite(), "must be a number >= 0", hours);
    }
    if (seats != null) {
      root.field("seats").check(seats >= 0, "must be a whole number >= 0", seats);
    }
    if (unlimited != null) {
      root.field("unlimited").check(unlimited, "must be true when given (omit it otherwise)", unlimited);
    }
  }

  /** Managers with their productive hours per month. */
  public static Capacity managers(double managers, double hoursPerManager) {
    return new Capacity(managers, hoursPerManager, null, null, null);
  }

  /** A pool of hours per month. */
  public static Capacity hours(double hours) {
    return new Capacity(null, null, hours, null, null);
  }

  /** Seats: the number of accounts the tier can take. */
  public static Capacity seats(int seats) {
    return new Capacity(null, null, null, seats, null);
  }

  /** No limit. */
  public static Capacity unlimitedCapacity() {
    return new Capacity(null, null, null, null, true);
  }

  /** Whether there is no limit. */
  public boolean hasNoLimit() {
    return Boolean.TRUE.equals(unlimited);
  }

  /** Hours per month available, given the tier's hours per account; infinite when unlimited. */
  public double hoursPerMonth(double hoursPerAccount) {
    if (hasNoLimit()) {
      return Double.POSITIVE_INFINITY;
    }
    if (managers != null) {
      return managers * hoursPerManager;
    }
    if (hours != null) {
      return hours;
    }
    return seats * hoursPerAccount;
  }
}
