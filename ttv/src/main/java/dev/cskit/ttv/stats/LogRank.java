package dev.cskit.ttv.stats;

import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The G-rho family of tests of equal survival across cohorts (Harrington and Fleming), computed as R's
 * {@code survdiff(Surv(time, status) ~ group, rho = rho)}: {@code rho = 0} is the log-rank test and
 * {@code rho = 1} the Peto-Peto modification of the Gehan-Wilcoxon test, weighting each event time by the
 * pooled Kaplan-Meier S(t-)^rho.
 */
public final class LogRank {
  /**
   * The order of cohort names: when both names are numbers, numerically (as R orders the levels of a
   * numeric grouping variable: 1, 2, 10); otherwise by text.
   */
  public static final Comparator<String> GROUP_ORDER =
      (a, b) -> {
        Double x = asNumber(a);
        Double y = asNumber(b);
        if (x != null && y != null) {
          int c = Double.compare(x, y);
          if (c != 0) {
            return c;
          }
        }
        return a.compareTo(b);
      };

  private LogRank() {}

  private static Double asNumber(String s) {
    try {
      double v = Double.parseDouble(s.trim());
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The log-rank test ({@code rho = 0}). */
  public static LogRankResult logRank(double[] time, int[] status, String[] group) {
    return test(time, status, group, 0);
  }

  /** The Peto-Peto test ({@code rho = 1}). */
  public static LogRankResult petoPeto(double[] time, int[] status, String[] group) {
    return test(time, status, group, 1);
  }

  /**
   * The G-rho test.
   *
   * @param time durations (finite, >= 0)
   * @param status 1 = event, 0 = censored
   * @param group each subject's cohort (non-empty names); cohorts are ordered by {@link #GROUP_ORDER}
   * @param rho the weight exponent (>= 0)
   * @throws DataException for bad durations or status codes, an empty group name, or fewer than 2 cohorts
   */
  public static LogRankResult test(double[] time, int[] status, String[] group, double rho) {
    String source = "survival data";
    SurvMath.check(source, time, status, 1);
    if (group.length != time.length) {
      throw DataException.of(
          source, "group must have one entry per duration", group.length + " groups");
    }
    // distinct names by hash first (one lookup per row), then ordered once: GROUP_ORDER parses names as
    // numbers, far too slow to run per row
    HashMap<String, Integer> lookup = new HashMap<>();
    for (int i = 0; i < group.length; i++) {
      if (group[i] == null || group[i].isEmpty()) {
        throw new DataException(
            source, i + 1, "group", "a group name must not be empty", CskitException.quote(group[i]));
      }
      lookup.putIfAbsent(group[i], 0);
    }
    if (lookup.size() < 2) {
      throw DataException.of(
          source, "a comparison needs at least 2 groups", lookup.size() + " group");
    }
    List<String> names = new ArrayList<>(lookup.keySet());
    names.sort(GROUP_ORDER);
    for (int g = 0; g < names.size(); g++) {
      lookup.put(names.get(g), g);
    }
    int[] grp = new int[group.length];
    for (int i = 0; i < group.length; i++) {
      grp[i] = lookup.get(group[i]);
    }
    return run(time, status, grp, names, rho);
  }

  /**
   * The G-rho test with each subject's cohort given by its position in a list of names, so that names are
   * compared once, not per subject: {@code test(time, status, group, names, rho)} equals {@code test(time,
   * status, g, rho)} where {@code g[i] = names.get(group[i])}.
   *
   * @param group each subject's cohort, an index into {@code names}
   * @param names the distinct cohort names (non-empty), in any order (results are in {@link #GROUP_ORDER})
   * @throws DataException for bad durations or status codes, a group index outside the names, an empty or
   *     repeated name, or fewer than 2 cohorts with subjects
   */
  public static LogRankResult test(double[] time, int[] status, int[] group, List<String> names, double rho) {
    String source = "survival data";
    SurvMath.check(source, time, status, 1);
    if (group.length != time.length) {
      throw DataException.of(
          source, "group must have one entry per duration", group.length + " groups");
    }
    int k = names.size();
    boolean[] present = new boolean[k];
    int distinct = 0;
    for (int i = 0; i < group.length; i++) {
      int g = group[i];
      if (g < 0 || g >= k) {
        throw new DataException(source, i + 1, "group", "a group index must name one of the " + k + " groups",
            String.valueOf(g));
      }
      if (!present[g]) {
        present[g] = true;
        distinct++;
      }
    }
    HashMap<String, Integer> seen = new HashMap<>();
    for (int g = 0; g < k; g++) {
      String name = names.get(g);
      if (name == null || name.isEmpty()) {
        throw new DataException(source, 0, "group", "a group name must not be empty", CskitException.quote(name));
      }
      if (seen.put(name, g) != null) {
        throw DataException.of(source, "group names must be distinct", CskitException.quote(name) + " twice");
      }
    }
    if (distinct < 2) {
      throw DataException.of(source, "a comparison needs at least 2 groups", distinct + " group");
    }
    // the names with subjects, ordered once; each subject's index mapped to its rank
    List<String> used = new ArrayList<>();
    for (int g = 0; g < k; g++) {
      if (present[g]) {
        used.add(names.get(g));
      }
    }
    used.sort(GROUP_ORDER);
    int[] rank = new int[k];
    for (int r = 0; r < used.size(); r++) {
      rank[seen.get(used.get(r))] = r;
    }
    int[] grp = new int[group.length];
    for (int i = 0; i < group.length; i++) {
      grp[i] = rank[group[i]];
    }
    return run(time, status, grp, used, rho);
  }

  /** The test on checked input: {@code grp[i]} indexes {@code names}, which are in {@link #GROUP_ORDER}. */
  private static LogRankResult run(double[] time, int[] status, int[] grp, List<String> names, double rho) {
    int ng = names.size();
    int total = time.length;
    time = SurvMath.aeq(time);
    int[] ord = SurvMath.order(time, status);
    int[] size = new int[ng];
    for (int i = 0; i < total; i++) {
      size[grp[i]]++;
    }
    double[] obs = new double[ng];
    double[] exp = new double[ng];
    double[][] var = new double[ng][ng];
    // pooled KM just before each distinct time (only needed for rho != 0)
    double[] kaplan = new double[total];
    double km = 1;
    for (int i = 0; i < total; ) {
      double t = time[ord[i]];
      int nrisk = total - i;
      int deaths = 0;
      int j = i;
      while (j < total && time[ord[j]] == t) {
        deaths += status[ord[j]];
        j++;
      }
      kaplan[i] = km;
      km = km * (nrisk - deaths) / nrisk;
      i = j;
    }
    double[] risk = new double[ng];
    for (int i = total - 1; i >= 0; i--) {
      double t = time[ord[i]];
      int j = i;
      while (j >= 0 && time[ord[j]] == t) {
        j--;
      }
      int first = j + 1;
      double wt = rho == 0 ? 1 : Math.pow(kaplan[first], rho);
      int deaths = 0;
      for (int k = i; k >= first; k--) {
        int gk = grp[ord[k]];
        deaths += status[ord[k]];
        risk[gk] += 1;
        obs[gk] += status[ord[k]] * wt;
      }
      int nrisk = total - first;
      if (deaths > 0) {
        for (int k = 0; k < ng; k++) {
          exp[k] += wt * deaths * risk[k] / nrisk;
        }
        if (nrisk > 1) {
          double kk = wt * wt * deaths * (double) (nrisk - deaths) / ((double) nrisk * (nrisk - 1));
          for (int a = 0; a < ng; a++) {
            double tmp = kk * risk[a];
            var[a][a] += tmp;
            for (int b = 0; b < ng; b++) {
              var[a][b] -= tmp * risk[b] / nrisk;
            }
          }
        }
      }
      i = first;
    }
    List<Integer> used = new ArrayList<>();
    for (int k = 0; k < ng; k++) {
      if (exp[k] > 0) {
        used.add(k);
      }
    }
    double chi = 0;
    if (used.size() >= 2) {
      int m = used.size() - 1;
      double[][] a = new double[m][m];
      double[] b = new double[m];
      for (int r = 0; r < m; r++) {
        int gr = used.get(r + 1);
        b[r] = obs[gr] - exp[gr];
        for (int c = 0; c < m; c++) {
          a[r][c] = var[gr][used.get(c + 1)];
        }
      }
      double[] x = solve(a, b.clone());
      for (int r = 0; r < m; r++) {
        chi += x[r] * b[r];
      }
    }
    int df = used.size() - 1;
    // as R's survdiff: one group with expected events gives chi-square 0 on 0 df, p 1; none gives df -1, p NaN
    double p = df > 0 ? ChiSquaredDistribution.of(df).survivalProbability(chi) : df == 0 ? 1.0 : Double.NaN;
    List<LogRankGroup> groups = new ArrayList<>();
    for (int k = 0; k < ng; k++) {
      groups.add(new LogRankGroup(names.get(k), size[k], obs[k], exp[k]));
    }
    return new LogRankResult(rho, chi, df, p, groups);
  }

  /** Solves a x = b by Gaussian elimination with partial pivoting (a and b are overwritten). */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] tr = a[c];
      a[c] = a[piv];
      a[piv] = tr;
      double tb = b[c];
      b[c] = b[piv];
      b[piv] = tb;
      if (a[c][c] == 0) {
        throw DataException.of(
            "survival data", "the groups' variance matrix is singular: no test is possible", null);
      }
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k < n; k++) {
          a[r][k] -= f * a[c][k];
        }
        b[r] -= f * b[c];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int k = r + 1; k < n; k++) {
        s -= a[r][k] * x[k];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }
}
