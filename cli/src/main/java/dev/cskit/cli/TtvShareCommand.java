package dev.cskit.cli;

import dev.cskit.core.DataException;
import dev.cskit.core.io.CsvInput;
import dev.cskit.core.io.TextTable;
import dev.cskit.ttv.stats.AalenJohansen;
import dev.cskit.ttv.stats.ConfType;
import dev.cskit.ttv.stats.Estimate;
import dev.cskit.ttv.stats.KaplanMeier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit ttv share}: the share reaching value by a day, per cohort. */
@Command(
    name = "share",
    mixinStandardHelpOptions = true,
    description = {
      "The share of accounts that reached value by day D, with its interval, per cohort.",
      "The Aalen-Johansen "
          + "cumulative incidence of value with churn as a competing event (status 2), so accounts that churned "
          + "first are not counted as if they might still get there; without churn it equals 1 - Kaplan-Meier.",
      "Input: durations CSV (the output of 'ttv from-events': time, status 0 onboarding, 1 value, 2 churned). "
          + "Cohorts by --group-column, or by the month of the start column (--by-start-month)."
    })
public final class TtvShareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin TtvCommand.InputOptions io;

  @Feeds("t")
  @Option(names = "--day", paramLabel = "D", required = true, description = "The day (time since the start).")
  double day;

  @Option(names = "--by-start-month", description = "Cohorts by the month (YYYY-MM) of the start column.")
  boolean byStartMonth;

  @CommandLine.Mixin TtvCommand.CurveOptions curve;

  @CommandLine.Mixin TableFormatOption tableFormat;

  /** One cohort's share. */
  record Row(String cohort, int n, int reached, Estimate share) {}

  @Override
  public Integer call() {
    if (curve.groupColumn != null && byStartMonth) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give --group-column or --by-start-month, not both");
    }
    if (!(day >= 0) || Double.isInfinite(day)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--day must be a number >= 0, found " + day);
    }
    ConfType type = TtvCommand.confType(spec.commandLine(), curve.confType);
    double level = TtvCommand.confidence(curve.confidence);
    Map<String, List<double[]>> cohorts = read(io, curve.groupColumn, byStartMonth);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<double[]>> e : cohorts.entrySet()) {
      rows.add(share(e.getKey(), e.getValue(), day, type, level));
    }
    Output.print(spec, tableFormat.format, () -> text(rows, day, level), csv -> {
      csv.row("cohort", "n", "reached", "day", "share", "lower", "upper");
      rows.forEach(r -> csv.row(r.cohort(), String.valueOf(r.n()), String.valueOf(r.reached()), Output.n(day),
          Output.n(r.share().value()), Output.n(r.share().lower()), Output.n(r.share().upper())));
    }, () -> {
      List<Object> out = new ArrayList<>();
      rows.forEach(r -> out.add(Json.object("cohort", r.cohort(), "n", r.n(), "reached", r.reached(),
          "share", r.share().value(), "lower", r.share().lower(), "upper", r.share().upper())));
      return Json.object("day", day, "confidence", level, "cohorts", out);
    });
    return Main.OK;
  }

  /** The share of one cohort ({time, status} pairs) by {@code day}. */
  static Row share(String cohort, List<double[]> data, double day, ConfType type, double level) {
    double[] t = new double[data.size()];
    int[] s = new int[data.size()];
    int reached = 0;
    for (int i = 0; i < t.length; i++) {
      t[i] = data.get(i)[0];
      s[i] = (int) data.get(i)[1];
      reached += s[i] == 1 && t[i] <= day ? 1 : 0;
    }
    t = KaplanMeier.timefix(t);
    Estimate e = AalenJohansen.fit(t, s, 2, type, level).incidence(1, day);
    return new Row(cohort, t.length, reached, e);
  }

  static String text(List<Row> rows, double day, double level) {
    TextTable t = TextTable.withHeader("cohort", "accounts", "reached by day " + TextTable.number(day), "share",
        String.format(java.util.Locale.ROOT, "%.0f%% interval", 100 * level));
    rows.forEach(r -> t.row(r.cohort(), r.n(), r.reached(), TextTable.percent(r.share().value()),
        TextTable.percent(r.share().lower()) + " - " + TextTable.percent(r.share().upper())));
    return t.toString();
  }

  /** {time, status} pairs by cohort, cohorts in name order. */
  static Map<String, List<double[]>> read(TtvCommand.InputOptions in, String groupColumn, boolean byStartMonth) {
    Map<String, List<double[]>> out = new TreeMap<>();
    try (CsvInput csv = CsvInput.open(in.input)) {
      csv.require(in.timeColumn, in.eventColumn);
      if (groupColumn != null) {
        csv.require(groupColumn);
      }
      if (byStartMonth) {
        csv.require("start");
      }
      for (CsvInput.Row row : csv) {
        double t = row.requiredNumber(in.timeColumn);
        if (!(t >= 0)) {
          throw row.error(in.timeColumn, "a duration must be a number >= 0", String.valueOf(t));
        }
        String cell = row.required(in.eventColumn);
        int s = in.code(cell);
        if (s < 0) {
          throw row.error(in.eventColumn, "status must be 0 (censored), 1 (reached value) or 2 (churned) (other "
              + "codings: --event-value, --churn-value)", cell);
        }
        String g = groupColumn != null ? row.required(groupColumn)
            : byStartMonth ? month(row) : "all";
        out.computeIfAbsent(g, k -> new ArrayList<>()).add(new double[] {t, s});
      }
    }
    if (out.isEmpty()) {
      throw DataException.of(in.input.getFileName().toString(), "at least one data row is required", "none");
    }
    return out;
  }

  private static String month(CsvInput.Row row) {
    String start = row.required("start");
    if (start.length() < 7) {
      throw row.error("start", "must be an ISO-8601 date or timestamp", start);
    }
    return start.substring(0, 7);
  }
}
