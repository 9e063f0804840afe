package dev.cskit.cli;

import dev.cskit.core.io.TextTable;
import dev.cskit.sample.SamplePortfolio;
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
 * The demo's validation section: do the health section's scores predict the sample portfolio's churn in
 * the year after the as-of date, and which weights of the three-axis card would predict it better.
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

  /** The sample's churn outcomes. */
  static ChurnOutcomes outcomes(SamplePortfolio p) {
    return ChurnOutcomes.of(p.outcomes().stream()
        .map(o -> new ChurnOutcomes.Outcome(o.accountId(), o.churnDate(), o.renewalDate())).toList(),
        "sample outcomes");
  }

  /** The health section's scores validated against the year that followed, computed once per demo. */
  static ValidationReport report(DemoContext context) {
    return context.shared("validation", () -> {
      SamplePortfolio p = context.portfolio();
      return ScoreValidation.validate(
          Backtest.run(ScoreSnapshots.of(HealthSection.scores(context), p.asOf()), outcomes(p), HORIZON));
    });
  }

  @Override
  public Result run(DemoContext context) {
    SamplePortfolio p = context.portfolio();
    // the health section's scores (the by-stage set), judged against the year that followed
    ScoreTable scores = HealthSection.scores(context);
    ChurnOutcomes outcomes = outcomes(p);
    ValidationReport r = report(context);
    // the three-axis card's weights, fitted on the adopted accounts it scores
    Scorecard card = Scorecard.builtIn("three-axis");
    ScoreSnapshots adopted = ScoreSnapshots.of(scores, p.asOf(), card.name());
    ScorecardFit.Result fit = ScorecardFit.fit(card, adopted, outcomes, HORIZON, WeightFit.DEFAULT_STRENGTH, null);

    TextTable w = TextTable.withHeader("measure", "current", "fitted", "change");
    List<Object> weights = new ArrayList<>();
    for (WeightFit.WeightChange c : fit.weights().weights()) {
      w.row(c.id(), c.current(), c.fitted(), c.change());
      weights.add(Json.object("id", c.id(), "current", c.current(), "fitted", c.fitted(), "change", c.change()));
    }
    String text = String.format(Locale.ROOT,
        "The health scores above (%s) on %d accounts as of %s, against churn within %d days:%n"
            + "%d evaluated, %d churned. AUC %s (95%% CI %s to %s, DeLong); PR AUC %s (base rate %s);%n"
            + "top-decile lift %s.%n%n%sChurn falls from red to green: %s.%n%s%n%n"
            + "Weights of %s v%d fitted on the %d accounts it scores (logistic regression, non-negative,%n"
            + "shrunk toward the current weights with strength %s; a measure's effective weight is its%n"
            + "category's weight times its share of the category):%n%s"
            + "In-sample AUC of the weighted sub-scores: current %s, fitted %s.",
        "the by-stage set", p.size(), p.asOf(), HORIZON, r.evaluated(), r.churned(),
        TextTable.number(r.auc().auc()), TextTable.number(r.auc().lower()), TextTable.number(r.auc().upper()),
        TextTable.number(r.prAuc()), TextTable.number(r.baseRate()), TextTable.number(r.topDecileLift()),
        ScoreValidateCommand.bandTable(r.bands()), r.monotone() ? "yes" : "no", r.calibration().read(35),
        card.name(), card.revision(), adopted.size(), TextTable.number(fit.weights().strength()), w,
        TextTable.number(fit.weights().currentAuc()), TextTable.number(fit.weights().fittedAuc()));
    Map<String, Object> json = Json.object(
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
        "fittedScorecard", Json.object("name", card.name(), "version", card.revision(), "accounts", adopted.size()),
        "weights", weights,
        "currentAuc", fit.weights().currentAuc(),
        "fittedAuc", fit.weights().fittedAuc());
    return new Result(text, json);
  }
}
