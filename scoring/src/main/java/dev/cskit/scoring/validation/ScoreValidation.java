package dev.cskit.scoring.validation;

import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a health score on a {@link Backtest}: see {@link ValidationReport} for what is measured.
 * Stateless and thread-safe.
 */
public final class ScoreValidation {
  private ScoreValidation() {}

  /** Validates with the default options (DeLong 95% interval). */
  public static ValidationReport validate(Backtest backtest) {
    return validate(backtest, ValidationOptions.defaults());
  }

  /**
   * Validates the snapshots' scores, bands and measures against churn in the horizon.
   *
   * @throws ValidationException when the evaluated snapshots hold no churned or no retained case
   */
  public static ValidationReport validate(Backtest backtest, ValidationOptions options) {
    ScoreSnapshots s = backtest.snapshots();
    // evaluated snapshots with a score
    int n = backtest.evaluatedCount();
    int[] rows = new int[n];
    boolean[] y = new boolean[n];
    int k = 0;
    int unscored = 0;
    for (int i = 0; i < n; i++) {
      int r = backtest.evaluatedRow(i);
      if (Double.isNaN(s.score(r))) {
        unscored++;
        continue;
      }
      rows[k] = r;
      y[k] = backtest.churned(i);
      k++;
    }
    rows = Arrays.copyOf(rows, k);
    y = Arrays.copyOf(y, k);
    if (k == 0) {
      throw new ValidationException("validation",
          "no snapshot could be judged: none has a churn or a renewal within the " + backtest.horizonDays()
              + "-day horizon that follows it",
          backtest.snapshots().size() + " snapshots, " + backtest.leftOutCount() + " left out");
    }
    int churned = RankMetrics.count(y);
    if (churned == 0) {
      throw ValidationException.noChurn(k);
    }
    if (churned == k) {
      throw ValidationException.allChurned(k);
    }
    double base = churned / (double) k;
    double[] score = new double[k];
    for (int i = 0; i < k; i++) {
      score[i] = s.score(rows[i]);
    }
    double[] risk = RankMetrics.negate(score);
    AucInterval auc = interval(risk, y, options);
    double ap = RankMetrics.averagePrecision(risk, y);
    double trap = RankMetrics.prAucTrapezoid(risk, y);
    double lift = RankMetrics.topDecileLift(risk, y);

    List<String> order = bandOrder(s, options);
    Map<String, Double> mins = bandMins(s, options, order);
    String[] bandOf = new String[k];
    for (int i = 0; i < k; i++) {
      bandOf[i] = s.band(rows[i]).name();
    }
    List<ValidationReport.BandRow> bands = bandRows(order, bandOf, y, base);
    boolean monotone = monotone(bands);

    // band shares over all snapshots
    Map<String, Integer> shareCount = new LinkedHashMap<>();
    for (String b : order) {
      shareCount.put(b, 0);
    }
    for (int i = 0; i < s.size(); i++) {
      shareCount.merge(s.band(i).name(), 1, Integer::sum);
    }
    List<ValidationReport.BandShare> shares = new ArrayList<>();
    for (Map.Entry<String, Integer> e : shareCount.entrySet()) {
      shares.add(new ValidationReport.BandShare(e.getKey(), e.getValue(), e.getValue() / (double) s.size()));
    }

    String top = null;
    String bottom = null;
    for (String b : order) {
      if (HealthBand.of(b).isKnown()) {
        if (bottom == null) {
          bottom = b;
        }
        top = b;
      }
    }
    double[] early = earlyWarning(backtest, top, bottom);

    List<ValidationReport.MeasureValidation> measures = new ArrayList<>();
    for (int m = 0; m < s.measures().size(); m++) {
      measures.add(measure(s, m, rows, y, options, order, mins));
    }
    Calibration cal = Calibration.fit(score, y, backtest.horizonDays());
    return new ValidationReport(backtest.horizonDays(), s.size(), k, churned, base,
        backtest.count(Backtest.Label.NO_OUTCOME_IN_HORIZON), backtest.count(Backtest.Label.NO_OUTCOME_ROW),
        backtest.count(Backtest.Label.ALREADY_CHURNED), unscored, backtest.unknownOutcomeAccounts(), auc, ap,
        trap, lift, bands, monotone, shares, early[0], (int) early[1], early[2], (int) early[3],
        List.copyOf(measures), cal, scoreRoc(risk, y), RankMetrics.liftByDecile(risk, y));
  }

