package dev.cskit.scoring;

import dev.cskit.core.ConfigPath;
import dev.cskit.core.HealthBand;

/** A band of the score: the band of a score is the one with the largest {@code min} at most the score. */
public record Band(String name, Double min) {
  public Band {
    ConfigPath r = ConfigPath.root();
    r.field("name").check(name != null && !name.isBlank(), "is required", name);
    r.field("name").check(HealthBand.of(name).isKnown(), "INSUFFICIENT_DATA is reserved", name);
    r.field("min").check(min != null && Double.isFinite(min), "is required (a number)", min);
  }

  /** A band. */
  public static Band of(String name, double min) {
    return new Band(name, min);
  }
}
