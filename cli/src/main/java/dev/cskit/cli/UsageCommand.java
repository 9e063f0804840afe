package dev.cskit.cli;

import dev.cskit.core.Account;
import dev.cskit.core.Accounts;
import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageAggregator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit usage}: aggregates usage events into a metric table. */
@Command(
    name = "usage",
    mixinStandardHelpOptions = true,
    description =
        "Aggregate usage events into per-account metrics as of a date (active days, events per type, "
            + "active users, penetration, change against the previous window) for each window.")
public final class UsageCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--accounts", paramLabel = "FILE", required = true,
      description = "Accounts CSV (account_id, arr, seats, ...).")
  Path accounts;

  @Option(names = "--events", paramLabel = "FILE", required = true,
      description = "Events CSV: account_id, user_id, event_type, timestamp.")
  Path events;

  @Option(names = "--as-of", paramLabel = "DATE", required = true, description = "The last day of every window.")
  LocalDate asOf;

  @Feeds("windows")
  @Option(names = "--windows", paramLabel = "DAYS", split = ",",
      description = "Window lengths in days (default: 14,30).")
  List<Integer> windows = List.of(14, 30);

  @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the days (default: UTC).")
  ZoneId zone = ZoneId.of("UTC");

  @Option(names = "--format", paramLabel = "FORMAT", description = Output.FORMAT_HELP)
  OutputFormat format = OutputFormat.CSV;

  @Option(names = "--event-types", paramLabel = "TYPE", split = ",",
      description = "The event types that get columns, always (even when none occurs in the windows); "
          + "default: every type seen up to --as-of.")
  List<String> eventTypes;

  /** Base names of the built-in metrics: an event type with one of these names would collide with them. */
  static final java.util.Set<String> BUILT_IN = UsageAggregator.BUILT_IN_METRICS;

  @Override
  public Integer call() {
    // the library checks the windows before any file is read
    UsageAggregator.Builder b =
        UsageAggregator.builder()
            .asOf(asOf)
            .zone(zone)
            .windows(windows.stream().mapToInt(Integer::intValue).toArray());
    if (eventTypes != null) {
      for (String t : eventTypes) {
        if (t.isBlank() || BUILT_IN.contains(UsageAggregator.columnName(t))) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--event-types: "
              + (t.isBlank() ? "a type must not be empty" : "\"" + t + "\" collides with a built-in metric " + BUILT_IN));
        }
      }
      b.eventTypes(eventTypes);
    }
    UsageAggregator aggregator = b.build();
    List<Account> list = Accounts.readCsv(accounts);
    if (list.isEmpty()) {
      throw dev.cskit.core.DataException.of(accounts.toString(), "has no accounts: there is nothing to aggregate", null);
    }
    dev.cskit.core.Warnings warnings = dev.cskit.core.Warnings.collector();
    MetricTable table = aggregator.aggregateCsv(list, events, warnings);
    Warn.print(warnings, spec.commandLine().getErr());
    print(table, format, warnings.list(), spec.commandLine().getOut());
    return Main.OK;
  }

  /** Prints a metric table in a format: CSV, a text table, or JSON {@code {"accounts":[{"accountId",...}]}}. */
  static void print(MetricTable table, OutputFormat format, PrintWriter out) {
    print(table, format, List.of(), out);
  }

  /** As {@link #print(MetricTable, OutputFormat, PrintWriter)}, with the warnings in the JSON (when any). */
  static void print(MetricTable table, OutputFormat format, List<String> warnings, PrintWriter out) {
    switch (format) {
      case CSV:
        table.writeCsv(out);
        break;
      case TABLE:
        out.print(table);
        break;
      default:
        List<Object> rows = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("accountId", table.accountId(r).value());
          for (String m : table.metrics()) {
            row.put(m, table.value(r, m));
          }
          rows.add(row);
        }
        out.println(Json.write(warnings.isEmpty() ? Json.object("accounts", rows)
            : Json.object("accounts", rows, "warnings", warnings)));
    }
    out.flush();
  }
}
