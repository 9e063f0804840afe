package dev.cskit.touchmodel;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.InfeasiblePlanException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntFunction;

/**
 * Capacity-constrained allocation of accounts to tiers: every account gets exactly one tier, each tier takes
 * at most its capacity in hours (every account in a tier costs the tier's hours per account, so a tier holds
 * floor(capacity / hours) accounts), fixed accounts (pins, holds) stay where they are, and the total value
 * (for the touch model: LTV x the retention uplift of the tier for the account's health band) is maximal.
 *
 * <p>Method: a greedy pass by incremental value per hour over the cheapest tier, then exchange moves (an
 * account moved up while another moves down, or a chain of moves into a tier with room) while any improves
 * the total: found as positive cycles in a graph of tiers by Bellman-Ford. Because every account in a tier
 * needs the same hours, the problem is a transportation problem, and a solution with no improving exchange is
 * optimal. The result carries an independent certificate: the LP relaxation's dual bound
 * sum_i max_t (v_it - p_t) + sum_t p_t x slots_t with the tier prices p from the exchange graph; its gap to
 * the objective is reported (0 up to rounding when optimal). Stateless and thread-safe.
 */
public final class Allocator {
  private Allocator() {}

  /**
   * Solves one allocation.
   *
   * @param value value[i][t]: the value of account i in tier t (finite)
   * @param hoursPerAccount hours per account per month in each tier (>= 0)
   * @param capacityHours hours per month each tier can give (may be infinite)
   * @param fixed per account, the tier it must be in, or -1 when free; null for none
   * @throws InfeasiblePlanException when fixed accounts overfill a tier or the tiers cannot take everyone
   */
  public static Allocation solve(
      double[][] value, double[] hoursPerAccount, double[] capacityHours, int[] fixed) {
    int tiers = hoursPerAccount.length;
    if (capacityHours.length != tiers) {
      throw new ArgumentException("capacityHours", "must have one value per tier (" + tiers + ")", Integer.toString(capacityHours.length));
    }
    long[] slots = new long[tiers];
    for (int t = 0; t < tiers; t++) {
      slots[t] = Tier.slots(capacityHours[t], hoursPerAccount[t]);
    }
    return solveSlots(value, hoursPerAccount, slots, fixed);
  }

  /**
   * Solves one allocation with each tier's capacity given as a number of accounts ({@code Long.MAX_VALUE}:
   * unlimited); hours per account only order the greedy pass.
   */
  public static Allocation solveSlots(double[][] value, double[] hoursPerAccount, long[] slots, int[] fixed) {
    return solveSlots(value, hoursPerAccount, slots, fixed, Integer::toString);
  }

