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

  @Override
  public Integer call() {
    // the library checks the windows before any file is read
    UsageAggregator aggregator =
        UsageAggregator.builder()
            .asOf(asOf)
            .zone(zone)
            .windows(windows.stream().mapToInt(Integer::intValue).toArray())
            .build();
    List<Account> list = Accounts.readCsv(accounts);
    MetricTable table = aggregator.aggregateCsv(list, events);
    print(table, format, spec.commandLine().getOut());
    return Main.OK;
  }

  /** Prints a metric table in a format: CSV, a text table, or JSON {@code {"accounts":[{"accountId",...}]}}. */
  static void print(MetricTable table, OutputFormat format, PrintWriter out) {
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
        out.println(Json.write(Json.object("accounts", rows)));
    }
    out.flush();
  }
}
