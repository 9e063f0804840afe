package dev.cskit.run.history;

import dev.cskit.core.AccountId;
import dev.cskit.core.io.TextTable;
import dev.cskit.scoring.ScorecardRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One snapshot of the history: everything a run as of a date decided, per account, with the names of the
 * metrics and sub-scores its arrays hold.
 *
 * @param asOf the as-of date (one snapshot per date)
 * @param createdAt when the run wrote it
 * @param scorecard the scorecard (or set) the run scored with: name, version, content hash
 * @param metricNames the metric names, in the order of every {@link AccountSnapshot#metrics()}
 * @param measureNames the sub-score names, in the order of every {@link AccountSnapshot#subScores()}
 * @param accounts one row per account
 * @param alerts the alerts raised
 * @param waves the survey waves known at the date
 * @param summaryJson the run's summary, as JSON text
 */
public record Snapshot(
    LocalDate asOf,
    Instant createdAt,
    ScorecardRef scorecard,
    List<String> metricNames,
    List<String> measureNames,
    List<AccountSnapshot> accounts,
    List<Alert> alerts,
    List<SurveyWaveRecord> waves,
    String summaryJson) {

  /** Copies the lists and checks every row's array lengths. */
  public Snapshot {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(scorecard, "scorecard");
    metricNames = List.copyOf(metricNames);
    measureNames = List.copyOf(measureNames);
    accounts = List.copyOf(accounts);
    alerts = List.copyOf(alerts);
    waves = List.copyOf(waves);
    summaryJson = summaryJson == null ? "{}" : summaryJson;
    for (AccountSnapshot a : accounts) {
      if (a.metrics().length != metricNames.size() || a.subScores().length != measureNames.size()) {
        throw new HistoryException("snapshot " + asOf + " account " + a.accountId(),
            "must have one value per metric and per measure",
            a.metrics().length + " metrics and " + a.subScores().length + " sub-scores");
      }
    }
  }

  /** The account's row, if it is in the snapshot. */
  public Optional<AccountSnapshot> account(AccountId id) {
    return Optional.ofNullable(index().get(id));
  }

  /** Rows by account id (a new map on each call). */
  public Map<AccountId, AccountSnapshot> index() {
    Map<AccountId, AccountSnapshot> out = new HashMap<>(accounts.size() * 2);
    for (AccountSnapshot a : accounts) {
      out.put(a.accountId(), a);
    }
    return out;
  }

  /** The position of a metric in the arrays, or -1. */
  public int metricIndex(String name) {
    return metricNames.indexOf(name);
  }

  /** The position of a measure in the sub-score arrays, or -1. */
  public int measureIndex(String name) {
    return measureNames.indexOf(name);
  }

  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("as of", "scorecard", "accounts", "metrics", "measures", "alerts", "waves");
    t.row(asOf.toString(), scorecard.toString(), accounts.size(), metricNames.size(), measureNames.size(),
        alerts.size(), waves.size());
    return t.toString();
  }
}
