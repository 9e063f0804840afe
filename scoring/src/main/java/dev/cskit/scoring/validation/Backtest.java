package dev.cskit.scoring.validation;

import dev.cskit.core.AccountId;
import dev.cskit.core.io.TextTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Score snapshots labelled by what happened in the horizon that followed each of them. Immutable.
 *
 * <p>A snapshot of account A taken on date t is judged on the window (t, t + horizon] (the snapshot date
 * itself excluded, the last day included):
 * <ul>
 *   <li><b>churned</b> when A's churn date falls in the window;
 *   <li><b>retained</b> when it did not churn in the window and is known active at its end: its renewal date
 *       falls in the window, its churn date lies after the window, or its {@code activeThrough} date (the
 *       latest date it is known active: a status record, a later snapshot) is on or after the window's end;
 *   <li><b>left out</b> otherwise, counted by reason: nothing known at the window's end (no churn in it and no
 *       evidence of activity at its end), no outcome row for A at all, or A had already churned on or before t
 *       (a snapshot of a departed account).
 * </ul>
 * Only dates inside the window decide a label: an outcome dated on or before the snapshot's own date never
 * makes it churned or retained. Accounts in the outcomes with no snapshot at all are counted and listed
 * ({@link #unknownOutcomeAccounts()}).
 */
public final class Backtest {
  /** The label of one snapshot. */
  public enum Label {
    CHURNED, RETAINED, NO_OUTCOME_IN_HORIZON, NO_OUTCOME_ROW, ALREADY_CHURNED
  }

  private final ScoreSnapshots snapshots;
  private final int horizonDays;
  private final Label[] labels;
  private final int[] evaluated;
  private final boolean[] churned;
  private final List<AccountId> unknownOutcomeAccounts;
  private final ChurnOutcomes outcomes;

  private Backtest(ScoreSnapshots snapshots, ChurnOutcomes outcomes, int horizonDays) {
    this.snapshots = snapshots;
    this.outcomes = outcomes;
    this.horizonDays = horizonDays;
    int n = snapshots.size();
    this.labels = new Label[n];
    int[] ev = new int[n];
    boolean[] ch = new boolean[n];
    int k = 0;
    Set<AccountId> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      AccountId id = snapshots.accountId(i);
      seen.add(id);
      labels[i] = label(outcomes.get(id), snapshots.asOf(i), horizonDays);
      if (labels[i] == Label.CHURNED || labels[i] == Label.RETAINED) {
        ev[k] = i;
        ch[k] = labels[i] == Label.CHURNED;
        k++;
      }
    }
    this.evaluated = java.util.Arrays.copyOf(ev, k);
    this.churned = java.util.Arrays.copyOf(ch, k);
    List<AccountId> unknown = new ArrayList<>();
    for (AccountId id : outcomes.accounts()) {
      if (!seen.contains(id)) {
        unknown.add(id);
      }
    }
    this.unknownOutcomeAccounts = Collections.unmodifiableList(unknown);
  }

  /**
   * Labels every snapshot by the outcome in the {@code horizonDays} that followed it.
   *
   * @throws ValidationException when the horizon is not positive
   */
  public static Backtest run(ScoreSnapshots snapshots, ChurnOutcomes outcomes, int horizonDays) {
    checkHorizon(horizonDays);
    return new Backtest(snapshots, outcomes, horizonDays);
  }

  static void checkHorizon(int horizonDays) {
    if (horizonDays <= 0) {
      throw new ValidationException("horizon", "must be a positive number of days", String.valueOf(horizonDays));
    }
  }

  /** The label of a snapshot taken on {@code asOf}, given the account's outcome (or null). */
  static Label label(ChurnOutcomes.Outcome o, LocalDate asOf, int horizonDays) {
    if (o == null) {
      return Label.NO_OUTCOME_ROW;
    }
    LocalDate end = asOf.plusDays(horizonDays);
    LocalDate churn = o.churnDate();
    if (churn != null && churn.isAfter(asOf) && !churn.isAfter(end)) {
      return Label.CHURNED;
    }
    if (churn != null && !churn.isAfter(asOf)) {
      return Label.ALREADY_CHURNED;
    }
    // retained: known active at the end of the horizon (a renewal inside it, a churn after it, or a record of
    // the account being active at or after its end); left out only when none of these is known
    LocalDate renewal = o.renewalDate();
    if (renewal != null && renewal.isAfter(asOf) && !renewal.isAfter(end)) {
      return Label.RETAINED;
    }
    if (churn != null && churn.isAfter(end)) {
      return Label.RETAINED;
    }
    LocalDate active = o.activeThrough();
    if (active != null && !active.isBefore(end)) {
      return Label.RETAINED;
    }
    return Label.NO_OUTCOME_IN_HORIZON;
  }

  public ScoreSnapshots snapshots() {
    return snapshots;
  }

  public ChurnOutcomes outcomes() {
    return outcomes;
  }

  public int horizonDays() {
    return horizonDays;
  }

  /** The label of snapshot row {@code row}. */
  public Label label(int row) {
    return labels[row];
  }

  /** The number of snapshots evaluated (churned or retained in the horizon). */
  public int evaluatedCount() {
    return evaluated.length;
  }

  /** The snapshot row of evaluated case {@code i}. */
  public int evaluatedRow(int i) {
    return evaluated[i];
  }

  /** Whether evaluated case {@code i} churned in its horizon. */
  public boolean churned(int i) {
    return churned[i];
  }

  /** The number of evaluated snapshots that churned. */
  public int churnedCount() {
    return RankMetrics.count(churned);
  }

  /** The number of snapshots with this label. */
  public int count(Label label) {
    int c = 0;
    for (Label l : labels) {
      if (l == label) {
        c++;
      }
    }
    return c;
  }

  /** Snapshots left out (not churned or retained in the horizon), for any reason. */
  public int leftOutCount() {
    return snapshots.size() - evaluated.length;
  }

  /** Accounts that have an outcome but no snapshot. */
  public List<AccountId> unknownOutcomeAccounts() {
    return unknownOutcomeAccounts;
  }

  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("snapshots", "evaluated", "churned", "no outcome in horizon",
        "no outcome row", "already churned", "outcomes without snapshots");
    t.row(snapshots.size(), evaluated.length, churnedCount(), count(Label.NO_OUTCOME_IN_HORIZON),
        count(Label.NO_OUTCOME_ROW), count(Label.ALREADY_CHURNED), unknownOutcomeAccounts.size());
    return "Backtest, horizon " + horizonDays + " days\n" + t;
  }
}
