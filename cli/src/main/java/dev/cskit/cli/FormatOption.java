package dev.cskit.cli;

import picocli.CommandLine.Option;

/** {@code --format table|csv|json} for commands whose result is a JSON document first (default json). */
final class FormatOption {
  @Option(names = "--format", paramLabel = "FORMAT", description = Output.FORMAT_HELP)
  OutputFormat format = OutputFormat.JSON;
}