  /**
   * As {@link #solveSlots(double[][], double[], long[], int[])}, naming tier {@code t} in errors as {@code
   * "tier " + tierName.apply(t)}.
   */
  static Allocation solveSlots(
      double[][] value, double[] hoursPerAccount, long[] slots, int[] fixed, IntFunction<String> tierName) {
    int n = value.length;
    int tiers = hoursPerAccount.length;
    if (slots.length != tiers) {
      throw new ArgumentException("slots", "must have one value per tier (" + tiers + ")", Integer.toString(slots.length));
    }
    int[] assign = new int[n];
    Arrays.fill(assign, -1);
    long[] remaining = slots.clone();
    double fixedValue = 0;
    List<Integer> free = new ArrayList<>();
    double scale = 1;
    for (int i = 0; i < n; i++) {
      if (value[i].length != tiers) {
        throw new ArgumentException("value[" + i + "]", "must have one value per tier (" + tiers + ")", Integer.toString(value[i].length));
      }
      for (double v : value[i]) {
        if (!Double.isFinite(v)) {
          throw new ArgumentException("value[" + i + "]", "values must be finite", String.valueOf(v));
        }
        scale = Math.max(scale, Math.abs(v));
      }
      int f = fixed == null ? -1 : fixed[i];
      if (f >= 0) {
        assign[i] = f;
        fixedValue += value[i][f];
        if (remaining[f] != Long.MAX_VALUE) {
          remaining[f]--;
        }
      } else {
        free.add(i);
      }
    }
    long[] freeSlots = remaining.clone();
    for (int t = 0; t < tiers; t++) {
      if (remaining[t] < 0) {
        throw new InfeasiblePlanException("tier " + tierName.apply(t), "fixed accounts (pins, holds) need more room than"
            + " its capacity of " + slots[t] + " accounts", (slots[t] - remaining[t]) + " accounts");
      }
    }
    long room = 0;
    for (long r : remaining) {
      room = r == Long.MAX_VALUE || room == Long.MAX_VALUE ? Long.MAX_VALUE : room + r;
    }
    if (room < free.size()) {
      throw new InfeasiblePlanException(null, "the tiers' capacities cannot take every account: room for "
          + room + " more", free.size() + " accounts to place");
    }

    // greedy: everyone starts wanting the cheapest tier; upgrades by incremental value per hour
    int base = 0;
    for (int t = 1; t < tiers; t++) {
      if (hoursPerAccount[t] < hoursPerAccount[base]
          || (hoursPerAccount[t] == hoursPerAccount[base] && remaining[t] > remaining[base])) {
        base = t;
      }
    }
    List<double[]> options = new ArrayList<>();
    for (int i : free) {
      for (int t = 0; t < tiers; t++) {
        if (t == base) {
          continue;
        }
        double gain = value[i][t] - value[i][base];
        if (gain > 0) {
          double dh = hoursPerAccount[t] - hoursPerAccount[base];
          double ratio = dh > 0 ? gain / dh : Double.POSITIVE_INFINITY;
          options.add(new double[] {ratio, gain, i, t});
        }
      }
    }
    options.sort(Comparator.<double[]>comparingDouble(o -> -o[0]).thenComparingDouble(o -> -o[1])
        .thenComparingDouble(o -> o[2]).thenComparingDouble(o -> o[3]));
    for (double[] o : options) {
      int i = (int) o[2];
      int t = (int) o[3];
      if (assign[i] < 0 && remaining[t] > 0) {
        assign[i] = t;
        take(remaining, t);
      }
    }
    for (int i : free) {
      if (assign[i] >= 0) {
        continue;
      }
      int best = remaining[base] > 0 ? base : -1;
      if (best < 0) {
        for (int t = 0; t < tiers; t++) {
          if (remaining[t] > 0 && (best < 0 || value[i][t] > value[i][best])) {
            best = t;
          }
        }
      }
      assign[i] = best;
      take(remaining, best);
    }
    double greedy = total(value, assign);

    // exchanges: cancel positive cycles in the tier graph
    @SuppressWarnings("unchecked")
    PriorityQueue<double[]>[][] heaps = new PriorityQueue[tiers][tiers];
    for (int s = 0; s < tiers; s++) {
      for (int t = 0; t < tiers; t++) {
        heaps[s][t] = new PriorityQueue<>(Comparator.<double[]>comparingDouble(e -> -e[0])
            .thenComparingDouble(e -> e[1]));
      }
    }
    for (int i : free) {
      push(heaps, value, i, assign[i]);
    }
    double eps = 1e-9 * scale;
    int exchanges = 0;
    int z = tiers;
    double[] dist = new double[tiers + 1];
    while (true) {
      double[][] w = edges(heaps, assign, tiers);
      int[] cycle = positiveCycle(w, remaining, dist, eps);
      if (cycle == null) {
        break;
      }
      List<int[]> moves = new ArrayList<>();
      for (int k = 0; k < cycle.length; k++) {
        int s = cycle[k];
        int t = cycle[(k + 1) % cycle.length];
        if (s == z || t == z) {
          continue;
        }
        double[] top = heaps[s][t].peek();
        moves.add(new int[] {(int) top[1], s, t});
      }
      for (int[] m : moves) {
        assign[m[0]] = m[2];
        give(remaining, m[1]);
        take(remaining, m[2]);
        push(heaps, value, m[0], m[2]);
      }
      exchanges++;
      if (exchanges > 50L * (n + 10) * tiers) {
        throw new IllegalStateException("allocation did not converge");
      }
    }

    // dual prices: longest paths from z in the final exchange graph (no positive cycle remains)
    double[] prices = new double[tiers];
    for (int t = 0; t < tiers; t++) {
      prices[t] = remaining[t] == Long.MAX_VALUE ? 0 : Math.max(0, dist[t]);
    }
    double bound = fixedValue;
    for (int i : free) {
      double best = Double.NEGATIVE_INFINITY;
      for (int t = 0; t < tiers; t++) {
        best = Math.max(best, value[i][t] - prices[t]);
      }
      bound += best;
    }
    for (int t = 0; t < tiers; t++) {
      if (prices[t] > 0 && freeSlots[t] != Long.MAX_VALUE) {
        bound += prices[t] * freeSlots[t];
      }
    }
    return new Allocation(assign, total(value, assign), greedy, bound, prices, exchanges);
  }

