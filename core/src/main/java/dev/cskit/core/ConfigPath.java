package dev.cskit.core;

import java.util.Objects;

/**
 * A path inside a configuration document, such as {@code measures[3].rule.points}, used by validation to
 * say where a rule was broken. Immutable; each step returns a new path.
 */
public final class ConfigPath {
  private static final ConfigPath ROOT = new ConfigPath("");

  private final String text;

  private ConfigPath(String text) {
    this.text = text;
  }

  /** The root of a document. */
  public static ConfigPath root() {
    return ROOT;
  }

  /** A path from its text form. */
  public static ConfigPath of(String text) {
    return text == null || text.isEmpty() ? ROOT : new ConfigPath(text);
  }

  /** The path of a field under this one. */
  public ConfigPath field(String name) {
    return new ConfigPath(text.isEmpty() ? name : text + "." + name);
  }

  /** The path of an element of the array at this path. */
  public ConfigPath index(int i) {
    return new ConfigPath(text + "[" + i + "]");
  }

  /** Throws a {@link ConfigException} at this path. */
  public ConfigException error(String rule, Object found) {
    return ConfigException.at(this, rule, found == null ? null : CskitException.quote(found));
  }

  /** Fails unless the condition holds. */
  public void check(boolean condition, String rule, Object found) {
    if (!condition) {
      throw error(rule, found);
    }
  }

  /** Fails when the value is null. */
  public <T> T required(T value) {
    if (value == null) {
      throw ConfigException.at(this, "is required", null);
    }
    return value;
  }

  static String join(String prefix, String path) {
    if (prefix == null || prefix.isEmpty()) {
      return path == null ? "" : path;
    }
    if (path == null || path.isEmpty()) {
      return prefix;
    }
    return path.startsWith("[") ? prefix + path : prefix + "." + path;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigPath && ((ConfigPath) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
