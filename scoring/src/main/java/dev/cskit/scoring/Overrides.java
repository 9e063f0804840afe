package dev.cskit.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cskit.core.ConfigPath;
import dev.cskit.core.Configs;
import java.nio.file.Path;
import java.util.List;

/**
 * A file of manual overrides: {@code {formatVersion: 1, overrides: [...]}}. Files of earlier releases that say
 * {@code version: 1} still read; any other {@code version}, or both names, is an error.
 *
 * @param formatVersion the configuration format version, {@value #VERSION}
 * @param overrides the overrides
 */
public record Overrides(Integer formatVersion, List<ScoreOverride> overrides) {
  /** The configuration format version this code reads. */
  public static final int VERSION = 1;

  /** The file as written: {@code formatVersion}, or {@code version}, its name in earlier releases. */
  @JsonCreator
  static Overrides fromConfig(@JsonProperty("formatVersion") Integer formatVersion,
      @JsonProperty("version") Integer version, @JsonProperty("overrides") List<ScoreOverride> overrides) {
    return new Overrides(ConfigPath.root().formatVersion(formatVersion, version, VERSION), overrides);
  }

  public Overrides {
    ConfigPath r = ConfigPath.root();
    r.field("formatVersion").required(formatVersion);
    r.field("formatVersion").check(formatVersion == VERSION, "must be " + VERSION, formatVersion);
    overrides = overrides == null ? List.of() : Scorecard.copy(r.field("overrides"), overrides);
  }

  /** Reads an overrides file (JSON or YAML). */
  public static Overrides read(Path file) {
    return Configs.read(file, Overrides.class);
  }
}
