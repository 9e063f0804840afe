package dev.cskit.cli;

import dev.cskit.run.ProjectRunner;
import dev.cskit.run.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit run}: the monthly run of a project as of a date, or a backfill over a range of dates. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a project (cskit.yaml) as of a date: the whole monthly cycle in one command.",
      "Computes usage metrics, extra metrics, scores with overrides, what changed since the previous snapshot, "
          + "tiers, capacity, survey plan, time to value and validation. "
          + "Writes one folder per date under the project's output folder and a snapshot to its history. "
          + "--from/--to/--every backfill past snapshots from the same data."
    })
public final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--project", paramLabel = "FILE", required = true, description = "The project file (cskit.yaml).")
  Path project;

  @Option(names = "--as-of", paramLabel = "DATE", description = "The as-of date (YYYY-MM-DD).")
  LocalDate asOf;

  @Option(names = "--from", paramLabel = "DATE", description = "First date of a backfill.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last date of a backfill.")
  LocalDate to;

  @Option(names = "--every", paramLabel = "PERIOD", description = "month (default) or week.")
  String every = "month";

  @Option(names = "--format", paramLabel = "FORMAT", description = "table or json (default: table): the summary printed (the run's tables are CSV files in its folder).")
  String format = "table";

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    List<LocalDate> dates;
    if (asOf != null) {
      if (from != null || to != null) {
        throw new CommandLine.ParameterException(cl, "give either --as-of or --from and --to, not both");
      }
      dates = List.of(asOf);
    } else {
      if (from == null || to == null) {
        throw new CommandLine.ParameterException(cl, "give --as-of DATE, or --from DATE and --to DATE");
      }
      ProjectRunner.Every e;
      switch (every.toLowerCase(Locale.ROOT)) {
        case "month" -> e = ProjectRunner.Every.MONTH;
        case "week" -> e = ProjectRunner.Every.WEEK;
        default -> throw new CommandLine.ParameterException(cl, "--every must be month or week, found " + every);
      }
      if (to.isBefore(from)) {
        throw new CommandLine.ParameterException(cl, "--to must not be before --from");
      }
      dates = ProjectRunner.dates(from, to, e);
    }
    if (!format.equals("table") && !format.equals("json")) {
      throw new CommandLine.ParameterException(cl, "--format must be table or json, found " + format);
    }
    PrintWriter out = cl.getOut();
    int[] count = {0};
    PrintWriter err = cl.getErr();
    // one date's result at a time: a long backfill of a large portfolio needs the memory of one date
    RunResult last = ProjectRunner.runEach(project, dates, r -> {
      count[0]++;
      for (String w : r.warnings()) {
        err.println("cskit: warning: " + r.asOf() + ": " + w);
      }
      err.flush();
      if (format.equals("table") && r != null && dates.size() > 1 && !r.asOf().equals(dates.get(dates.size() - 1))) {
        out.printf("%s: %d accounts, %d moved, %d tier changes, %d alerts%n", r.asOf(), r.accounts(),
            r.movers().size(), r.tierChanges().size(), r.alerts().size());
        out.flush();
      }
    });
    dev.cskit.run.Project p = dev.cskit.run.Project.read(project);
    String folder = p.resolve(p.config().output()).resolve(last.asOf().toString()).toString();
    if (format.equals("json")) {
      Map<String, Object> doc = Json.object("asOf", last.asOf().toString(), "snapshots", count[0],
          "accounts", last.accounts(), "movers", last.movers().size(), "tierChanges", last.tierChanges().size(),
          "alerts", last.alerts().size(), "output", folder);
      // the retention section as the run folder's summary.json holds it (null without a subscriptions file)
      try {
        Object summary = new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(Path.of(folder, "summary.json").toFile(), Map.class);
        doc.put("retention", ((Map<?, ?>) summary).get("retention"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      doc.put("warnings", last.warnings());
      out.println(Json.write(doc));
    } else {
      out.print(last);
      out.println("Output: " + folder);
    }
    out.flush();
    return Main.OK;
  }
}
