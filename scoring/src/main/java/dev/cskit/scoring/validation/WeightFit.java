package dev.cskit.scoring.validation;

import dev.cskit.core.io.TextTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights fitted to churn: a logistic regression of churn within the horizon on the measures' sub-scores,
 * with non-negative weights shrunk toward the card's current weights. Stateless and thread-safe.
 *
 * <p>The model, on the evaluated snapshots of a {@link Backtest}: {@code P(churn) = 1 / (1 + exp(-eta))},
 * {@code eta = alpha - sum_j beta_j x_j / 100}, with {@code x_j} measure j's sub-score (0-100) and every
 * {@code beta_j >= 0} (a healthier sub-score never raises the risk). The fit minimises the negative
 * log-likelihood (summed over snapshots) plus {@code (strength / 2) sum_j (beta_j - c_j)^2}. The center
 * {@code c = k wbar} is the current weights normalised to sum 1 ({@code wbar}) on the coefficient scale:
 * {@code k} is the slope of a plain logistic regression of churn on the current weighted score (per unit
 * of score/100), but at least {@link #MIN_SCALE}. With few churns the penalty dominates and the fitted
 * weights stay near the current ones; with many the data decide. The fitted weights are the betas
 * rescaled to the current weights' total. The objective is strictly convex (one optimum).
 *
 * <p>Missing sub-scores: a snapshot's missing sub-score is filled in with the current-weighted mean of its
 * present sub-scores, which leaves its current score unchanged (the engine's {@code exclude} policy); a
 * snapshot with no sub-score for any weighted measure is left out. Scoring a card for comparison
 * ({@link #score}) renormalises the weights over the present sub-scores, as the engine does. The optimiser
 * is a bound-constrained Newton method (see the tests for its agreement with scipy's L-BFGS-B and
 * scikit-learn).
 */
public final class WeightFit {
  /** The default shrinkage strength. */
  public static final double DEFAULT_STRENGTH = 10.0;

  /**
   * The smallest scale of the penalty's center: the current card is taken to move the log-odds of churn by
   * at least 2 from a score of 100 to one of 0 (odds about 7.4 times higher), so that a sample whose own
   * estimate of that slope is weak, zero or reversed still shrinks toward the current weights' proportions
   * rather than toward zero.
   */
  public static final double MIN_SCALE = 2.0;

  private WeightFit() {}

  /**
   * One measure's weight before and after the fit: {@code coefficient} is beta, {@code center} where the
   * penalty pulls it (k times the current weight's share).
   */
  public record WeightChange(
      String id, double current, double fitted, double change, double coefficient, double center) {}

  /**
   * A fit's result.
   *
   * @param strength the shrinkage strength used
   * @param scale the center's scale k (max of the current score's own slope and {@link #MIN_SCALE})
   * @param intercept alpha
   * @param weights each measure's current and fitted weight, in the order given
   * @param evaluated the snapshots fitted on
   * @param churned of those, the churned
   * @param imputed the missing sub-scores filled in
   * @param dropped evaluated snapshots left out for having no sub-score at all
   * @param logLikelihood the fitted model's log-likelihood
   * @param converged whether the optimiser converged
   * @param currentAuc the AUC of the current card's score on the fitting snapshots (in sample)
   * @param fittedAuc the AUC of the fitted card's score on the fitting snapshots (in sample)
   * @param degenerate true when every fitted coefficient is 0 (the data show no falling risk with rising
   *     sub-scores): the fitted weights are then the current ones
   */
  public record FittedWeights(
      double strength, double scale, double intercept, List<WeightChange> weights, int evaluated,
      int churned, int imputed, int dropped, double logLikelihood, boolean converged, double currentAuc,
      double fittedAuc, boolean degenerate) {

    /** The fitted weights by measure id. */
    public Map<String, Double> fitted() {
      Map<String, Double> m = new LinkedHashMap<>();
      for (WeightChange w : weights) {
        m.put(w.id(), w.fitted());
      }
      return m;
    }

    /** The current weights by measure id. */
    public Map<String, Double> current() {
      Map<String, Double> m = new LinkedHashMap<>();
      for (WeightChange w : weights) {
        m.put(w.id(), w.current());
      }
      return m;
    }

    @Override
    public String toString() {
      // one precision per column: weights to 2 decimals, coefficients and centres to 4
      TextTable t = TextTable.withHeader("measure", "current", "fitted", "change", "coefficient", "center")
          .column(1, TextTable.decimals(2)).column(2, TextTable.decimals(2)).column(3, TextTable.decimals(2))
          .column(4, TextTable.decimals(4)).column(5, TextTable.decimals(4));
      for (WeightChange w : weights) {
        t.row(w.id(), w.current(), w.fitted(), w.change(), w.coefficient(), w.center());
      }
      return "Fitted weights (strength " + TextTable.number(strength) + ", " + evaluated + " snapshots, "
          + churned + " churned; in-sample AUC current " + TextTable.number(currentAuc) + ", fitted "
          + TextTable.number(fittedAuc) + (degenerate ? "; no signal: current weights kept" : "")
          + (converged ? "" : "; NOT CONVERGED") + ")\n" + t;
    }
  }

  /**
   * An out-of-time comparison: weights fitted on snapshots whose horizon ended before {@code splitDate},
   * then the current and fitted cards scored on the snapshots from {@code splitDate} on.
   *
   * @param splitDate the first date of the test period
   * @param fit the fit on the earlier period
   * @param testEvaluated test snapshots evaluated
   * @param testChurned of those, the churned
   * @param currentAuc the current card's AUC on the test period
   * @param fittedAuc the fitted card's AUC on the test period
   */
  public record OutOfTime(
      LocalDate splitDate, FittedWeights fit, int testEvaluated, int testChurned, double currentAuc,
      double fittedAuc) {

    @Override
    public String toString() {
      return "Out of time from " + splitDate + ": " + testEvaluated + " snapshots, " + testChurned
          + " churned; AUC current " + TextTable.number(currentAuc) + ", fitted " + TextTable.number(fittedAuc)
          + "\n" + fit;
    }
  }

  /**
   * Fits the weights on the evaluated snapshots of a backtest.
   *
   * @param current the current weight of each measure to fit (effective weights: for a card with
   *     categories, the category's weight times the measure's share in it); each must have a sub-score
   *     column
   * @param strength the shrinkage strength (>= 0)
   * @throws ValidationException when there is no churned or no retained case, a weight is not positive or
   *     a measure has no column
   */
  public static FittedWeights fit(Backtest backtest, Map<String, Double> current, double strength) {
    if (!(strength >= 0) || Double.isInfinite(strength)) {
      throw new ValidationException("strength", "must be a finite number >= 0", String.valueOf(strength));
    }
    ScoreSnapshots s = backtest.snapshots();
    List<String> ids = new ArrayList<>(current.keySet());
    int p = ids.size();
    if (p == 0) {
      throw new ValidationException("weights", "at least one measure must be weighted", "none");
    }
    int[] col = columns(s, ids);
    double[] w = new double[p];
    double total = 0;
    for (int j = 0; j < p; j++) {
      w[j] = current.get(ids.get(j));
      if (!(w[j] > 0) || Double.isInfinite(w[j])) {
        throw new ValidationException("weights." + ids.get(j), "a weight must be a finite number > 0",
            String.valueOf(w[j]));
      }
      total += w[j];
    }
    int n = backtest.evaluatedCount();
    List<double[]> xs = new ArrayList<>();
    List<double[]> raw = new ArrayList<>();
    List<Boolean> ys = new ArrayList<>();
    int imputed = 0;
    int dropped = 0;
    for (int i = 0; i < n; i++) {
      int r = backtest.evaluatedRow(i);
      double[] x = new double[p];
      double num = 0;
      double den = 0;
      for (int j = 0; j < p; j++) {
        x[j] = s.subScore(col[j], r);
        if (!Double.isNaN(x[j])) {
          num += w[j] * x[j];
          den += w[j];
        }
      }
      if (den == 0) {
        dropped++;
        continue;
      }
      raw.add(x.clone());
      double fill = num / den;
      for (int j = 0; j < p; j++) {
        if (Double.isNaN(x[j])) {
          x[j] = fill;
          imputed++;
        }
      }
      xs.add(x);
      ys.add(backtest.churned(i));
    }
    int m = xs.size();
    double[] y = new double[m];
    boolean[] yb = new boolean[m];
    int churned = 0;
    for (int i = 0; i < m; i++) {
      yb[i] = ys.get(i);
      y[i] = yb[i] ? 1 : 0;
      churned += yb[i] ? 1 : 0;
    }
    if (churned == 0) {
      throw ValidationException.noChurn(m);
    }
    if (churned == m) {
      throw ValidationException.allChurned(m);
    }
    // the center: the current weights on the coefficient scale, k wbar, k the slope of churn on the current
    // score (a plain logistic regression), at least MIN_SCALE
    double[][] z1 = new double[m][1];
    double[][] z = new double[m][p];
    double[] wbar = new double[p];
    for (int j = 0; j < p; j++) {
      wbar[j] = w[j] / total;
    }
    for (int i = 0; i < m; i++) {
      double sc = 0;
      for (int j = 0; j < p; j++) {
        sc += wbar[j] * xs.get(i)[j];
        z[i][j] = -xs.get(i)[j] / 100.0;
      }
      z1[i][0] = -sc / 100.0;
    }
    LogisticFit one = LogisticFit.fit(z1, y, new double[] {Double.NEGATIVE_INFINITY}, new double[1], 0.0);
    double k = one.converged && Double.isFinite(one.beta[0]) ? Math.max(MIN_SCALE, one.beta[0]) : MIN_SCALE;
    double[] center = new double[p];
    for (int j = 0; j < p; j++) {
      center[j] = k * wbar[j];
    }
    LogisticFit fit = LogisticFit.fit(z, y, new double[p], center, strength);
    double sumBeta = 0;
    for (double b : fit.beta) {
      sumBeta += b;
    }
    boolean degenerate = !(sumBeta > 0);
    List<WeightChange> rows = new ArrayList<>();
    double[] fitted = new double[p];
    for (int j = 0; j < p; j++) {
      fitted[j] = degenerate ? w[j] : fit.beta[j] / sumBeta * total;
      rows.add(new WeightChange(ids.get(j), w[j], fitted[j], fitted[j] - w[j], fit.beta[j], center[j]));
    }
    double[] aucs = compare(raw.toArray(new double[0][]), yb, w, fitted);
    double currentAuc = aucs[0];
    double fittedAuc = aucs[1];
    return new FittedWeights(strength, k, fit.intercept, List.copyOf(rows), m, churned, imputed, dropped,
        fit.logLikelihood, fit.converged, currentAuc, fittedAuc, degenerate);
  }

  /**
   * Fits on the snapshots whose horizon ends before {@code splitDate} (as-of + horizon &lt; split) and
   * compares the current and fitted cards on the snapshots dated {@code splitDate} or later.
   */
  public static OutOfTime outOfTime(ScoreSnapshots snapshots, ChurnOutcomes outcomes, int horizonDays,
      Map<String, Double> current, double strength, LocalDate splitDate) {
    Backtest.checkHorizon(horizonDays);
    ScoreSnapshots train = snapshots.filter(d -> d.plusDays(horizonDays).isBefore(splitDate));
    ScoreSnapshots test = snapshots.filter(d -> !d.isBefore(splitDate));
    if (train.size() == 0) {
      throw new ValidationException("out-of-time split",
          "no snapshot's horizon ends before the split date " + splitDate + ", so nothing is left to fit on",
          snapshots.dates().isEmpty() ? "no snapshots" : "snapshots dated " + snapshots.dates().get(0) + " to "
              + snapshots.dates().get(snapshots.dates().size() - 1));
    }
    if (test.size() == 0) {
      throw new ValidationException("out-of-time split", "no snapshot is dated on or after the split date "
          + splitDate, "none");
    }
    FittedWeights f = fit(Backtest.run(train, outcomes, horizonDays), current, strength);
    Backtest bt = Backtest.run(test, outcomes, horizonDays);
    int[] col = columns(test, new ArrayList<>(current.keySet()));
    double[] w = new double[col.length];
    double[] fw = new double[col.length];
    int j = 0;
    for (WeightChange c : f.weights()) {
      w[j] = c.current();
      fw[j] = c.fitted();
      j++;
    }
    List<double[]> rows = new ArrayList<>();
    List<Boolean> ys = new ArrayList<>();
    for (int i = 0; i < bt.evaluatedCount(); i++) {
      int r = bt.evaluatedRow(i);
      double[] x = new double[col.length];
      boolean any = false;
      for (int q = 0; q < col.length; q++) {
        x[q] = test.subScore(col[q], r);
        any |= !Double.isNaN(x[q]);
      }
      if (any) {
        rows.add(x);
        ys.add(bt.churned(i));
      }
    }
    boolean[] y = new boolean[ys.size()];
    int ch = 0;
    for (int i = 0; i < y.length; i++) {
      y[i] = ys.get(i);
      ch += y[i] ? 1 : 0;
    }
    if (ch == 0) {
      throw new ValidationException("out-of-time test period",
          "no snapshot from " + splitDate + " on churned within its horizon, so the cards cannot be compared",
          "0 churned of " + y.length);
    }
    if (ch == y.length) {
      throw ValidationException.allChurned(y.length);
    }
    double[] aucs = compare(rows.toArray(new double[0][]), y, w, fw);
    return new OutOfTime(splitDate, f, y.length, ch, aucs[0], aucs[1]);
  }

  /**
   * The AUCs of two cards' scores on the same rows: those where both cards give a score (a fitted weight
   * of 0 leaves a row whose only present measures have weight 0 without a score). NaN when those rows
   * hold no churned or no retained case.
   */
  private static double[] compare(double[][] rows, boolean[] y, double[] w1, double[] w2) {
    double[] a = score(rows, w1);
    double[] b = score(rows, w2);
    int k = 0;
    int ch = 0;
    double[] ra = new double[a.length];
    double[] rb = new double[a.length];
    boolean[] yy = new boolean[a.length];
    for (int i = 0; i < a.length; i++) {
      if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
        ra[k] = -a[i];
        rb[k] = -b[i];
        yy[k] = y[i];
        ch += y[i] ? 1 : 0;
        k++;
      }
    }
    if (ch == 0 || ch == k) {
      return new double[] {Double.NaN, Double.NaN};
    }
    ra = java.util.Arrays.copyOf(ra, k);
    rb = java.util.Arrays.copyOf(rb, k);
    yy = java.util.Arrays.copyOf(yy, k);
    return new double[] {RankMetrics.auc(ra, yy), RankMetrics.auc(rb, yy)};
  }

  /**
   * The weighted mean of each row's present sub-scores (weights renormalised over those present), as the
   * engine scores a card without categories; NaN for a row with none present.
   */
  public static double[] score(double[][] subScores, double[] weights) {
    double[] out = new double[subScores.length];
    for (int i = 0; i < subScores.length; i++) {
      double num = 0;
      double den = 0;
      for (int j = 0; j < weights.length; j++) {
        double v = subScores[i][j];
        if (!Double.isNaN(v)) {
          num += weights[j] * v;
          den += weights[j];
        }
      }
      out[i] = den == 0 ? Double.NaN : num / den;
    }
    return out;
  }

  private static int[] columns(ScoreSnapshots s, List<String> ids) {
    int[] col = new int[ids.size()];
    for (int j = 0; j < ids.size(); j++) {
      col[j] = s.measures().indexOf(ids.get(j));
      if (col[j] < 0) {
        throw new ValidationException(s.source(), "has no sub-score column for measure \"" + ids.get(j) + "\"",
            "measure columns " + s.measures());
      }
    }
    return col;
  }
}
