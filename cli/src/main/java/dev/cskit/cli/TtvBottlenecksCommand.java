package dev.cskit.cli;

import dev.cskit.core.AccountId;
import dev.cskit.core.io.CsvInput;
import dev.cskit.core.io.TextTable;
import dev.cskit.ttv.Bottlenecks;
import dev.cskit.ttv.MilestoneEvent;
import dev.cskit.ttv.StepStats;
import dev.cskit.ttv.TtvSpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit ttv bottlenecks}: where accounts stall along an onboarding path. */
@Command(
    name = "bottlenecks",
    mixinStandardHelpOptions = true,
    description = {
      "Where accounts stall along an onboarding path, censoring-aware.",
      "For each step (one milestone to the "
          + "next) the accounts that entered it, completed it and are still in it, the Kaplan-Meier median days "
          + "in the step, and the restricted mean days up to a common horizon; the stall step has the largest.",
      "Events CSV: account_id, event_type, timestamp. Accounts still in a step are censored at the end of the "
          + "--as-of day (UTC), or at a --churn milestone."
    })
public final class TtvBottlenecksCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--events", paramLabel = "FILE", required = true, description = "Milestone events CSV.")
  Path events;

  @Feeds("path")
  @Option(names = "--path", paramLabel = "TYPE", split = ",", required = true,
      description = "The milestone types in order, at least two (e.g. contract_signed,users_invited,first_value).")
  List<String> path;

  @Option(names = "--churn", paramLabel = "TYPE", split = ",", description = "Churn milestone type(s) (optional).")
  List<String> churn = List.of();

  @Option(names = "--as-of", paramLabel = "DATE", required = true,
      description = "As-of date: events after it are ignored, open steps censored at the end of this day (UTC).")
  LocalDate asOf;

  @CommandLine.Mixin TableFormatOption tableFormat;

  @Override
  public Integer call() {
    Bottlenecks b = Bottlenecks.analyze(readEvents(events), path, churn, TtvSpec.endOfDay(asOf));
    Output.print(spec, tableFormat.format, () -> text(b), csv -> {
      csv.row("from", "to", "entered", "completed", "in_step", "median_days", "median_lower", "median_upper",
          "restricted_mean_days", "restricted_mean_std_err", "stall");
      for (int s = 0; s < b.steps().size(); s++) {
        StepStats x = b.steps().get(s);
        csv.row(x.from(), x.to(), String.valueOf(x.entered()), String.valueOf(x.completed()),
            String.valueOf(x.censored()), Output.n(x.median().value()), Output.n(x.median().lower()),
            Output.n(x.median().upper()), Output.n(x.restrictedMean().value()), Output.n(x.restrictedMean().stdErr()),
            s == b.stallStep() ? "1" : "0");
      }
    }, () -> json(b));
    return Main.OK;
  }

  static Map<String, Object> json(Bottlenecks b) {
    List<Object> steps = new ArrayList<>();
    for (StepStats x : b.steps()) {
      steps.add(Json.object("from", x.from(), "to", x.to(), "entered", x.entered(), "completed", x.completed(),
          "inStep", x.censored(),
          "median", Json.object("value", x.median().value(), "lower", x.median().lower(), "upper", x.median().upper()),
          "restrictedMean", Json.object("value", x.restrictedMean().value(), "stdErr", x.restrictedMean().stdErr())));
    }
    return Json.object("path", b.path(), "horizon", b.horizon(),
        "stallStep", b.stallStep() < 0 ? null : b.steps().get(b.stallStep()).from() + " -> "
            + b.steps().get(b.stallStep()).to(), "steps", steps);
  }

  static String text(Bottlenecks b) {
    TextTable t = TextTable.withHeader("step", "entered", "completed", "in step", "median days", "95% interval",
        "mean days (restricted)");
    for (int s = 0; s < b.steps().size(); s++) {
      StepStats x = b.steps().get(s);
      t.row(x.from() + " -> " + x.to() + (s == b.stallStep() ? "  <- stall" : ""), x.entered(), x.completed(),
          x.censored(), TextTable.fixed(x.median().value(), 1),
          TextTable.fixed(x.median().lower(), 1) + " - " + TextTable.fixed(x.median().upper(), 1),
          TextTable.fixed(x.restrictedMean().value(), 1));
    }
    return "Days in each onboarding step (restricted means up to " + TextTable.fixed(b.horizon(), 1)
        + " days; the median is '-' where fewer than half completed it)\n" + t;
  }

  /** Milestone events from CSV: account_id, event_type (or type), timestamp. */
  static List<MilestoneEvent> readEvents(Path file) {
    List<MilestoneEvent> list = new ArrayList<>();
    try (CsvInput csv = CsvInput.open(file)) {
      String typeColumn = csv.has("event_type") ? "event_type" : "type";
      csv.require("account_id", typeColumn, "timestamp");
      for (CsvInput.Row row : csv) {
        AccountId id = AccountId.of(row.required("account_id"));
        String type = row.required(typeColumn);
        row.required("timestamp");
        list.add(new MilestoneEvent(id, type, row.instant("timestamp")));
      }
    }
    return list;
  }
}
