package dev.cskit.core;

import java.nio.file.Path;
import java.util.Locale;

/** The formats configuration is read and written in. */
public enum ConfigFormat {
  JSON,
  YAML;

  /**
   * The format a file's extension names: {@code .json} is JSON; {@code .yaml} and {@code .yml} are YAML.
   *
   * @throws ConfigException for any other extension
   */
  public static ConfigFormat of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return JSON;
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return YAML;
    }
    throw new ConfigException(
        name, "", -1, "a configuration file must end in .json, .yaml or .yml", CskitException.quote(name));
  }

  /** The format of a name such as {@code json} or {@code yaml}, case-insensitive. */
  public static ConfigFormat parse(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("yml")) {
      return YAML;
    }
    for (ConfigFormat f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(lower)) {
        return f;
      }
    }
    throw new ConfigException(null, "", -1, "format must be json or yaml", CskitException.quote(name));
  }
}