  /** The ROC curve on risk = -score, its thresholds turned back into score points. */
  static List<RocPoint> scoreRoc(double[] risk, boolean[] y) {
    List<RocPoint> out = new ArrayList<>();
    for (RocPoint p : RankMetrics.roc(risk, y)) {
      out.add(new RocPoint(-p.threshold(), p.falsePositiveRate(), p.truePositiveRate()));
    }
    return out;
  }

  static AucInterval interval(double[] risk, boolean[] y, ValidationOptions o) {
    return o.interval().equals("bootstrap")
        ? RankMetrics.bootstrap(risk, y, o.level(), o.replicates(), o.seed())
        : RankMetrics.delong(risk, y, o.level());
  }

  private static ValidationReport.MeasureValidation measure(ScoreSnapshots s, int m, int[] rows, boolean[] y,
      ValidationOptions o, List<String> order, Map<String, Double> mins) {
    int n = rows.length;
    double[] v = new double[n];
    boolean[] c = new boolean[n];
    int k = 0;
    int ch = 0;
    for (int i = 0; i < n; i++) {
      double x = s.subScore(m, rows[i]);
      if (!Double.isNaN(x)) {
        v[k] = x;
        c[k] = y[i];
        ch += y[i] ? 1 : 0;
        k++;
      }
    }
    v = Arrays.copyOf(v, k);
    c = Arrays.copyOf(c, k);
    String id = s.measures().get(m);
    if (ch == 0 || ch == k) {
      return new ValidationReport.MeasureValidation(id, k, ch, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, List.of(), false);
    }
    double[] risk = RankMetrics.negate(v);
    AucInterval a = interval(risk, c, o);
    double base = ch / (double) k;
    String[] bandOf = new String[k];
    List<Map.Entry<String, Double>> thresholds = new ArrayList<>(mins.entrySet());
    thresholds.sort(Map.Entry.comparingByValue());
    for (int i = 0; i < k; i++) {
      String b = thresholds.get(0).getKey();
      for (Map.Entry<String, Double> e : thresholds) {
        if (e.getValue() <= v[i]) {
          b = e.getKey();
        }
      }
      bandOf[i] = b;
    }
    List<String> known = new ArrayList<>();
    for (String b : order) {
      if (mins.containsKey(b)) {
        known.add(b);
      }
    }
    List<ValidationReport.BandRow> bands = bandRows(known, bandOf, c, base);
    return new ValidationReport.MeasureValidation(id, k, ch, a.auc(), a.lower(), a.upper(),
        RankMetrics.averagePrecision(risk, c), RankMetrics.topDecileLift(risk, c), bands, monotone(bands));
  }

  /** Known bands ordered by their lower bound (given, or the lowest score seen), INSUFFICIENT_DATA last. */
  static List<String> bandOrder(ScoreSnapshots s, ValidationOptions o) {
    Map<String, Double> low = new HashMap<>();
    for (Map.Entry<String, Double> e : o.bandMins().entrySet()) {
      low.put(HealthBand.of(e.getKey()).name(), e.getValue());
    }
    for (Map.Entry<String, Double> e : lowestScores(s).entrySet()) {
      low.putIfAbsent(e.getKey(), e.getValue());
    }
    List<String> names = new ArrayList<>(low.keySet());
    names.sort(Comparator.comparing((String b) -> HealthBand.of(b).isKnown() ? 0 : 1)
        .thenComparing(low::get).thenComparing(Comparator.naturalOrder()));
    return names;
  }

  /** The lowest score seen in each band (infinity for a band whose snapshots have no score). */
  private static Map<String, Double> lowestScores(ScoreSnapshots s) {
    Map<String, Double> seen = new HashMap<>();
    for (int i = 0; i < s.size(); i++) {
      double sc = s.score(i);
      seen.merge(s.band(i).name(), Double.isNaN(sc) ? Double.POSITIVE_INFINITY : sc, Math::min);
    }
    return seen;
  }

