package dev.cskit.cli;

import dev.cskit.core.io.TextTable;
import dev.cskit.scoring.Band;
import dev.cskit.scoring.validation.Backtest;
import dev.cskit.scoring.validation.ChurnOutcomes;
import dev.cskit.scoring.validation.ScoreSnapshots;
import dev.cskit.scoring.validation.Calibration;
import dev.cskit.scoring.validation.ScoreValidation;
import dev.cskit.scoring.validation.ValidationOptions;
import dev.cskit.scoring.validation.ValidationReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cskit score validate}: does the health score predict churn? A backtest of score snapshots against
 * churn outcomes in the horizon after each snapshot.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Backtest health-score snapshots against churn.",
      "Each snapshot is judged by what happened in the horizon after its as-of date: churned, renewed, or left "
          + "out (and counted) when neither happened yet. Reports the ROC AUC (Mann-Whitney, ties half: the chance "
          + "that a churned snapshot scored lower than a retained one) with a DeLong or bootstrap interval, the PR "
          + "AUC (average precision), churn per band and its multiple of the base rate, monotonicity, top-decile "
          + "lift, early warning, lead time, the same per measure, and a calibration of the score."
    })
public final class ScoreValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin BacktestInputs inputs;

  @Option(names = "--scorecard", paramLabel = "FILE",
      description = "The scorecard (file or built-in name; optional): its bands' lower bounds order the bands "
          + "and band the measures' sub-scores (otherwise inferred from the lowest score in each band).")
  String scorecard;

  @Feeds("level")
  @Option(names = "--confidence", paramLabel = "P", description = "Confidence level of the AUC interval (default: ${DEFAULT-VALUE}).")
  double level = 0.95;

  /** {@code --level}, the old name of {@code --confidence}: still read, not shown in help. */
  @Feeds("level")
  @Option(names = "--level", paramLabel = "P", hidden = true, description = "The old name of --confidence.")
  void level(double value) {
    level = value;
  }

  @Feeds("interval")
  @Option(names = "--interval", paramLabel = "METHOD", description = "delong (default) or bootstrap.")
  String interval = "delong";

  @Feeds("replicates")
  @Option(names = "--replicates", paramLabel = "N", description = "Bootstrap replicates (default: 2000).")
  int replicates = 2000;

  @Option(names = "--seed", paramLabel = "S", description = "Bootstrap seed (default: 42).")
  long seed = 42;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table, csv or json (default: ${DEFAULT-VALUE}). "
      + "CSV is one table of rows with a section column: overall, band, measure, measure-band, calibration.")
  OutputFormat format = OutputFormat.TABLE;

  @Override
  public Integer call() {
    Map<String, Double> mins = new LinkedHashMap<>();
    if (scorecard != null) {
      for (Band b : ScoreCommand.scorecard(scorecard).bands()) {
        mins.put(b.name(), b.min());
      }
    }
    ValidationOptions options = new ValidationOptions(level, interval, replicates, seed, mins);
    ScoreSnapshots snapshots = inputs.snapshots();
    ChurnOutcomes outcomes = inputs.outcomes();
    // a band the card does not have is an error; without a card, a band other than the standard ones is a
    // warning (a misspelt band would otherwise become a band of its own in the per-band tables)
    java.util.Set<String> standard = java.util.Set.of("red", "yellow", "green", "insufficient_data");
    java.util.Set<String> warned = new java.util.TreeSet<>();
    java.util.Set<String> cardBands = new java.util.HashSet<>();
    mins.keySet().forEach(k -> cardBands.add(k.toLowerCase(java.util.Locale.ROOT)));
    for (int i = 0; i < snapshots.size(); i++) {
      String band = snapshots.band(i).name();
      boolean known = mins.isEmpty() ? standard.contains(band.toLowerCase(java.util.Locale.ROOT))
          : cardBands.contains(band.toLowerCase(java.util.Locale.ROOT)) || band.equalsIgnoreCase("insufficient_data");
      if (!known && !mins.isEmpty()) {
        throw new dev.cskit.core.DataException(inputs.snapshots.toString(), 0, "band",
            "must name a band of scorecard " + scorecard + " " + mins.keySet(), dev.cskit.core.CskitException.quote(band));
      }
      if (!known && warned.add(band)) {
        spec.commandLine().getErr().println("cskit: warning: " + inputs.snapshots + ", column \"band\": band "
            + dev.cskit.core.CskitException.quote(band) + " is not red, yellow, green or INSUFFICIENT_DATA: it is"
            + " counted as a band of its own (give --scorecard for a card with its own bands)");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (snapshots.scorecards().size() > 1) {
      // a scorecard set's output: each card is judged on its own accounts, never pooled
      List<Object> perCard = new ArrayList<>();
      dev.cskit.core.io.CsvOutput csv = format == OutputFormat.CSV ? csv(out) : null;
      for (String card : snapshots.scorecards()) {
        ValidationReport r = ScoreValidation.validate(Backtest.run(snapshots.forScorecard(card), outcomes,
            inputs.horizon), options);
        if (format == OutputFormat.JSON) {
          Map<String, Object> j = new LinkedHashMap<>();
          j.put("scorecard", card);
          j.putAll(json(r));
          perCard.add(j);
        } else if (csv != null) {
          csvRows(csv, card, r);
        } else {
          out.println("== scorecard " + card + " ==");
          out.print(r);
          out.println();
        }
      }
      if (format == OutputFormat.JSON) {
        out.println(Json.write(Json.object("scorecards", perCard)));
      }
      if (csv != null) {
        csv.flush();
      }
      out.flush();
      return Main.OK;
    }
    Backtest bt = Backtest.run(snapshots, outcomes, inputs.horizon);
    ValidationReport r = ScoreValidation.validate(bt, options);
    if (!r.unknownOutcomeAccounts().isEmpty()) {
      spec.commandLine().getErr().println("cskit: warning: " + r.unknownOutcomeAccounts().size()
          + " outcome row(s) name accounts with no snapshot (e.g. " + r.unknownOutcomeAccounts().get(0)
          + "); they are not used");
      spec.commandLine().getErr().flush();
    }
    if (format == OutputFormat.JSON) {
      out.println(Json.write(json(r)));
    } else if (format == OutputFormat.CSV) {
      dev.cskit.core.io.CsvOutput csv = csv(out);
      csvRows(csv, snapshots.scorecards().isEmpty() ? "" : snapshots.scorecards().get(0), r);
      csv.flush();
    } else {
      out.print(r);
    }
    out.flush();
    return Main.OK;
  }

  /** The columns of the CSV output: every section's rows share them, a cell a section lacks is empty. */
  static final String[] CSV_HEADER = {"scorecard", "section", "measure", "band", "from", "to", "accounts",
      "churned", "churn_rate", "multiple", "auc", "auc_lower", "auc_upper", "pr_auc", "top_decile_lift",
      "monotone", "mean_score", "observed_rate", "isotonic", "platt"};

  private static dev.cskit.core.io.CsvOutput csv(PrintWriter out) {
    dev.cskit.core.io.CsvOutput csv = new dev.cskit.core.io.CsvOutput(out);
    csv.row(CSV_HEADER);
    return csv;
  }

  /**
   * The report as CSV rows, one table for all its tables, told apart by {@code section}: {@code overall} (the
   * score's AUC with its interval, PR AUC, top-decile lift, monotonicity, accounts evaluated, churned and the
   * base rate as churn_rate), {@code band} (churn per band of the score), {@code measure} (each measure's AUC
   * and lift), {@code measure-band} (churn per band of each measure's sub-score) and {@code calibration} (the
   * reliability rows: score range, mean score, observed rate, isotonic and Platt estimates). Full precision.
   */
  static void csvRows(dev.cskit.core.io.CsvOutput csv, String card, ValidationReport r) {
    csv.row(line(card, "overall", null, null, Double.NaN, Double.NaN, r.evaluated(), r.churned(), r.baseRate(),
        Double.NaN, r.auc().auc(), r.auc().lower(), r.auc().upper(), r.prAuc(), r.topDecileLift(), r.monotone(),
        Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    for (ValidationReport.BandRow b : r.bands()) {
      csv.row(bandLine(card, "band", null, b));
    }
    for (ValidationReport.MeasureValidation m : r.measures()) {
      csv.row(line(card, "measure", m.id(), null, Double.NaN, Double.NaN, m.evaluated(), m.churned(), Double.NaN,
          Double.NaN, m.auc(), m.aucLower(), m.aucUpper(), m.prAuc(), m.topDecileLift(), m.monotone(),
          Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    }
    for (ValidationReport.MeasureValidation m : r.measures()) {
      for (ValidationReport.BandRow b : m.bands()) {
        csv.row(bandLine(card, "measure-band", m.id(), b));
      }
    }
    for (Calibration.ReliabilityRow x : r.calibration().reliability()) {
      csv.row(line(card, "calibration", null, null, x.from(), x.to(), x.accounts(), x.churned(), Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, x.meanScore(),
          x.observedRate(), x.isotonic(), x.platt()));
    }
  }

  private static String[] bandLine(String card, String section, String measure, ValidationReport.BandRow b) {
    return line(card, section, measure, b.band(), Double.NaN, Double.NaN, b.accounts(), b.churned(), b.churnRate(),
        b.multiple(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN);
  }

  private static String[] line(String card, String section, String measure, String band, double from, double to,
      int accounts, int churned, double churnRate, double multiple, double auc, double aucLower, double aucUpper,
      double prAuc, double lift, Boolean monotone, double meanScore, double observed, double isotonic,
      double platt) {
    return new String[] {card, section, measure == null ? "" : measure, band == null ? "" : band, Output.n(from),
        Output.n(to), Integer.toString(accounts), Integer.toString(churned), Output.n(churnRate),
        Output.n(multiple), Output.n(auc), Output.n(aucLower), Output.n(aucUpper), Output.n(prAuc), Output.n(lift),
        monotone == null ? "" : monotone.toString(), Output.n(meanScore), Output.n(observed), Output.n(isotonic),
        Output.n(platt)};
  }

  /** The report as the command's JSON object. */
  static Map<String, Object> json(ValidationReport r) {
    List<Object> measures = new ArrayList<>();
    for (ValidationReport.MeasureValidation m : r.measures()) {
      measures.add(Json.object("id", m.id(), "auc", m.auc(), "aucLower", m.aucLower(), "aucUpper", m.aucUpper(),
          "prAuc", m.prAuc(), "topDecileLift", m.topDecileLift(), "evaluated", m.evaluated(),
          "churned", m.churned(), "monotone", m.monotone(), "bands", bands(m.bands())));
    }
    List<Object> shares = new ArrayList<>();
    for (ValidationReport.BandShare s : r.bandShares()) {
      shares.add(Json.object("band", s.band(), "snapshots", s.snapshots(), "share", s.share()));
    }
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < Math.min(20, r.unknownOutcomeAccounts().size()); i++) {
      unknown.add(r.unknownOutcomeAccounts().get(i).value());
    }
    Calibration c = r.calibration();
    List<Object> rel = new ArrayList<>();
    for (Calibration.ReliabilityRow x : c.reliability()) {
      rel.add(Json.object("from", x.from(), "to", x.to(), "accounts", x.accounts(), "churned", x.churned(),
          "meanScore", x.meanScore(), "observedRate", x.observedRate(), "isotonic", x.isotonic(),
          "platt", x.platt()));
    }
    return Json.object(
        "auc", r.auc().auc(),
        "aucLower", r.auc().lower(),
        "aucUpper", r.auc().upper(),
        "prAuc", r.prAuc(),
        "bands", bands(r.bands()),
        "monotone", r.monotone(),
        "topDecileLift", r.topDecileLift(),
        "measures", measures,
        "horizon", r.horizonDays(),
        "level", r.auc().level(),
        "aucMethod", r.auc().method(),
        "aucStandardError", r.auc().standardError(),
        "prAucTrapezoid", r.prAucTrapezoid(),
        "snapshots", r.snapshots(),
        "evaluated", r.evaluated(),
        "churned", r.churned(),
        "baseRate", r.baseRate(),
        "leftOut", Json.object("noOutcomeInHorizon", r.noOutcomeInHorizon(), "noOutcomeRow", r.noOutcomeRow(),
            "alreadyChurned", r.alreadyChurned(), "unscored", r.unscored()),
        "unknownOutcomeAccounts", r.unknownOutcomeAccounts().size(),
        "unknownOutcomeAccountIds", unknown,
        "bandShares", shares,
        "notGreenBeforeChurn", r.notGreenBeforeChurn(),
        "notGreenBeforeChurnAccounts", r.notGreenBeforeChurnAccounts(),
        "medianLeadTimeDays", r.medianLeadTimeDays(),
        "leadTimeAccounts", r.leadTimeAccounts(),
        "calibration", Json.object("plattIntercept", c.plattIntercept(), "plattSlope", c.plattSlope(),
            "brierIsotonic", c.brierIsotonic(), "brierPlatt", c.brierPlatt(), "brierBaseRate", c.brierBaseRate(),
            "reliability", rel));
  }

  static List<Object> bands(List<ValidationReport.BandRow> rows) {
    List<Object> out = new ArrayList<>();
    for (ValidationReport.BandRow b : rows) {
      out.add(Json.object("band", b.band(), "accounts", b.accounts(), "churned", b.churned(),
          "churnRate", b.churnRate(), "multiple", b.multiple()));
    }
    return out;
  }

  /** A band table for text output. */
  static String bandTable(List<ValidationReport.BandRow> rows) {
    TextTable t = TextTable.withHeader("band", "accounts", "churned", "churn rate", "x base rate");
    for (ValidationReport.BandRow b : rows) {
      t.row(b.band(), b.accounts(), b.churned(), b.churnRate(), b.multiple());
    }
    return t.toString();
  }
}
