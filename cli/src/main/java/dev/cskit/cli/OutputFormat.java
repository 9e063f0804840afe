package dev.cskit.cli;

/** How a command prints its result. */
public enum OutputFormat {
  TABLE,
  CSV,
  JSON;

  /** The name as written on the command line and in help: {@code table}, {@code csv}, {@code json}. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
