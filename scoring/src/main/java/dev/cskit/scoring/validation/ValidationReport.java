package dev.cskit.scoring.validation;

import dev.cskit.core.AccountId;
import dev.cskit.core.io.TextTable;
import java.util.List;

/**
 * What a backtest says about a health score: discrimination (AUC with its interval, precision-recall AUC,
 * top-decile lift), churn per band, early warning (share of churned accounts not green 60-90 days before,
 * median lead time from turning red), the same per measure, and a calibration. Immutable; build it with
 * {@link ScoreValidation#validate}.
 *
 * <p>The AUC of a health score is the probability that a churned snapshot scored lower than a retained one
 * (ties half); 0.5 is chance, 1 perfect. Only evaluated snapshots with a score take part (see
 * {@link Backtest}); {@link #unscored()} counts evaluated snapshots without one.
 *
 * @param horizonDays the horizon
 * @param snapshots all snapshots
 * @param evaluated evaluated snapshots with a score
 * @param churned of those, the churned
 * @param baseRate churned / evaluated
 * @param noOutcomeInHorizon snapshots left out: no churn or renewal in their horizon yet
 * @param noOutcomeRow snapshots left out: the account has no outcome row
 * @param alreadyChurned snapshots left out: taken on or after the account's churn date
 * @param unscored evaluated snapshots left out because they have no score
 * @param unknownOutcomeAccounts accounts with an outcome but no snapshot
 * @param auc the AUC and its interval
 * @param prAuc the precision-recall AUC as average precision (scikit-learn's {@code average_precision_score})
 * @param prAucTrapezoid the trapezoidal precision-recall AUC
 * @param topDecileLift churn rate in the lowest-scored tenth / base rate
 * @param bands churn per band, red to green (then INSUFFICIENT_DATA when present)
 * @param monotone whether churn rates never rise from red to green (bands with cases, INSUFFICIENT_DATA
 *     excepted)
 * @param bandShares the share of all snapshots in each band
 * @param notGreenBeforeChurn among churned accounts with a snapshot 60-90 days before their churn date (the
 *     latest one in that window), the share whose band was not the top band (green); NaN when none
 * @param notGreenBeforeChurnAccounts the number of such churned accounts
 * @param medianLeadTimeDays among churned accounts whose last snapshot before churning was red, the median
 *     number of days from the first snapshot of that final red run to the churn date; NaN when none
 * @param leadTimeAccounts the number of such accounts
 * @param measures the same treatment for each measure's sub-score
 * @param calibration churn probability by score (isotonic and Platt), with its reliability table
 * @param roc the ROC curve of the score, thresholds in score points (flag accounts scoring at or below),
 *     from the lowest threshold (nothing flagged) up
 * @param liftByDecile the churn in each tenth of the evaluated snapshots, lowest scores first
 */
