package dev.cskit.cli;

import dev.cskit.scoring.validation.ChurnOutcomes;
import dev.cskit.scoring.validation.ScoreSnapshots;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The inputs {@code score validate} and {@code score fit-weights} share: snapshots, outcomes, horizon. */
final class BacktestInputs {
  @Option(names = "--snapshots", paramLabel = "FILE", required = true,
      description = "Snapshots CSV: account_id, as_of, score, band, then one sub-score column per measure.")
  Path snapshots;

  @Option(names = "--outcomes", paramLabel = "FILE", required = true,
      description = "Outcomes CSV: account_id, churn_date, renewal_date.")
  Path outcomes;

  @Feeds("horizon")
  @Option(names = "--horizon", paramLabel = "DAYS", description = "Days after each snapshot (default: 90).")
  int horizon = 90;

  ScoreSnapshots snapshots() {
    return ScoreSnapshots.readCsv(snapshots);
  }

  ChurnOutcomes outcomes() {
    return ChurnOutcomes.readCsv(outcomes);
  }
}
