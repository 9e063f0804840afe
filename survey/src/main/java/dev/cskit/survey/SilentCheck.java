package dev.cskit.survey;

import dev.cskit.core.AccountId;
import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.MetricTable;
import dev.cskit.core.io.TextTable;
import dev.cskit.survey.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The silent-customer check: silence is not satisfaction. Compares the accounts that answered a survey with
 * those that did not on any metrics, and lists the silent accounts that show warning signs.
 *
 * <p>{@link #compare} gives, per metric, the standardized mean difference {@code (mean_r - mean_s) /
 * sqrt((var_r + var_s) / 2)} (sample variances; missing values skipped) and flags it when its absolute value
 * reaches the threshold ({@link #DEFAULT_SMD_THRESHOLD}, 0.1, the usual line for a non-negligible imbalance:
 * Austin 2009). A flagged metric means the respondents do not represent the silent: their scores should not
 * be read as everyone's.
 *
 * <p>{@link #atRisk} lists the silent accounts, those with low health or falling usage first (the warning
 * signs it looks for are {@link SilentRiskOptions}).
 */
public final class SilentCheck {
  /** The default |SMD| at which a metric is flagged. */
  public static final double DEFAULT_SMD_THRESHOLD = 0.1;

  private SilentCheck() {}

  /**
   * Respondents versus the silent: every account of the table not among {@code respondents} is silent.
   *
   * @throws CskitException when either group is empty or the threshold is not above 0
   */
  public static Balance compare(MetricTable metrics, Collection<AccountId> respondents, double threshold) {
    Checks.positive("threshold", threshold);
    Set<AccountId> answered = new HashSet<>(respondents);
    int n = metrics.rowCount();
    boolean[] isR = new boolean[n];
    int nr = 0;
    for (int i = 0; i < n; i++) {
      isR[i] = answered.contains(metrics.accountId(i));
      nr += isR[i] ? 1 : 0;
    }
    if (nr == 0 || nr == n) {
      throw new ArgumentException(
          "respondents", "the table must hold both respondents and silent accounts",
          nr + " respondents of " + n + " accounts");
    }
    List<Row> rows = new ArrayList<>();
    for (String m : metrics.metrics()) {
      double[] col = metrics.column(m);
      double[] r = moments(col, isR, true);
      double[] s = moments(col, isR, false);
      double smd;
      if (r[0] < 2 || s[0] < 2) {
        smd = Double.NaN;
      } else {
        double pooled = Math.sqrt((r[2] + s[2]) / 2);
        smd = pooled == 0 ? (r[1] == s[1] ? 0 : Double.NaN) : (r[1] - s[1]) / pooled;
      }
      rows.add(new Row(m, (long) r[0], r[1], (long) s[0], s[1], smd, !Double.isNaN(smd) && Math.abs(smd) >= threshold));
    }
    return new Balance(threshold, rows);
  }

  /** {count, mean, sample variance} of the non-missing values of one group. */
  private static double[] moments(double[] col, boolean[] group, boolean which) {
    long k = 0;
    double mean = 0;
    double m2 = 0;
    for (int i = 0; i < col.length; i++) {
      if (group[i] == which && !Double.isNaN(col[i])) {
        k++;
        double d = col[i] - mean;
        mean += d / k;
        m2 += d * (col[i] - mean);
      }
    }
    return new double[] {k, k == 0 ? Double.NaN : mean, k < 2 ? Double.NaN : m2 / (k - 1)};
  }

  /**
   * The silent accounts with their warning signs (see {@link SilentRiskOptions}), at risk first. At-risk
   * accounts sort by health (lowest first, unknown last), then usage change (steepest fall first); the rest
   * follow in the same order. A band in the low bands or an unscored band is reported instead of a health score
   * below the threshold.
   *
   * @param silent the accounts that did not answer
   * @throws CskitException when the usage table lacks the usage change or activity metric, or an activity
   *     metric is given without a usage table
   */
  public static List<SilentAccount> atRisk(Collection<AccountId> silent, SilentRiskOptions options) {
    return rank(silent, options.health(), options.bands(), options.lowBands(),
        options.healthBelow().orElse(Double.NaN), options.usage().orElse(null),
        options.usageChangeMetric().orElse(null), options.declineBelow().orElse(Double.NaN),
        options.activityMetric().orElse(null));
  }

  private static final Comparator<Double> NAN_LAST = (a, b) -> {
    boolean na = Double.isNaN(a);
    boolean nb = Double.isNaN(b);
    return na && nb ? 0 : na ? 1 : nb ? -1 : Double.compare(a, b);
  };

  /** At risk first; then lowest health (unknown last), steepest usage fall, account id. */
  private static final Comparator<SilentAccount> ORDER =
      Comparator.comparing((SilentAccount s) -> !s.atRisk())
          .thenComparing(SilentAccount::health, NAN_LAST)
          .thenComparing(SilentAccount::usageChange, NAN_LAST)
          .thenComparing(SilentAccount::accountId);

  /**
   * The silent accounts with their warning signs, at risk first. A band in {@code lowBands} or an unscored
   * band is reported instead of a health score below {@code healthBelow}.
   */
  private static List<SilentAccount> rank(
      Collection<AccountId> silent,
      Map<AccountId, Double> health,
      Map<AccountId, dev.cskit.core.HealthBand> bands,
      Set<dev.cskit.core.HealthBand> lowBands,
      double healthBelow,
      MetricTable usage,
      String usageChangeMetric,
      double declineBelow,
      String activityMetric) {
    if (activityMetric != null && (usage == null || !usage.hasMetric(activityMetric))) {
      throw new ArgumentException("usage", "must hold the metric " + activityMetric,
          usage == null ? "no table" : String.join(", ", usage.metrics()));
    }
    if (usage != null && usageChangeMetric != null && !usage.hasMetric(usageChangeMetric)) {
      throw new ArgumentException("usage", "must hold the metric " + usageChangeMetric, String.join(", ", usage.metrics()));
    }
    List<SilentAccount> out = new ArrayList<>();
    for (AccountId id : new java.util.LinkedHashSet<>(silent)) {
      Double h = health.get(id);
      double hv = h == null ? Double.NaN : h;
      double change = Double.NaN;
      double activity = Double.NaN;
      if (usage != null) {
        int row = usage.rowOf(id);
        if (row >= 0) {
          change = usageChangeMetric == null ? Double.NaN : usage.value(row, usageChangeMetric);
          if (activityMetric != null) {
            activity = usage.value(row, activityMetric);
          }
        }
      }
      List<String> reasons = new ArrayList<>();
      dev.cskit.core.HealthBand band = bands.get(id);
      if (band != null && (lowBands.contains(band) || !band.isKnown())) {
        reasons.add(!band.isKnown() ? "health not scored (insufficient data)"
            : Double.isNaN(hv) ? "health " + band
            : String.format(java.util.Locale.ROOT, "health %s (%.1f)", band, hv));
      } else if (hv < healthBelow) {
        reasons.add(String.format(java.util.Locale.ROOT, "health %.1f below %.1f", hv, healthBelow));
      }
      if (change < declineBelow) {
        reasons.add(String.format(java.util.Locale.ROOT, "usage %+.0f%% (%s)", 100 * change, usageChangeMetric));
      }
      if (activity <= 0) {
        reasons.add("no activity (" + activityMetric + " = 0)");
      }
      out.add(new SilentAccount(id, hv, change, !reasons.isEmpty(), String.join("; ", reasons)));
    }
    out.sort(ORDER);
    return List.copyOf(out);
  }

  /**
   * One metric compared.
   *
   * @param metric the metric
   * @param respondents respondents with a value
   * @param respondentMean their mean
   * @param silent silent accounts with a value
   * @param silentMean their mean
   * @param smd the standardized mean difference (respondents minus silent); NaN when undefined
   * @param flagged whether {@code |smd|} reaches the threshold
   */
  public record Row(
      String metric, long respondents, double respondentMean, long silent, double silentMean, double smd,
      boolean flagged) {}

  /** The comparison of every metric. */
  public record Balance(double threshold, List<Row> rows) {
    /** Copies the rows. */
    public Balance {
      rows = List.copyOf(rows);
    }

    /** The flagged metrics. */
    public List<Row> flagged() {
      return rows.stream().filter(Row::flagged).toList();
    }

    @Override
    public String toString() {
      TextTable t = TextTable.withHeader("metric", "respondents", "mean", "silent", "mean", "SMD", "flag")
          .column(2, TextTable.decimals(2)).column(4, TextTable.decimals(2)).column(5, TextTable.decimals(3));
      rows.forEach(r -> t.row(r.metric(), r.respondents(), r.respondentMean(), r.silent(), r.silentMean(),
          r.smd(), r.flagged() ? "!" : ""));
      return t.toString();
    }
  }

  /**
   * A silent account.
   *
   * @param accountId the account
   * @param health its health score, NaN when unknown
   * @param usageChange its relative usage change, NaN when unknown
   * @param atRisk whether it shows a warning sign
   * @param reasons the warning signs, empty when none
   */
  public record SilentAccount(AccountId accountId, double health, double usageChange, boolean atRisk, String reasons) {}
}
