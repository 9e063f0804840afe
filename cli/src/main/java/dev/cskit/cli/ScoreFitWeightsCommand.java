package dev.cskit.cli;

import dev.cskit.core.DataException;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.validation.ScoreSnapshots;
import dev.cskit.scoring.validation.ScorecardFit;
import dev.cskit.scoring.validation.WeightFit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cskit score fit-weights}: the scorecard's weights fitted to churn, written as its next revision.
 */
@Command(
    name = "fit-weights",
    mixinStandardHelpOptions = true,
    description = {
      "Fit the scorecard's weights to churn.",
      "A logistic regression of churn within the horizon on the measures' sub-scores, weights non-negative and "
          + "shrunk toward the current ones (--strength). Writes the card's next revision as YAML, each weight's "
          + "change in comments."
    })
public final class ScoreFitWeightsCommand implements Callable<Integer> {
  /** How the result is printed. */
  enum Format {
    YAML, TABLE, CSV, JSON;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--scorecard", paramLabel = "FILE", required = true,
      description = "The current scorecard (file or built-in name).")
  String scorecard;

  @CommandLine.Mixin BacktestInputs inputs;

  @Feeds("strength")
  @Option(names = "--strength", paramLabel = "LAMBDA",
      description = "Shrinkage toward the current weights (default: 10; 0 = none).")
  double strength = WeightFit.DEFAULT_STRENGTH;

  @Option(names = "--split-date", paramLabel = "DATE",
      description = "Also compare out of time: fit on snapshots whose horizon ends before DATE, test from DATE.")
  LocalDate splitDate;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the new card's YAML to this file.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "yaml, table, csv or json (default: ${DEFAULT-VALUE}). yaml prints the new card; table, csv "
          + "and json the weights' changes (csv: weight, current, fitted, change, removed).")
  Format format = Format.YAML;

  @Override
  public Integer call() {
    Scorecard card = ScoreCommand.scorecard(scorecard);
    ScoreSnapshots snapshots = inputs.snapshots();
    if (!snapshots.scorecards().isEmpty()) {
      // snapshots that name their card (a scorecard set's output): fit on this card's accounts only
      if (!snapshots.scorecards().contains(card.name())) {
        throw new dev.cskit.core.ConfigException(String.valueOf(inputs.snapshots), "scorecard", -1,
            "the snapshots' scorecard column must name the card being fitted (" + card.name() + ")",
            String.join(", ", snapshots.scorecards()));
      }
      snapshots = snapshots.forScorecard(card.name());
    }
    ScorecardFit.Result r = ScorecardFit.fit(card, snapshots, inputs.outcomes(), inputs.horizon, strength,
        splitDate);
    String yaml = r.yaml();
    if (out != null) {
      dev.cskit.core.io.AtomicFiles.writeOne(out, w -> w.write(yaml));
    }
    PrintWriter pw = spec.commandLine().getOut();
    switch (format) {
      case JSON -> pw.println(Json.write(json(r, yaml)));
      case TABLE -> pw.print(r);
      case CSV -> {
        dev.cskit.core.io.CsvOutput csv = new dev.cskit.core.io.CsvOutput(pw);
        csv.row("weight", "current", "fitted", "change", "removed");
        for (ScorecardFit.Change c : r.changes()) {
          csv.row(c.path(), Output.n(c.current()), Output.n(c.fitted()), Output.n(c.change()),
              Boolean.toString(c.removed()));
        }
        csv.flush();
      }
      default -> {
        if (out == null) {
          pw.print(yaml);
        } else {
          pw.println("wrote " + card.name() + " revision " + r.card().revision() + " to " + out);
        }
      }
    }
    pw.flush();
    return Main.OK;
  }

  static Map<String, Object> json(ScorecardFit.Result r, String yaml) {
    WeightFit.FittedWeights f = r.weights();
    List<Object> weights = new ArrayList<>();
    for (WeightFit.WeightChange w : f.weights()) {
      weights.add(Json.object("id", w.id(), "current", w.current(), "fitted", w.fitted(), "change", w.change(),
          "coefficient", w.coefficient()));
    }
    List<Object> changes = new ArrayList<>();
    for (ScorecardFit.Change c : r.changes()) {
      changes.add(Json.object("path", c.path(), "current", c.current(), "fitted", c.fitted(), "change", c.change(),
          "removed", c.removed()));
    }
    Object oot = null;
    if (r.outOfTime() != null) {
      WeightFit.OutOfTime o = r.outOfTime();
      oot = Json.object("splitDate", o.splitDate().toString(), "trainEvaluated", o.fit().evaluated(),
          "trainChurned", o.fit().churned(), "testEvaluated", o.testEvaluated(), "testChurned", o.testChurned(),
          "currentAuc", o.currentAuc(), "fittedAuc", o.fittedAuc());
    }
    return Json.object(
        "scorecard", Json.object("name", r.card().name(), "version", r.card().revision(),
            "previousVersion", r.card().revision() - 1, "hash", r.card().hash()),
        "strength", f.strength(),
        "scale", f.scale(),
        "intercept", f.intercept(),
        "evaluated", f.evaluated(),
        "churned", f.churned(),
        "imputed", f.imputed(),
        "dropped", f.dropped(),
        "converged", f.converged(),
        "currentAuc", f.currentAuc(),
        "fittedAuc", f.fittedAuc(),
        "weights", weights,
        "changes", changes,
        "outOfTime", oot,
        "card", yaml);
  }
}
