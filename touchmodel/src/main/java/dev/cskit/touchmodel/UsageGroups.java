package dev.cskit.touchmodel;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.AccountId;
import dev.cskit.core.DataException;
import dev.cskit.core.MetricTable;
import dev.cskit.core.io.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eight usage groups: each account is high or low on utilization, engagement and penetration (see
 * {@link UsageGroupSettings}), which names one of eight groups. One vendor groups each month's new contracts
 * this way from two weeks of access logs and has a call centre phone the weak groups. Immutable.
 *
 * <p>Split: with a fixed threshold an axis is high when its value is >= the threshold; without one, when it is
 * strictly above the median of the accounts that have a value (so an axis that is mostly zero does not call
 * zero high).
 */
public final class UsageGroups {
  /** The groups by (utilization, engagement, penetration) high = true, in code order HHH, HHL, ... LLL. */
  public static final List<String> NAMES = List.of(
      "champions",        // U+ E+ P+
      "power-users",      // U+ E+ P-: deep use by few users: grow seats
      "self-sufficient",  // U+ E- P+: broad use without asking: keep them informed
      "quiet-core",       // U+ E- P-: a few heavy users, no engagement: single-threaded risk
      "learners",         // U- E+ P+: engaged and licensed broadly but not using much yet: coach
      "explorers",        // U- E+ P-: curious, narrow: show value
      "light-users",      // U- E- P+: many users, little use: nudge habits
      "not-started");     // U- E- P-: phone them

  private final List<AccountId> accounts;
  private final int[] group;
  private final double[][] axes;
  private final double[] thresholds;

  private UsageGroups(List<AccountId> accounts, int[] group, double[][] axes, double[] thresholds) {
    this.accounts = accounts;
    this.group = group;
    this.axes = axes;
    this.thresholds = thresholds;
  }

  /** The name of a group from its three splits. */
  public static String name(boolean utilization, boolean engagement, boolean penetration) {
    return NAMES.get(index(utilization, engagement, penetration));
  }

  /** The position in {@link #NAMES} of a group from its three splits. */
  private static int index(boolean utilization, boolean engagement, boolean penetration) {
    return (utilization ? 0 : 4) + (engagement ? 0 : 2) + (penetration ? 0 : 1);
  }

  /** The code of a group, such as {@code U+E-P+}. */
  public static String code(String name) {
    int g = NAMES.indexOf(name);
    if (g < 0) {
      throw new ArgumentException("name", "must name a usage group " + NAMES, dev.cskit.core.CskitException.quote(name));
    }
    return "U" + ((g & 4) == 0 ? '+' : '-') + "E" + ((g & 2) == 0 ? '+' : '-') + "P" + ((g & 1) == 0 ? '+' : '-');
  }

  /**
   * Groups every account of a metric table.
   *
   * @throws DataException when a column an axis names is not in the table
   */
  public static UsageGroups of(MetricTable metrics, UsageGroupSettings settings) {
    int n = metrics.rowCount();
    List<List<String>> cols = List.of(settings.utilization(), settings.engagement(), settings.penetration());
    Double[] fixed = {settings.utilizationThreshold(), settings.engagementThreshold(),
        settings.penetrationThreshold()};
    String[] axisNames = {"utilization", "engagement", "penetration"};
    double[][] axes = new double[3][n];
    double[] thresholds = new double[3];
    boolean[][] high = new boolean[3][n];
    for (int x = 0; x < 3; x++) {
      Arrays.fill(axes[x], Double.NaN);
      for (String c : cols.get(x)) {
        if (!metrics.hasMetric(c)) {
          throw DataException.of("metric table", "the " + axisNames[x] + " axis needs column \"" + c
              + "\" (columns: " + String.join(", ", metrics.metrics()) + ")", null);
        }
        double[] v = metrics.column(c);
        for (int i = 0; i < n; i++) {
          if (!Double.isNaN(v[i])) {
            axes[x][i] = (Double.isNaN(axes[x][i]) ? 0 : axes[x][i]) + v[i];
          }
        }
      }
      boolean median = fixed[x] == null;
      thresholds[x] = median ? median(axes[x]) : fixed[x];
      for (int i = 0; i < n; i++) {
        double v = axes[x][i];
        high[x][i] = !Double.isNaN(v) && (median ? v > thresholds[x] : v >= thresholds[x]);
      }
    }
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = index(high[0][i], high[1][i], high[2][i]);
    }
    return new UsageGroups(metrics.accountIds(), group, axes, thresholds);
  }

  static double median(double[] values) {
    double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  /** The accounts, in table order. */
  public List<AccountId> accounts() {
    return accounts;
  }

  /** The group name of the account at a row. */
  public String groupOf(int row) {
    return NAMES.get(group[row]);
  }

  /** The group name of an account, or null. */
  public String groupOf(AccountId id) {
    int r = accounts.indexOf(id);
    return r < 0 ? null : groupOf(r);
  }

  /** An axis value (0 utilization, 1 engagement, 2 penetration) of a row; NaN when missing. */
  public double axis(int axis, int row) {
    return axes[axis][row];
  }

  /** The thresholds used: utilization, engagement, penetration. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** How many accounts are in each of the eight groups, in {@link #NAMES} order (every group present). */
  public Map<String, Integer> counts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String name : NAMES) {
      out.put(name, 0);
    }
    for (int g : group) {
      out.merge(NAMES.get(g), 1, Integer::sum);
    }
    return out;
  }

  /** The accounts of one group. */
  public List<AccountId> members(String name) {
    int g = NAMES.indexOf(name);
    List<AccountId> out = new ArrayList<>();
    for (int i = 0; i < group.length; i++) {
      if (group[i] == g) {
        out.add(accounts.get(i));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("group", "code", "accounts");
    for (Map.Entry<String, Integer> e : counts().entrySet()) {
      t.row(e.getKey(), code(e.getKey()), e.getValue());
    }
    return t + String.format(java.util.Locale.ROOT, "thresholds: utilization %s, engagement %s, penetration %s%n",
        TextTable.number(thresholds[0]), TextTable.number(thresholds[1]), TextTable.number(thresholds[2]));
  }
}
