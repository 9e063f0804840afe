package dev.cskit.cli;

import dev.cskit.core.internal.TextTable;
import dev.cskit.core.sample.ChurnOutcome;
import dev.cskit.core.sample.SamplePortfolio;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.validation.Backtest;
import dev.cskit.scoring.validation.ChurnOutcomes;
import dev.cskit.scoring.validation.ScoreSnapshots;
import dev.cskit.scoring.validation.ScoreValidation;
import dev.cskit.scoring.validation.ScorecardFit;
import dev.cskit.scoring.validation.ValidationReport;
import dev.cskit.scoring.validation.WeightFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's validation section: does the built-in three-axis score predict the sample portfolio's churn
 * in the year after the as-of date, and which weights would predict it better.
 */
final class ValidationSection implements DemoSection {
  /** The sample's outcomes cover the year after the as-of date. */
  static final int HORIZON = 365;

  @Override
  public String key() {
    return "validation";
  }

  @Override
  public String title() {
    return "Validation: does the health score predict churn?";
  }

  @Override
  public Result run(DemoContext context) {
    SamplePortfolio p = context.portfolio();
    Scorecard card = Scorecard.builtIn("three-axis");
    ScoreTable scores = card.compile().score(p.metrics(), p.accounts(), List.of(), null);
    ScoreSnapshots snaps = ScoreSnapshots.of(scores, p.asOf());
    ChurnOutcomes.Builder b = ChurnOutcomes.builder().source("sample outcomes");
    for (ChurnOutcome o : p.outcomes()) {
      b.add(o.accountId(), o.churnDate(), o.renewalDate());
    }
    ChurnOutcomes outcomes = b.build();
    ValidationReport r = ScoreValidation.validate(Backtest.run(snaps, outcomes, HORIZON));
    ScorecardFit.Result fit = ScorecardFit.fit(card, snaps, outcomes, HORIZON, WeightFit.DEFAULT_STRENGTH, null);

    TextTable w = TextTable.withHeader("measure", "current", "fitted", "change");
    List<Object> weights = new ArrayList<>();
    for (WeightFit.WeightChange c : fit.weights().weights()) {
      w.row(c.id(), c.current(), c.fitted(), c.change());
      weights.add(Json.object("id", c.id(), "current", c.current(), "fitted", c.fitted(), "change", c.change()));
    }
    String text = String.format(Locale.ROOT,
        "Scorecard %s v%d on %d accounts as of %s, churn within %d days: %d evaluated, %d churned.%n"
            + "AUC %s (95%% CI %s to %s, DeLong); PR AUC %s (base rate %s); top-decile lift %s.%n%n%s"
            + "Churn falls from red to green: %s.%n%s%n%n"
            + "Fitted weights (logistic, non-negative, shrunk toward the current ones with strength %s;%n"
            + "effective weight of each measure = category weight x its share of the category):%n%s"
            + "In-sample AUC of the weighted sub-scores: current %s, fitted %s.",
        card.name(), card.version(), p.size(), p.asOf(), HORIZON, r.evaluated(), r.churned(),
        TextTable.number(r.auc().auc()), TextTable.number(r.auc().lower()), TextTable.number(r.auc().upper()),
        TextTable.number(r.prAuc()), TextTable.number(r.baseRate()), TextTable.number(r.topDecileLift()),
        ScoreValidateCommand.bandTable(r.bands()), r.monotone() ? "yes" : "no",
        r.calibration().read(35), TextTable.number(fit.weights().strength()), w,
        TextTable.number(fit.weights().currentAuc()), TextTable.number(fit.weights().fittedAuc()));
    Map<String, Object> json = Json.object(
        "scorecard", Json.object("name", card.name(), "version", card.version()),
        "horizon", HORIZON,
        "evaluated", r.evaluated(),
        "churned", r.churned(),
        "baseRate", r.baseRate(),
        "auc", r.auc().auc(),
        "aucLower", r.auc().lower(),
        "aucUpper", r.auc().upper(),
        "prAuc", r.prAuc(),
        "topDecileLift", r.topDecileLift(),
        "bands", ScoreValidateCommand.bands(r.bands()),
        "monotone", r.monotone(),
        "weights", weights,
        "currentAuc", fit.weights().currentAuc(),
        "fittedAuc", fit.weights().fittedAuc());
    return new Result(text, json);
  }
}
