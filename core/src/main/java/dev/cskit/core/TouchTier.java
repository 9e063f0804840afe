package dev.cskit.core;

import java.util.Locale;

/**
 * A touch tier (tech, low or high touch by default; touch models may name their own), shared by the
 * touch-model and survey modules. Names are kept in lower case.
 */
public final class TouchTier {
  /** One-to-many and automated: help pages, in-product guides, mass e-mail, community. */
  public static final TouchTier TECH = new TouchTier("tech");
  /** One-to-few: seminars, webinars, group trainings. */
  public static final TouchTier LOW = new TouchTier("low");
  /** One-to-one with a dedicated manager: meetings, business reviews. */
  public static final TouchTier HIGH = new TouchTier("high");

  private final String name;

  private TouchTier(String name) {
    this.name = name;
  }

  /** The tier with this name. */
  public static TouchTier of(String name) {
    if (name == null || name.isBlank()) {
      throw new ArgumentException("tier", "a tier name must not be blank", CskitException.quote(name));
    }
    String lower = name.trim().toLowerCase(Locale.ROOT);
    switch (lower) {
      case "tech":
        return TECH;
      case "low":
        return LOW;
      case "high":
        return HIGH;
      default:
        return new TouchTier(lower);
    }
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TouchTier && ((TouchTier) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
