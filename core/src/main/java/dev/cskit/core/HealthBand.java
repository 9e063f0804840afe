package dev.cskit.core;

import java.util.Locale;

/**
 * A named health band (red, yellow, green by default; scorecards may name their own), shared by the scoring,
 * touch-model and survey modules. Names compare case-insensitively and are kept in lower case.
 * {@link #INSUFFICIENT_DATA} marks an account scored on too little data.
 */
public final class HealthBand {
  public static final HealthBand RED = new HealthBand("red");
  public static final HealthBand YELLOW = new HealthBand("yellow");
  public static final HealthBand GREEN = new HealthBand("green");
  public static final HealthBand INSUFFICIENT_DATA = new HealthBand("INSUFFICIENT_DATA");

  private final String name;

  private HealthBand(String name) {
    this.name = name;
  }

  /** The band with this name. */
  public static HealthBand of(String name) {
    if (name == null || name.isBlank()) {
      throw new ArgumentException("band", "a band name must not be blank", CskitException.quote(name));
    }
    String trimmed = name.trim();
    if (trimmed.equalsIgnoreCase(INSUFFICIENT_DATA.name)) {
      return INSUFFICIENT_DATA;
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "red":
        return RED;
      case "yellow":
        return YELLOW;
      case "green":
        return GREEN;
      default:
        return new HealthBand(lower);
    }
  }

  public String name() {
    return name;
  }

  /** Whether the score behind this band was computed on enough data. */
  public boolean isKnown() {
    return this != INSUFFICIENT_DATA && !name.equals(INSUFFICIENT_DATA.name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HealthBand && ((HealthBand) o).name.equals(name);
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
