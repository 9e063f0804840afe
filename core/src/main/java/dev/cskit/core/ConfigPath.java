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

  /**
   * A field of this object that files of earlier releases name {@code oldName}: the value under either name
   * ({@code null} when neither is given). Giving both is an error at the old name's path.
   *
   * @param name the field's name, such as {@code revision}
   * @param value its value, or null when absent
   * @param oldName the name earlier releases used, such as {@code version}
   * @param oldValue the value under the old name, or null when absent
   */
  public <T> T renamed(String name, T value, String oldName, T oldValue) {
    if (oldValue == null) {
      return value;
    }
    field(oldName).check(value == null, "is the old name of " + name + ": give " + name + " only, not both",
        oldValue);
    return oldValue;
  }

  /**
   * The configuration format version of the object at this path: field {@code formatVersion}, required and
   * equal to {@code current}. Files of earlier releases that name it {@code version} still read when it is
   * {@code current} (other values are refused: {@code version} was also used for a document's own number,
   * which is now {@code revision}); giving both names is an error at {@code version}.
   *
   * @param formatVersion the {@code formatVersion} given, or null
   * @param version the {@code version} given, or null
   * @param current the format version this code reads
   * @return {@code current}
   */
  public int formatVersion(Integer formatVersion, Integer version, int current) {
    if (version != null) {
      field("version").check(formatVersion == null,
          "is the old name of formatVersion: give formatVersion only, not both", version);
      field("version").check(version == current, "is the old name of formatVersion, the configuration format,"
          + " which must be " + current, version);
    }
    Integer v = formatVersion == null ? version : formatVersion;
    field("formatVersion").required(v);
    field("formatVersion").check(v == current, "must be " + current, v);
    return current;
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
