package dev.cskit.cli;

import dev.cskit.core.io.CsvOutput;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Prints a command's result in the format asked for: a text table, CSV, or JSON. */
final class Output {
  /** The one description every {@code --format} option carries. */
  static final String FORMAT_HELP = "table, csv or json (default: ${DEFAULT-VALUE}).";

  private Output() {}

  /** Prints {@code table}, {@code csv} or {@code json}, whichever {@code format} names, then flushes. */
  static void print(CommandLine.Model.CommandSpec spec, OutputFormat format, Supplier<String> table,
      Consumer<CsvOutput> csv, Supplier<Object> json) {
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case CSV: {
        CsvOutput c = new CsvOutput(out);
        csv.accept(c);
        c.flush();
        break;
      }
      case JSON:
        out.println(Json.write(json.get()));
        break;
      default:
        out.print(table.get());
    }
    out.flush();
  }

  /** A number for CSV (empty when undefined). */
  static String n(double v) {
    return CsvOutput.number(v);
  }
}