  private static Map<String, Double> bandMins(ScoreSnapshots s, ValidationOptions o, List<String> order) {
    Map<String, Double> mins = new LinkedHashMap<>();
    if (!o.bandMins().isEmpty()) {
      for (Map.Entry<String, Double> e : o.bandMins().entrySet()) {
        mins.put(HealthBand.of(e.getKey()).name(), e.getValue());
      }
      return mins;
    }
    Map<String, Double> lowest = lowestScores(s);
    for (String b : order) {
      if (!HealthBand.of(b).isKnown()) {
        continue;
      }
      double lo = lowest.getOrDefault(b, Double.POSITIVE_INFINITY);
      if (Double.isFinite(lo)) {
        mins.put(b, mins.isEmpty() ? 0.0 : lo);
      }
    }
    return mins;
  }

  private static List<ValidationReport.BandRow> bandRows(
      List<String> order, String[] bandOf, boolean[] y, double base) {
    List<ValidationReport.BandRow> out = new ArrayList<>();
    for (String b : order) {
      int a = 0;
      int c = 0;
      for (int i = 0; i < bandOf.length; i++) {
        if (bandOf[i].equals(b)) {
          a++;
          c += y[i] ? 1 : 0;
        }
      }
      double rate = a == 0 ? Double.NaN : c / (double) a;
      out.add(new ValidationReport.BandRow(b, a, c, rate, rate / base));
    }
    return List.copyOf(out);
  }

  /** Churn rates never rise from the lowest band to the highest, over known bands with cases. */
  private static boolean monotone(List<ValidationReport.BandRow> bands) {
    double prev = Double.POSITIVE_INFINITY;
    for (ValidationReport.BandRow b : bands) {
      if (!HealthBand.of(b.band()).isKnown() || b.accounts() == 0) {
        continue;
      }
      if (b.churnRate() > prev) {
        return false;
      }
      prev = b.churnRate();
    }
    return true;
  }

  /**
   * {share not green 60-90 days before churn, its denominator, median lead time from red, its denominator}.
   */
  private static double[] earlyWarning(Backtest bt, String top, String bottom) {
    ScoreSnapshots s = bt.snapshots();
    Map<AccountId, List<Integer>> byAccount = new HashMap<>();
    for (int i = 0; i < s.size(); i++) {
      byAccount.computeIfAbsent(s.accountId(i), a -> new ArrayList<>()).add(i);
    }
    int withWindow = 0;
    int notGreen = 0;
    List<Double> leads = new ArrayList<>();
    for (AccountId id : bt.outcomes().accounts()) {
      LocalDate churn = bt.outcomes().get(id).churnDate();
      List<Integer> rows = byAccount.get(id);
      if (churn == null || rows == null) {
        continue;
      }
      List<Integer> before = new ArrayList<>();
      for (int r : rows) {
        if (s.asOf(r).isBefore(churn)) {
          before.add(r);
        }
      }
      before.sort(Comparator.comparing(s::asOf));
      // latest snapshot 60 to 90 days before the churn date
      Integer pick = null;
      for (int r : before) {
        long d = ChronoUnit.DAYS.between(s.asOf(r), churn);
        if (d >= 60 && d <= 90) {
          pick = r;
        }
      }
      if (pick != null) {
        withWindow++;
        if (!s.band(pick).name().equals(top)) {
          notGreen++;
        }
      }
      if (!before.isEmpty() && s.band(before.get(before.size() - 1)).name().equals(bottom)) {
        int j = before.size() - 1;
        while (j > 0 && s.band(before.get(j - 1)).name().equals(bottom)) {
          j--;
        }
        leads.add((double) ChronoUnit.DAYS.between(s.asOf(before.get(j)), churn));
      }
    }
    double median = Double.NaN;
    if (!leads.isEmpty()) {
      double[] l = leads.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int m = l.length;
      median = m % 2 == 1 ? l[m / 2] : (l[m / 2 - 1] + l[m / 2]) / 2;
    }
    return new double[] {withWindow == 0 ? Double.NaN : notGreen / (double) withWindow, withWindow, median,
        leads.size()};
  }
}
