package dev.cskit.ttv.stats;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Kaplan-Meier estimate of a survival curve S(t) (here: the share of accounts that have not yet reached
 * value by day t) for right-censored data, computed exactly as R's {@code survfit(Surv(time, status) ~ 1)}
 * with its defaults {@code stype = 1, ctype = 1}:
 *
 * <ul>
 *   <li>a row at every distinct observed time (event or censoring): at risk, events, censored, S(t);
 *   <li>Greenwood standard error of log S(t) ({@code sqrt(sum d / (n (n - d)))}, R's {@code std.err}; it is
 *       infinite once S reaches 0) and of S(t) itself (that times S, NaN where S = 0);
 *   <li>pointwise confidence intervals on the {@link ConfType plain, log or log-log} scale at any level,
 *       with R's conventions for limits that do not exist (NaN);
 *   <li>the Nelson-Aalen cumulative hazard {@code sum d/n} with standard error {@code sqrt(sum d/n^2)};
 *   <li>quantiles with confidence limits as {@code quantile.survfit} ({@link #quantile(double)});
 *   <li>restricted means with standard errors as {@code print(fit, rmean = tau)}
 *       ({@link #restrictedMean(double)}).
 * </ul>
 *
 * <p>Like R ({@code timefix = TRUE}), times closer than {@code sqrt(.Machine$double.eps)} (absolutely or
 * relative to the mean distinct time) are treated as tied, at the smallest of them.
 *
 * <p>Immutable and thread-safe. Create with {@link #fit(double[], int[])}; change the interval with
 * {@link #withConfidence(ConfType, double)}.
 */
public final class KaplanMeier {
  private final int n;
  private final double[] time;
  private final int[] atRisk;
  private final int[] events;
  private final int[] censored;
  private final double[] surv;
  private final double[] logSe;
  private final double[] cumHaz;
  private final double[] cumHazSe;
  private final ConfType confType;
  private final double level;
  private final double[] lower;
  private final double[] upper;

  private KaplanMeier(
      int n,
      double[] time,
      int[] atRisk,
      int[] events,
      int[] censored,
      double[] surv,
      double[] logSe,
      double[] cumHaz,
      double[] cumHazSe,
      ConfType confType,
      double level) {
    this.n = n;
    this.time = time;
    this.atRisk = atRisk;
    this.events = events;
    this.censored = censored;
    this.surv = surv;
    this.logSe = logSe;
    this.cumHaz = cumHaz;
    this.cumHazSe = cumHazSe;
    this.confType = confType;
    this.level = level;
    double z = SurvMath.z(level);
    this.lower = new double[time.length];
    this.upper = new double[time.length];
    for (int i = 0; i < time.length; i++) {
      double[] ci = SurvMath.confint(surv[i], logSe[i], confType, z, true);
      lower[i] = ci[0];
      upper[i] = ci[1];
    }
  }

  /**
   * Fits the curve with the default 95% log-log intervals.
   *
   * @param time durations (finite, >= 0)
   * @param status 1 = event (reached value), 0 = censored
   * @throws dev.cskit.core.DataException naming the element (row = index + 1) for a negative or missing
   *     duration or a status other than 0/1, or when there is no observation
   */
  public static KaplanMeier fit(double[] time, int[] status) {
    return fit(time, status, ConfType.LOG_LOG, 0.95);
  }

  /** Fits the curve with intervals of the given type and level (e.g. 0.95). */
  public static KaplanMeier fit(double[] time, int[] status, ConfType confType, double level) {
    return fit("survival data", time, status, confType, level);
  }

  /**
   * Fits the curve; {@code source} names the data in error messages.
   *
   * @see #fit(double[], int[])
   */
  public static KaplanMeier fit(
      String source, double[] time, int[] status, ConfType confType, double level) {
    SurvMath.check(source, time, status, 1);
    SurvMath.checkLevel(level);
    time = SurvMath.aeq(time);
    int[] ord = SurvMath.order(time, status);
    int total = time.length;
    int i = 0;
    double s = 1;
    double v = 0;
    double h = 0;
    double vh = 0;
    int m = 0;
    double[] t = new double[total];
    int[] nr = new int[total];
    int[] ne = new int[total];
    int[] nc = new int[total];
    double[] sv = new double[total];
    double[] se = new double[total];
    double[] ch = new double[total];
    double[] chse = new double[total];
    while (i < total) {
      double ti = time[ord[i]];
      int risk = total - i;
      int d = 0;
      int c = 0;
      int j = i;
      while (j < total && time[ord[j]] == ti) {
        if (status[ord[j]] == 1) {
          d++;
        } else {
          c++;
        }
        j++;
      }
      if (d > 0) {
        s *= (double) (risk - d) / risk;
        v = risk > d ? v + (double) d / ((double) risk * (risk - d)) : Double.POSITIVE_INFINITY;
        h += (double) d / risk;
        vh += (double) d / ((double) risk * risk);
      }
      t[m] = ti;
      nr[m] = risk;
      ne[m] = d;
      nc[m] = c;
      sv[m] = s;
      se[m] = Math.sqrt(v);
      ch[m] = h;
      chse[m] = Math.sqrt(vh);
      m++;
      i = j;
    }
    return new KaplanMeier(
        total,
        Arrays.copyOf(t, m),
        Arrays.copyOf(nr, m),
        Arrays.copyOf(ne, m),
        Arrays.copyOf(nc, m),
        Arrays.copyOf(sv, m),
        Arrays.copyOf(se, m),
        Arrays.copyOf(ch, m),
        Arrays.copyOf(chse, m),
        confType,
        level);
  }

  /**
   * R's {@code timefix}: a copy of the times in which values closer than {@code sqrt(.Machine$double.eps)}
   * (absolutely or relative to the mean distinct time) are made equal to the smallest of their run. Every
   * fit applies it to its own data; to match R's {@code survfit(Surv(time, status) ~ group)} exactly, apply
   * it to the pooled times of all cohorts before splitting them, as R does.
   */
  public static double[] timefix(double[] time) {
    double[] fixed = SurvMath.aeq(time);
    return fixed == time ? time.clone() : fixed;
  }

  /** The same curve with intervals of another type or level. */
  public KaplanMeier withConfidence(ConfType type, double level) {
    return new KaplanMeier(
        n, time, atRisk, events, censored, surv, logSe, cumHaz, cumHazSe, type, level);
  }

  /** The number of subjects. */
  public int n() {
    return n;
  }

  /** The total number of events. */
  public int events() {
    int e = 0;
    for (int d : events) {
      e += d;
    }
    return e;
  }

  /** The interval scale. */
  public ConfType confType() {
    return confType;
  }

  /** The confidence level of the intervals, e.g. 0.95. */
  public double confidence() {
    return level;
  }

  /** The distinct observed times, ascending (a copy). */
  public double[] times() {
    return time.clone();
  }

  /** The largest observed time (event or censoring). */
  public double lastTime() {
    return time[time.length - 1];
  }

  /** The table, one row per distinct observed time. */
  public List<KmRow> table() {
    List<KmRow> rows = new ArrayList<>(time.length);
    for (int i = 0; i < time.length; i++) {
      rows.add(
          new KmRow(
              time[i],
              atRisk[i],
              events[i],
              censored[i],
              surv[i],
              surv[i] * logSe[i],
              lower[i],
              upper[i],
              logSe[i],
              cumHaz[i],
              cumHazSe[i]));
    }
    return Collections.unmodifiableList(rows);
  }

  /** The Nelson-Aalen cumulative hazard at every distinct observed time. */
  public List<HazardPoint> cumulativeHazard() {
    List<HazardPoint> out = new ArrayList<>(time.length);
    for (int i = 0; i < time.length; i++) {
      out.add(new HazardPoint(time[i], cumHaz[i], cumHazSe[i]));
    }
    return Collections.unmodifiableList(out);
  }

  private int indexAt(double t) {
    return SurvMath.indexAt(time, t);
  }

  /** S(t), right-continuous: 1 before the first time; after the last, the last value. */
  public double survival(double t) {
    int k = indexAt(t);
    return k < 0 ? 1.0 : surv[k];
  }

  /** S(t) with its confidence interval (limits of 1 before the first time, as R's survfit0). */
  public Estimate survivalEstimate(double t) {
    int k = indexAt(t);
    if (k < 0) {
      return new Estimate(1, 1, 1);
    }
    return new Estimate(surv[k], lower[k], upper[k]);
  }

  /**
   * The share that reached the event by day {@code t}: 1 - S(t), with limits 1 - upper and 1 - lower of
   * S(t). With log-log intervals the limits are NaN while S(t) = 1 (before any event), as in R.
   */
  public Estimate shareBy(double t) {
    int k = indexAt(t);
    if (k < 0) {
      return new Estimate(0, 0, 0);
    }
    return new Estimate(1 - surv[k], 1 - upper[k], 1 - lower[k]);
  }

  /**
   * The p-quantile of the time to event, as R's {@code quantile.survfit}: the first time where S(t) &lt;= 1 -
   * p (within {@code sqrt(.Machine$double.eps)}). Where S(t) equals 1 - p exactly over a flat stretch, R
   * and cskit take the midpoint of the stretch: from the time S first reaches 1 - p to the next event
   * time, or to the last observed time when the curve ends at exactly 1 - p. The limits apply the same
   * rule to the lower and upper curves. Anything the curve never reaches is NaN.
   *
   * <p>Note: R's {@code print.survfit} median uses a slightly different rule only in that last case (a
   * curve ending at exactly 0.5 gives the first time there); cskit follows {@code quantile.survfit}.
   */
  public Quantile quantile(double p) {
    checkQuantile(p);
    int m = time.length;
    double[] x = new double[m + 1];
    double[] y = new double[m + 1];
    double[] yl = new double[m + 1];
    double[] yu = new double[m + 1];
    for (int i = 0; i < m; i++) {
      x[i + 1] = time[i];
      y[i + 1] = 1 - surv[i];
      yl[i + 1] = 1 - lower[i];
      yu[i + 1] = 1 - upper[i];
    }
    return new Quantile(
        p, SurvMath.findq(x, y, p), SurvMath.findq(x, yl, p), SurvMath.findq(x, yu, p));
  }

  /**
   * Checks a confidence level as every estimator here does: strictly between 0 and 1. For callers that
   * take the level before they have data (a command line reading a file).
   *
   * @throws ArgumentException ({@code confidence}) otherwise
   */
  public static void checkConfidence(double level) {
    SurvMath.checkLevel(level);
  }

  /**
   * Checks a quantile probability as {@link #quantile} does: between 0 and 1.
   *
   * @throws ArgumentException ({@code p}) otherwise
   */
  public static void checkQuantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new ArgumentException("p", "must be between 0 and 1", String.valueOf(p));
    }
  }

  /**
   * Checks a restricted-mean horizon as {@link #restrictedMean} does: a finite number, 0 or more.
   *
   * @throws ArgumentException ({@code horizon}) otherwise
   */
  public static void checkHorizon(double horizon) {
    if (!(horizon >= 0) || Double.isInfinite(horizon)) {
      throw new ArgumentException("horizon", "must be a finite number >= 0", String.valueOf(horizon));
    }
  }

  /** The median ({@code quantile(0.5)}). */
  public Quantile median() {
    return quantile(0.5);
  }

  /** The quantiles for several probabilities. */
  public List<Quantile> quantiles(double... ps) {
    List<Quantile> out = new ArrayList<>(ps.length);
    for (double p : ps) {
      out.add(quantile(p));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The restricted mean up to {@code horizon} with its standard error, exactly as R's {@code survmean}
   * ({@code print(fit, rmean = horizon)}): the area under S from 0 to the horizon, and variance {@code
   * sum_i A_i^2 d_i / (n_i (n_i - d_i))} where A_i is the area from the i-th time to the horizon (times
   * where everyone at risk has the event contribute 0).
   */
  public RestrictedMean restrictedMean(double horizon) {
    checkHorizon(horizon);
    int keep = 0;
    while (keep < time.length && time[keep] <= horizon) {
      keep++;
    }
    if (keep == 0) {
      return new RestrictedMean(horizon, horizon, 0);
    }
    int m = keep + 1;
    double[] tt = new double[m];
    double[] ts = new double[m];
    double[] hh = new double[m];
    for (int i = 0; i < keep; i++) {
      tt[i] = time[i];
      ts[i] = surv[i];
      int r = atRisk[i];
      int d = events[i];
      hh[i] = (r - d) == 0 ? 0 : (double) d / ((double) r * (r - d));
    }
    tt[keep] = horizon;
    ts[keep] = surv[keep - 1];
    hh[keep] = 0;
    double[] rect = new double[m];
    double prev = 0;
    double mean = 0;
    for (int i = 0; i < m; i++) {
      rect[i] = (tt[i] - prev) * (i == 0 ? 1 : ts[i - 1]);
      prev = tt[i];
      mean += rect[i];
    }
    double var = 0;
    double tail = 0;
    for (int i = m - 1; i >= 1; i--) {
      tail += rect[i];
      var += tail * tail * hh[i - 1];
    }
    return new RestrictedMean(horizon, mean, Math.sqrt(var));
  }

  @Override
  public String toString() {
    TextTable tt =
        TextTable.withHeader(
            "time", "at risk", "events", "censored", "survival", "std err",
            "lower " + level, "upper " + level);
    // one precision per column: times as the data give them (whole days stay whole), probabilities to 4
    List<KmRow> rows = table();
    double[] times = new double[rows.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = rows.get(i).time();
    }
    tt.column(0, TextTable.decimals(TextTable.decimalsFor(times, 2)));
    for (int c = 4; c <= 7; c++) {
      tt.column(c, TextTable.decimals(4));
    }
    for (KmRow r : rows) {
      tt.row(r.time(), r.atRisk(), r.events(), r.censored(), r.survival(), r.stdErr(), r.lower(),
          r.upper());
    }
    Quantile med = median();
    return "Kaplan-Meier, n = " + n + ", events = " + events() + ", " + confType + " intervals\n"
        + tt + "median " + TextTable.cell(med.value()) + " (" + TextTable.cell(med.lower()) + ", "
        + TextTable.cell(med.upper()) + ")\n";
  }
}
