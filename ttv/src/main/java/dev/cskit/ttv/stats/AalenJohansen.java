package dev.cskit.ttv.stats;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The Aalen-Johansen estimate of cumulative incidence with competing events (for time to value: reaching
 * value, type 1, versus churning first, type 2), computed as R's multi-state
 * {@code survfit(Surv(time, factor(status)) ~ 1)}:
 *
 * <ul>
 *   <li>at every distinct observed time, the event-free probability {@code p0(t) = prod (1 - d(s)/n(s))}
 *       and each type's incidence {@code F_k(t) = sum p0(s-) d_k(s)/n(s)}; events of different types at
 *       the same time are handled exactly (they share the same risk set and the same {@code p0(s-)});
 *   <li>standard errors by the infinitesimal jackknife (the derivative of each estimate with respect to
 *       each subject's case weight, squared and summed), which is what R reports for multi-state curves;
 *   <li>confidence limits on the plain, log or log-log scale as {@code survfit_confint} with the
 *       standard error of log p taken as {@code se / p} (R's default for these curves is {@code log}).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class AalenJohansen {
  private final int n;
  private final int types;
  private final double[] time;
  private final int[] atRisk;
  private final int[][] events; // [time][type-1]
  private final int[] censored;
  private final double[][] p; // [time][state], state 0 = event-free
  private final double[][] se; // [time][state]
  private final ConfType confType;
  private final double level;
  private final double[][] lower;
  private final double[][] upper;

  private AalenJohansen(
      int n, int types, double[] time, int[] atRisk, int[][] events, int[] censored, double[][] p,
      double[][] se, ConfType confType, double level) {
    this.n = n;
    this.types = types;
    this.time = time;
    this.atRisk = atRisk;
    this.events = events;
    this.censored = censored;
    this.p = p;
    this.se = se;
    this.confType = confType;
    this.level = level;
    double z = SurvMath.z(level);
    lower = new double[time.length][types + 1];
    upper = new double[time.length][types + 1];
    for (int i = 0; i < time.length; i++) {
      for (int s = 0; s <= types; s++) {
        double pi = p[i][s];
        double logse = se[i][s] == 0 ? 0 : se[i][s] / pi;
        double[] ci = SurvMath.confint(pi, logse, confType, z, true);
        lower[i][s] = ci[0];
        upper[i][s] = ci[1];
      }
    }
  }

  /**
   * Fits cumulative incidence with two event types (1 = value, 2 = churn) and 95% log intervals (R's
   * default for multi-state curves).
   *
   * @param status 0 = censored, 1..types = the event type
   */
  public static AalenJohansen fit(double[] time, int[] status) {
    return fit(time, status, 2, ConfType.LOG, 0.95);
  }

  /**
   * Fits cumulative incidence.
   *
   * @param time durations (finite, >= 0)
   * @param status 0 = censored, 1..types = the event type
   * @param types the number of event types (>= 1)
   * @throws dev.cskit.core.DataException naming the element for a bad duration or status code
   */
  public static AalenJohansen fit(
      double[] time, int[] status, int types, ConfType confType, double level) {
    if (types < 1) {
      throw new ArgumentException("types", "must be at least 1", String.valueOf(types));
    }
    SurvMath.check("competing-risks data", time, status, types);
    SurvMath.checkLevel(level);
    time = SurvMath.aeq(time);
    int total = time.length;
    int[] ord = SurvMath.order(time, status);
    int k1 = types + 1;
    double[] tt = new double[total];
    int[] nr = new int[total];
    int[] nc = new int[total];
    int[][] ne = new int[total][];
    double[][] pp = new double[total][];
    double[][] ss = new double[total][];
    double[] prob = new double[k1];
    prob[0] = 1;
    double[] ur = new double[k1]; // common influence of every subject still at risk
    double[][] mDeparted = new double[k1][k1]; // sum of U U^T over subjects no longer at risk
    int m = 0;
    int i = 0;
    while (i < total) {
      double t = time[ord[i]];
      int risk = total - i;
      int[] d = new int[types];
      int c = 0;
      int j = i;
      while (j < total && time[ord[j]] == t) {
        int st = status[ord[j]];
        if (st == 0) {
          c++;
        } else {
          d[st - 1]++;
        }
        j++;
      }
      double[] lam = new double[types];
      double lamAll = 0;
      for (int k = 0; k < types; k++) {
        lam[k] = (double) d[k] / risk;
        lamAll += lam[k];
      }
      double p0 = prob[0];
      // map for subjects not at risk: U0' = U0 (1 - lam), Uk' = Uk + U0 lam_k
      double[][] a = new double[k1][k1];
      a[0][0] = 1 - lamAll;
      for (int k = 1; k < k1; k++) {
        a[k][k] = 1;
        a[k][0] = lam[k - 1];
      }
      mDeparted = sandwich(a, mDeparted);
      // subjects at risk: U' = A U + p0 * dlam_i terms, dlam_k,i = ([e == k] - lam_k) / n
      double[] base = mul(a, ur);
      double[] stay = base.clone();
      for (int k = 1; k < k1; k++) {
        double dl = -lam[k - 1] / risk;
        stay[0] -= p0 * dl;
        stay[k] += p0 * dl;
      }
      // censored at t: same influence as those who stay, then leave the risk set
      addOuter(mDeparted, stay, c);
      for (int e = 1; e < k1; e++) {
        if (d[e - 1] == 0) {
          continue;
        }
        double[] u = base.clone();
        for (int k = 1; k < k1; k++) {
          double dl = ((k == e ? 1.0 : 0.0) - lam[k - 1]) / risk;
          u[0] -= p0 * dl;
          u[k] += p0 * dl;
        }
        addOuter(mDeparted, u, d[e - 1]);
      }
      ur = stay;
      // probabilities
      double[] next = prob.clone();
      next[0] = p0 * (1 - lamAll);
      for (int k = 1; k < k1; k++) {
        next[k] = prob[k] + p0 * lam[k - 1];
      }
      prob = next;
      int remaining = risk - (j - i);
      double[] sd = new double[k1];
      for (int s = 0; s < k1; s++) {
        double v = mDeparted[s][s] + remaining * ur[s] * ur[s];
        sd[s] = Math.sqrt(Math.max(v, 0));
      }
      tt[m] = t;
      nr[m] = risk;
      nc[m] = c;
      ne[m] = d;
      pp[m] = prob.clone();
      ss[m] = sd;
      m++;
      i = j;
    }
    return new AalenJohansen(
        total, types, Arrays.copyOf(tt, m), Arrays.copyOf(nr, m), Arrays.copyOf(ne, m),
        Arrays.copyOf(nc, m), Arrays.copyOf(pp, m), Arrays.copyOf(ss, m), confType, level);
  }

  private static double[][] sandwich(double[][] a, double[][] mm) {
    int k = a.length;
    double[][] am = new double[k][k];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int x = 0; x < k; x++) {
          s += a[r][x] * mm[x][c];
        }
        am[r][c] = s;
      }
    }
    double[][] out = new double[k][k];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int x = 0; x < k; x++) {
          s += am[r][x] * a[c][x];
        }
        out[r][c] = s;
      }
    }
    return out;
  }

  private static double[] mul(double[][] a, double[] u) {
    double[] out = new double[u.length];
    for (int r = 0; r < u.length; r++) {
      double s = 0;
      for (int c = 0; c < u.length; c++) {
        s += a[r][c] * u[c];
      }
      out[r] = s;
    }
    return out;
  }

  private static void addOuter(double[][] mm, double[] u, int count) {
    if (count == 0) {
      return;
    }
    for (int r = 0; r < u.length; r++) {
      for (int c = 0; c < u.length; c++) {
        mm[r][c] += count * u[r] * u[c];
      }
    }
  }

  /** The same estimate with intervals of another type or level. */
  public AalenJohansen withConfidence(ConfType type, double level) {
    return new AalenJohansen(n, types, time, atRisk, events, censored, p, se, type, level);
  }

  /** The number of subjects. */
  public int n() {
    return n;
  }

  /** The number of event types. */
  public int types() {
    return types;
  }

  /** The interval scale. */
  public ConfType confType() {
    return confType;
  }

  /** The confidence level. */
  public double confidence() {
    return level;
  }

  /** The distinct observed times (a copy). */
  public double[] times() {
    return time.clone();
  }

  /** The table, one row per distinct observed time. */
  public List<CifRow> table() {
    List<CifRow> out = new ArrayList<>(time.length);
    for (int i = 0; i < time.length; i++) {
      List<Integer> ev = new ArrayList<>();
      List<Double> inc = new ArrayList<>();
      List<Double> sd = new ArrayList<>();
      List<Double> lo = new ArrayList<>();
      List<Double> hi = new ArrayList<>();
      for (int k = 1; k <= types; k++) {
        ev.add(events[i][k - 1]);
        inc.add(p[i][k]);
        sd.add(se[i][k]);
        lo.add(lower[i][k]);
        hi.add(upper[i][k]);
      }
      out.add(new CifRow(time[i], atRisk[i], ev, censored[i], p[i][0], inc, sd, lo, hi));
    }
    return Collections.unmodifiableList(out);
  }

  /** The standard error of the event-free probability at each distinct time (a copy). */
  public double[] eventFreeStdErr() {
    double[] out = new double[time.length];
    for (int i = 0; i < time.length; i++) {
      out[i] = se[i][0];
    }
    return out;
  }

  private int indexAt(double t) {
    return SurvMath.indexAt(time, t);
  }

  /** The cumulative incidence of event {@code type} by time {@code t}, with its interval. */
  public Estimate incidence(int type, double t) {
    checkType(type);
    int k = indexAt(t);
    if (k < 0) {
      return new Estimate(0, Double.NaN, Double.NaN);
    }
    return new Estimate(p[k][type], lower[k][type], upper[k][type]);
  }

  /** The probability of being event-free at time {@code t} (1 before the first time). */
  public double eventFree(double t) {
    int k = indexAt(t);
    return k < 0 ? 1.0 : p[k][0];
  }

  /** The cumulative incidence of event {@code type} by time {@code t} (0 before the first time). */
  public double incidenceValue(int type, double t) {
    checkType(type);
    int k = indexAt(t);
    return k < 0 ? 0.0 : p[k][type];
  }

  /** The standard error of the cumulative incidence of {@code type} at time {@code t}. */
  public double incidenceStdErr(int type, double t) {
    checkType(type);
    int k = indexAt(t);
    return k < 0 ? 0 : se[k][type];
  }

  private void checkType(int type) {
    if (type < 1 || type > types) {
      throw new ArgumentException("event type", "must be between 1 and " + types, String.valueOf(type));
    }
  }

  /**
   * The naive "1 - Kaplan-Meier" for one event type, treating the other types as censoring. It estimates
   * the incidence in a world where the competing events could not happen, so it overstates the share
   * that actually reaches the event (for time to value: accounts that churned are counted as if they
   * might still reach value). The result carries that warning; use {@link #incidence(int, double)}.
   *
   * @throws dev.cskit.core.DataException for a bad duration or a status code outside 0..{@link #types()},
   *     as {@link #fit(double[], int[], int, ConfType, double)}
   */
  public NaiveIncidence oneMinusKaplanMeier(double[] time, int[] status, int type) {
    checkType(type);
    SurvMath.check("competing-risks data", time, status, types);
    int[] s = new int[status.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = status[i] == type ? 1 : 0;
    }
    KaplanMeier km = KaplanMeier.fit("competing-risks data", time, s, confType, level);
    return new NaiveIncidence(type, km);
  }

  @Override
  public String toString() {
    String[] header = new String[3 + 2 * types];
    header[0] = "time";
    header[1] = "at risk";
    header[2] = "event-free";
    for (int k = 1; k <= types; k++) {
      header[1 + 2 * k] = "incidence " + k;
      header[2 + 2 * k] = "std err " + k;
    }
    TextTable t = TextTable.withHeader(header);
    // one precision per column: times as the data give them, probabilities to 4 decimals
    t.column(0, TextTable.decimals(TextTable.decimalsFor(time, 2)));
    for (int c = 2; c < header.length; c++) {
      t.column(c, TextTable.decimals(4));
    }
    for (int i = 0; i < time.length; i++) {
      Object[] row = new Object[header.length];
      row[0] = time[i];
      row[1] = atRisk[i];
      row[2] = p[i][0];
      for (int k = 1; k <= types; k++) {
        row[1 + 2 * k] = p[i][k];
        row[2 + 2 * k] = se[i][k];
      }
      t.row(row);
    }
    return "Aalen-Johansen cumulative incidence, n = " + n + "\n" + t;
  }
}
