package dev.cskit.scoring.validation;

import dev.cskit.core.io.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A mapping from a health score to the probability of churning within the horizon, fitted two ways on
 * backtest cases, with its reliability table. Immutable and thread-safe.
 *
 * <ul>
 *   <li><b>Isotonic</b>: the non-increasing step function of the score closest to the churn indicator in
 *       least squares, by pool-adjacent-violators; equal scores are pooled first (their mean, weighted by
 *       count), and between two distinct scores the probability is interpolated linearly, below the lowest
 *       and above the highest it is held constant (as scikit-learn's
 *       {@code IsotonicRegression(increasing=False, out_of_bounds="clip")}).
 *   <li><b>Platt</b>: {@code p = 1 / (1 + exp(-(a + b * score)))} fitted by maximum likelihood (a plain
 *       logistic regression of churn on the score, as statsmodels' {@code Logit}; no target smoothing).
 * </ul>
 * The reliability table cuts the score range [0, 100] into equal-width bins (the last one closed), and
 * compares in each the observed churn rate with the mean of each calibrated probability.
 */
public final class Calibration {
  /** One bin of the reliability table. */
  public record ReliabilityRow(
      double from, double to, int accounts, int churned, double meanScore, double observedRate,
      double isotonic, double platt) {}

  private final int horizonDays;
  private final double[] knotX;
  private final double[] knotY;
  private final double plattIntercept;
  private final double plattSlope;
  private final boolean plattConverged;
  private final List<ReliabilityRow> reliability;
  private final double brierIsotonic;
  private final double brierPlatt;
  private final double brierBase;

  private Calibration(int horizonDays, double[] knotX, double[] knotY, double a, double b, boolean conv,
      double[] score, boolean[] churned, int bins) {
    this.horizonDays = horizonDays;
    this.knotX = knotX;
    this.knotY = knotY;
    this.plattIntercept = a;
    this.plattSlope = b;
    this.plattConverged = conv;
    int n = score.length;
    double base = RankMetrics.count(churned) / (double) n;
    double bi = 0;
    double bp = 0;
    double bb = 0;
    int[] count = new int[bins];
    int[] ch = new int[bins];
    double[] sumScore = new double[bins];
    double[] sumIso = new double[bins];
    double[] sumPlatt = new double[bins];
    double width = 100.0 / bins;
    for (int i = 0; i < n; i++) {
      double y = churned[i] ? 1 : 0;
      double pi = isotonic(score[i]);
      double pp = platt(score[i]);
      bi += (pi - y) * (pi - y);
      bp += (pp - y) * (pp - y);
      bb += (base - y) * (base - y);
      int k = (int) Math.min(bins - 1, Math.max(0, Math.floor(score[i] / width)));
      count[k]++;
      ch[k] += churned[i] ? 1 : 0;
      sumScore[k] += score[i];
      sumIso[k] += pi;
      sumPlatt[k] += pp;
    }
    this.brierIsotonic = bi / n;
    this.brierPlatt = bp / n;
    this.brierBase = bb / n;
    List<ReliabilityRow> rows = new ArrayList<>();
    for (int k = 0; k < bins; k++) {
      int c = count[k];
      rows.add(new ReliabilityRow(k * width, (k + 1) * width, c, ch[k],
          c == 0 ? Double.NaN : sumScore[k] / c,
          c == 0 ? Double.NaN : ch[k] / (double) c,
          c == 0 ? Double.NaN : sumIso[k] / c,
          c == 0 ? Double.NaN : sumPlatt[k] / c));
    }
    this.reliability = Collections.unmodifiableList(rows);
  }

  /**
   * Fits both calibrations on scores (0-100, finite) and churn indicators, with a 10-bin reliability table.
   *
   * @param horizonDays the horizon the churn indicators refer to (for the text)
   */
  public static Calibration fit(double[] score, boolean[] churned, int horizonDays) {
    return fit(score, churned, horizonDays, 10);
  }

  /** Fits both calibrations, with a reliability table of {@code bins} equal-width bins. */
  public static Calibration fit(double[] score, boolean[] churned, int horizonDays, int bins) {
    if (bins < 1) {
      throw new ValidationException("calibration", "needs at least one bin", String.valueOf(bins));
    }
    RankMetrics.check(score, churned); // finite scores, churned and retained cases
    double[][] iso = isotonicKnots(score, churned);
    double[][] x = new double[score.length][1];
    double[] y = new double[score.length];
    for (int i = 0; i < score.length; i++) {
      x[i][0] = score[i];
      y[i] = churned[i] ? 1 : 0;
    }
    LogisticFit lf = LogisticFit.fit(x, y, new double[] {Double.NEGATIVE_INFINITY}, new double[1], 0.0);
    return new Calibration(horizonDays, iso[0], iso[1], lf.intercept, lf.beta[0], lf.converged, score,
        churned, bins);
  }

  /** Pools equal scores, then runs pool-adjacent-violators for a non-increasing fit. */
  static double[][] isotonicKnots(double[] score, boolean[] churned) {
    int n = score.length;
    Integer[] order = RankMetrics.sortedAscending(score);
    double[] ux = new double[n];
    double[] uy = new double[n];
    double[] uw = new double[n];
    int m = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      double s = 0;
      while (j < n && score[order[j]] == score[order[i]]) {
        s += churned[order[j]] ? 1 : 0;
        j++;
      }
      ux[m] = score[order[i]];
      uw[m] = j - i;
      uy[m] = s / uw[m];
      m++;
      i = j;
    }
    // blocks: mean value, weight, and the number of unique points they cover
    double[] bv = new double[m];
    double[] bw = new double[m];
    int[] bn = new int[m];
    int top = 0;
    for (int k = 0; k < m; k++) {
      bv[top] = uy[k];
      bw[top] = uw[k];
      bn[top] = 1;
      top++;
      while (top > 1 && bv[top - 2] < bv[top - 1]) { // violates non-increasing
        double w = bw[top - 2] + bw[top - 1];
        bv[top - 2] = (bv[top - 2] * bw[top - 2] + bv[top - 1] * bw[top - 1]) / w;
        bw[top - 2] = w;
        bn[top - 2] += bn[top - 1];
        top--;
      }
    }
    double[] fy = new double[m];
    int k = 0;
    for (int b = 0; b < top; b++) {
      for (int c = 0; c < bn[b]; c++) {
        fy[k++] = bv[b];
      }
    }
    return new double[][] {Arrays.copyOf(ux, m), fy};
  }

  /** The isotonic probability of churning within the horizon at this score. */
  public double isotonic(double score) {
    int m = knotX.length;
    if (score <= knotX[0]) {
      return knotY[0];
    }
    if (score >= knotX[m - 1]) {
      return knotY[m - 1];
    }
    int i = Arrays.binarySearch(knotX, score);
    if (i >= 0) {
      return knotY[i];
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double t = (score - knotX[lo]) / (knotX[hi] - knotX[lo]);
    return knotY[lo] + t * (knotY[hi] - knotY[lo]);
  }

  /** The Platt (logistic) probability of churning within the horizon at this score. */
  public double platt(double score) {
    return 1 / (1 + Math.exp(-(plattIntercept + plattSlope * score)));
  }

  /** Platt's intercept a. */
  public double plattIntercept() {
    return plattIntercept;
  }

  /** Platt's slope b (per score point; negative when low scores churn more). */
  public double plattSlope() {
    return plattSlope;
  }

  /**
   * Whether the Platt fit converged. It does not when the score separates churn perfectly: the likelihood
   * then has no finite optimum, and the slope reported is merely large.
   */
  public boolean plattConverged() {
    return plattConverged;
  }

  /** The reliability table, one row per score bin from low to high. */
  public List<ReliabilityRow> reliability() {
    return reliability;
  }

  /** The mean squared error of the isotonic probabilities on the fitting cases. */
  public double brierIsotonic() {
    return brierIsotonic;
  }

  /** The mean squared error of the Platt probabilities on the fitting cases. */
  public double brierPlatt() {
    return brierPlatt;
  }

  /** The Brier score of the base rate alone, for reference. */
  public double brierBaseRate() {
    return brierBase;
  }

  public int horizonDays() {
    return horizonDays;
  }

  /** "score 35 reads about 22% chance of churning in 90 days" (the isotonic reading, Platt beside it). */
  public String read(double score) {
    return String.format(Locale.ROOT, "score %s reads about %.0f%% chance of churning in %d days (Platt %.0f%%)",
        TextTable.number(score), 100 * isotonic(score), horizonDays, 100 * platt(score));
  }

  @Override
  public String toString() {
    // one precision per column: the mean score to 1 decimal, churn probabilities in percent
    TextTable t = TextTable.withHeader("scores", "accounts", "churned", "mean score", "observed", "isotonic",
        "platt").column(3, TextTable.decimals(1)).column(4, TextTable::percent).column(5, TextTable::percent)
        .column(6, TextTable::percent);
    for (ReliabilityRow r : reliability) {
      t.row(TextTable.number(r.from()) + "-" + TextTable.number(r.to()), r.accounts(), r.churned(),
          r.meanScore(), r.observedRate(), r.isotonic(), r.platt());
    }
    return "Calibration, churn within " + horizonDays + " days (Platt a = " + TextTable.number(plattIntercept)
        + ", b = " + TextTable.number(plattSlope) + (plattConverged ? "" : ", not converged: separated")
        + "; Brier isotonic " + TextTable.number(brierIsotonic)
        + ", Platt " + TextTable.number(brierPlatt) + ", base rate " + TextTable.number(brierBase) + ")\n"
        + t + read(30) + "\n" + read(50) + "\n" + read(80) + "\n";
  }
}
