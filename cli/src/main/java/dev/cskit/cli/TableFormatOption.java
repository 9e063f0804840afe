package dev.cskit.cli;

import picocli.CommandLine.Option;

/** {@code --format table|csv|json} for commands whose result is a table first (default table). */
final class TableFormatOption {
  @Option(names = "--format", paramLabel = "FORMAT", description = Output.FORMAT_HELP)
  OutputFormat format = OutputFormat.TABLE;
}
