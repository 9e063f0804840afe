package dev.cskit.run;

import dev.cskit.core.Configs;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A project file read and placed: its config and the folder its relative paths resolve against.
 *
 * @param file the project file
 * @param config its content
 */
public record Project(Path file, ProjectConfig config) {
  /** Checks both are present. */
  public Project {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(config, "config");
  }

  /** Reads a project file (YAML or JSON) strictly. */
  public static Project read(Path file) {
    return new Project(file, Configs.read(file, ProjectConfig.class));
  }

  /** The folder relative paths resolve against. */
  public Path base() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  /** A path of the project file resolved against its folder (null stays null). */
  public Path resolve(String path) {
    return path == null ? null : base().resolve(path).normalize();
  }

  /** Whether the history is a PostgreSQL URL rather than a DuckDB file. */
  public boolean historyIsJdbc() {
    return config.history().startsWith("jdbc:");
  }
}
