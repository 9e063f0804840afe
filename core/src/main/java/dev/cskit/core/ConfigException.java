package dev.cskit.core;

/**
 * Bad configuration: names the source (a file name), the path inside it (e.g. {@code measures[3].points})
 * and the line where the parser knows it, then the rule broken and what was found.
 *
 * <p>Configuration types validate themselves with a path relative to their own root; {@link Configs}
 * completes the source, the path prefix and the line when it reads a file, through {@link #within}.
 */
public class ConfigException extends CskitException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String path;
  private final int line;

  public ConfigException(String source, String path, int line, String rule, String found) {
    this(source, path, line, rule, found, null);
  }

  public ConfigException(
      String source, String path, int line, String rule, String found, Throwable cause) {
    super(where(source, path, line), rule, found, cause);
    this.source = source;
    this.path = path == null ? "" : path;
    this.line = line;
  }

  /** A problem at a path, with no source yet (validation of a configuration built in Java). */
  public static ConfigException at(ConfigPath path, String rule, String found) {
    return new ConfigException(null, path.toString(), -1, rule, found);
  }

  /** A problem at a path, with no source yet. */
  public static ConfigException at(String path, String rule, String found) {
    return new ConfigException(null, path, -1, rule, found);
  }

  /**
   * This problem placed inside a larger document: {@code prefix} is prepended to the path; the source and
   * line are filled in where they are still unknown.
   */
  public ConfigException within(String source, String prefix, int line) {
    String joined = ConfigPath.join(prefix, path);
    return new ConfigException(
        this.source != null ? this.source : source,
        joined,
        this.line > 0 ? this.line : line,
        rule(),
        found(),
        getCause());
  }

  /** The file or source name, or null. */
  public String source() {
    return source;
  }

  /** The path inside the configuration, empty for the root. */
  public String path() {
    return path;
  }

  /** The line in the source, or -1 when unknown. */
  public int line() {
    return line;
  }

  private static String where(String source, String path, int line) {
    StringBuilder sb = new StringBuilder();
    if (source != null) {
      sb.append(source);
    }
    if (path != null && !path.isEmpty()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(path);
    }
    if (line > 0) {
      sb.append(sb.length() > 0 ? " " : "").append("(line ").append(line).append(')');
    }
    return sb.toString();
  }
}