  private static void take(long[] remaining, int t) {
    if (remaining[t] != Long.MAX_VALUE) {
      remaining[t]--;
    }
  }

  private static void give(long[] remaining, int t) {
    if (remaining[t] != Long.MAX_VALUE) {
      remaining[t]++;
    }
  }

  private static double total(double[][] value, int[] assign) {
    double s = 0;
    for (int i = 0; i < assign.length; i++) {
      s += value[i][assign[i]];
    }
    return s;
  }

  private static void push(PriorityQueue<double[]>[][] heaps, double[][] value, int i, int s) {
    for (int t = 0; t < heaps.length; t++) {
      if (t != s) {
        heaps[s][t].add(new double[] {value[i][t] - value[i][s], i});
      }
    }
  }

  /** w[s][t]: the best gain of moving one account from s to t, NaN when s has no free account. */
  private static double[][] edges(PriorityQueue<double[]>[][] heaps, int[] assign, int tiers) {
    double[][] w = new double[tiers][tiers];
    for (int s = 0; s < tiers; s++) {
      for (int t = 0; t < tiers; t++) {
        w[s][t] = Double.NaN;
        if (s == t) {
          continue;
        }
        PriorityQueue<double[]> h = heaps[s][t];
        while (!h.isEmpty() && assign[(int) h.peek()[1]] != s) {
          h.poll();
        }
        if (!h.isEmpty()) {
          w[s][t] = h.peek()[0];
        }
      }
    }
    return w;
  }

  /**
   * Longest-path Bellman-Ford from the virtual node z (index tiers) with edges z -> s (0), s -> t (gain) and
   * t -> z (0, when t has room). Returns a cycle of positive gain as its node sequence, or null, leaving the
   * longest-path distances in {@code dist}.
   */
  private static int[] positiveCycle(double[][] w, long[] remaining, double[] dist, double eps) {
    int tiers = w.length;
    int nodes = tiers + 1;
    int z = tiers;
    int[] pred = new int[nodes];
    Arrays.fill(dist, Double.NEGATIVE_INFINITY);
    Arrays.fill(pred, -1);
    dist[z] = 0;
    int updated = -1;
    for (int round = 0; round < nodes; round++) {
      updated = -1;
      for (int u = 0; u < nodes; u++) {
        if (dist[u] == Double.NEGATIVE_INFINITY) {
          continue;
        }
        for (int v = 0; v < nodes; v++) {
          if (u == v) {
            continue;
          }
          double wt;
          if (u == z) {
            wt = 0;
          } else if (v == z) {
            if (remaining[u] <= 0) {
              continue;
            }
            wt = 0;
          } else {
            wt = w[u][v];
            if (Double.isNaN(wt)) {
              continue;
            }
          }
          if (dist[u] + wt > dist[v] + eps) {
            dist[v] = dist[u] + wt;
            pred[v] = u;
            updated = v;
          }
        }
      }
      if (updated < 0) {
        return null;
      }
    }
    int x = updated;
    for (int k = 0; k < nodes; k++) {
      x = pred[x];
    }
    List<Integer> cycle = new ArrayList<>();
    int y = x;
    do {
      cycle.add(y);
      y = pred[y];
    } while (y != x && cycle.size() <= nodes);
    java.util.Collections.reverse(cycle);
    double gain = 0;
    for (int k = 0; k < cycle.size(); k++) {
      int u = cycle.get(k);
      int v = cycle.get((k + 1) % cycle.size());
      gain += u == z || v == z ? 0 : w[u][v];
    }
    if (!(gain > eps)) {
      return null;
    }
    return cycle.stream().mapToInt(Integer::intValue).toArray();
  }
}
