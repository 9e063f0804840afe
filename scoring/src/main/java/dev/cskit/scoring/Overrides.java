package dev.cskit.scoring;

import dev.cskit.core.ConfigPath;
import dev.cskit.core.Configs;
import java.nio.file.Path;
import java.util.List;

/** A versioned file of manual overrides: {@code {version: 1, overrides: [...]}}. */
public record Overrides(Integer version, List<ScoreOverride> overrides) {
  public Overrides {
    ConfigPath r = ConfigPath.root();
    r.field("version").check(version != null && version >= 1, "is required (a whole number >= 1)", version);
    overrides = overrides == null ? List.of() : Scorecard.copy(r.field("overrides"), overrides);
  }

  /** Reads an overrides file (JSON or YAML). */
  public static Overrides read(Path file) {
    return Configs.read(file, Overrides.class);
  }
}