public record ValidationReport(
    int horizonDays,
    int snapshots,
    int evaluated,
    int churned,
    double baseRate,
    int noOutcomeInHorizon,
    int noOutcomeRow,
    int alreadyChurned,
    int unscored,
    List<AccountId> unknownOutcomeAccounts,
    AucInterval auc,
    double prAuc,
    double prAucTrapezoid,
    double topDecileLift,
    List<BandRow> bands,
    boolean monotone,
    List<BandShare> bandShares,
    double notGreenBeforeChurn,
    int notGreenBeforeChurnAccounts,
    double medianLeadTimeDays,
    int leadTimeAccounts,
    List<MeasureValidation> measures,
    Calibration calibration,
    List<RocPoint> roc,
    List<DecileLift> liftByDecile) {

  /** Copies the lists. */
  public ValidationReport {
    unknownOutcomeAccounts = List.copyOf(unknownOutcomeAccounts);
    bands = List.copyOf(bands);
    bandShares = List.copyOf(bandShares);
    measures = List.copyOf(measures);
    roc = List.copyOf(roc);
    liftByDecile = List.copyOf(liftByDecile);
  }

  /** Churn in one band. {@code multiple} is the band's churn rate over the base rate. */
  public record BandRow(String band, int accounts, int churned, double churnRate, double multiple) {
    /**
     * The Wilson score interval of the band's churn rate at {@code level} (e.g. 0.95), as {@code {lower,
     * upper}}; {@code {NaN, NaN}} when the band has no cases.
     */
    public double[] churnRateInterval(double level) {
      if (accounts == 0) {
        return new double[] {Double.NaN, Double.NaN};
      }
      if (!(level > 0 && level < 1)) {
        throw new ValidationException("level", "must be strictly between 0 and 1", String.valueOf(level));
      }
      org.apache.commons.statistics.interval.Interval i =
          org.apache.commons.statistics.interval.BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(
              accounts, churned, 1 - level);
      return new double[] {i.getLowerBound(), i.getUpperBound()};
    }
  }

  /** The share of all snapshots in one band. */
  public record BandShare(String band, int snapshots, double share) {}

  /**
   * One measure's sub-score judged on its own, on the evaluated snapshots where it has a sub-score. Values
   * are NaN when those snapshots hold no churned or no retained case.
   */
  public record MeasureValidation(
      String id, int evaluated, int churned, double auc, double aucLower, double aucUpper, double prAuc,
      double topDecileLift, List<BandRow> bands, boolean monotone) {}

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("Score validation, churn within ").append(horizonDays).append(" days: ")
        .append(evaluated).append(" snapshots evaluated of ").append(snapshots).append(", ")
        .append(churned).append(" churned (base rate ").append(TextTable.number(baseRate)).append(")\n");
    sb.append("left out: ").append(noOutcomeInHorizon).append(" no outcome in horizon, ").append(noOutcomeRow)
        .append(" no outcome row, ").append(alreadyChurned).append(" already churned, ").append(unscored)
        .append(" without a score; ").append(unknownOutcomeAccounts.size())
        .append(" outcomes for accounts without snapshots\n");
    sb.append(auc).append('\n');
    sb.append("PR AUC (average precision) ").append(TextTable.number(prAuc)).append(", trapezoidal ")
        .append(TextTable.number(prAucTrapezoid)).append("; top-decile lift ")
        .append(TextTable.number(topDecileLift)).append('\n');
    // one precision per column: rates and shares in percent, multiples and lifts to 2 decimals, AUCs to 3
    TextTable t = TextTable.withHeader("band", "accounts", "churned", "churn rate", "x base rate", "share")
        .column(3, TextTable::percent).column(4, TextTable.decimals(2)).column(5, TextTable::percent);
    for (BandRow b : bands) {
      double share = Double.NaN;
      for (BandShare s : bandShares) {
        if (s.band().equals(b.band())) {
          share = s.share();
        }
      }
      t.row(b.band(), b.accounts(), b.churned(), b.churnRate(), b.multiple(), share);
    }
    sb.append(t).append("monotone red to green: ").append(monotone ? "yes" : "no").append('\n');
    sb.append("not green 60-90 days before churning: ").append(TextTable.number(notGreenBeforeChurn))
        .append(" of ").append(notGreenBeforeChurnAccounts).append(" churned accounts; median lead time from red: ")
        .append(TextTable.number(medianLeadTimeDays)).append(" days (").append(leadTimeAccounts)
        .append(" accounts)\n");
    TextTable m = TextTable.withHeader("measure", "evaluated", "churned", "auc", "lower", "upper", "pr auc",
        "top-decile lift", "monotone").column(3, TextTable.decimals(3)).column(4, TextTable.decimals(3))
        .column(5, TextTable.decimals(3)).column(6, TextTable.decimals(3)).column(7, TextTable.decimals(2));
    for (MeasureValidation v : measures) {
      m.row(v.id(), v.evaluated(), v.churned(), v.auc(), v.aucLower(), v.aucUpper(), v.prAuc(),
          v.topDecileLift(), v.monotone() ? "yes" : "no");
    }
    sb.append(m);
    if (calibration != null) {
      sb.append(calibration);
    }
    return sb.toString();
  }
}
