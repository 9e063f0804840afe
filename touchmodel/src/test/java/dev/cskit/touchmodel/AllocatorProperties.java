package dev.cskit.touchmodel;

import dev.cskit.core.InfeasiblePlanException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AllocatorProperties {

  /** A random instance from a seed: up to 10 accounts, 2 to 4 tiers, some pinned, some tiers unlimited. */
  static final class Instance {
    final double[][] value;
    final double[] hours;
    final double[] capacity;
    final int[] fixed;

    Instance(long seed, int n, int tiers) {
      Random r = new Random(seed);
      value = new double[n][tiers];
      hours = new double[tiers];
      capacity = new double[tiers];
      fixed = new int[n];
      for (int t = 0; t < tiers; t++) {
        hours[t] = t == 0 ? r.nextInt(2) : 1 + r.nextInt(6);
        capacity[t] = r.nextInt(4) == 0 ? Double.POSITIVE_INFINITY : r.nextInt(25);
      }
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < tiers; t++) {
          // integer-valued some of the time, to make ties frequent
          value[i][t] = r.nextBoolean() ? r.nextInt(6) : r.nextDouble() * 1000;
        }
        fixed[i] = r.nextInt(6) == 0 ? r.nextInt(tiers) : -1;
      }
    }
  }

  /** The best total by trying every assignment; NaN when none is feasible. */
  static double exhaustive(double[][] value, double[] hours, double[] capacity, int[] fixed) {
    int n = value.length;
    int tiers = hours.length;
    int[] a = new int[n];
    double best = Double.NaN;
    long combos = (long) Math.pow(tiers, n);
    for (long c = 0; c < combos; c++) {
      long x = c;
      for (int i = 0; i < n; i++) {
        a[i] = (int) (x % tiers);
        x /= tiers;
      }
      boolean ok = true;
      double[] used = new double[tiers];
      double total = 0;
      for (int i = 0; i < n && ok; i++) {
        if (fixed[i] >= 0 && a[i] != fixed[i]) {
          ok = false;
        }
        used[a[i]] += hours[a[i]];
        total += value[i][a[i]];
      }
      for (int t = 0; t < tiers && ok; t++) {
        ok = used[t] <= capacity[t] + 1e-9;
      }
      if (ok && (Double.isNaN(best) || total > best)) {
        best = total;
      }
    }
    return best;
  }

  @Property(tries = 300)
  void equalsExhaustiveSearch(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 10) int n, @ForAll @IntRange(min = 2, max = 4) int tiers) {
    if (tiers == 4 && n > 7) {
      n = 7; // keep 4^n small
    }
    Instance in = new Instance(seed, n, tiers);
    double best = exhaustive(in.value, in.hours, in.capacity, in.fixed);
    if (Double.isNaN(best)) {
      assertThrows(InfeasiblePlanException.class,
          () -> Allocator.solve(in.value, in.hours, in.capacity, in.fixed));
      return;
    }
    Allocation a = Allocator.solve(in.value, in.hours, in.capacity, in.fixed);
    assertEquals(best, a.objective(), 1e-7, a.toString());
    assertTrue(a.gap() < 1e-6, "LP bound gap " + a.gap());
    assertTrue(a.upperBound() >= best - 1e-7, "bound below optimum");
    assertTrue(a.greedyObjective() <= a.objective() + 1e-9);
  }

  @Property(tries = 300)
  void neverExceedsCapacityAndPinsHold(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n, @ForAll @IntRange(min = 1, max = 5) int tiers) {
    Instance in = new Instance(seed, n, tiers);
    Allocation a;
    try {
      a = Allocator.solve(in.value, in.hours, in.capacity, in.fixed);
    } catch (InfeasiblePlanException e) {
      return; // checked against exhaustive search above
    }
    double[] used = new double[tiers];
    for (int i = 0; i < n; i++) {
      used[a.tierOf(i)] += in.hours[a.tierOf(i)];
      if (in.fixed[i] >= 0) {
        assertEquals(in.fixed[i], a.tierOf(i), "pin of account " + i);
      }
    }
    for (int t = 0; t < tiers; t++) {
      assertTrue(used[t] <= in.capacity[t] + 1e-9, "tier " + t + " uses " + used[t] + " of " + in.capacity[t]);
    }
    assertTrue(a.upperBound() >= a.objective() - 1e-6 * Math.max(1, Math.abs(a.objective())));
  }

  @Property(tries = 200)
  void addingCapacityNeverLowersTheObjective(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(min = 1, max = 4) int tiers,
      @ForAll @IntRange(min = 0, max = 3) int tier, @ForAll @IntRange(min = 1, max = 20) int extra) {
    Instance in = new Instance(seed, n, tiers);
    int t = tier % tiers;
    Allocation before;
    try {
      before = Allocator.solve(in.value, in.hours, in.capacity, in.fixed);
    } catch (InfeasiblePlanException e) {
      return;
    }
    double[] more = in.capacity.clone();
    more[t] += extra;
    Allocation after = Allocator.solve(in.value, in.hours, more, in.fixed);
    assertTrue(after.objective() >= before.objective() - 1e-7,
        before.objective() + " -> " + after.objective());
  }

  @Test
  void handComputedTwoTierExchange() {
    // one high-touch slot (10 h, 10 h per account); the greedy fills it by value per hour, which is the
    // exchange-optimal choice here: account 1 gains 90, account 0 gains 50.
    double[][] v = {{10, 60}, {20, 110}, {5, 6}};
    Allocation a = Allocator.solve(v, new double[] {0, 10}, new double[] {Double.POSITIVE_INFINITY, 10}, null);
    assertArrayEquals(new int[] {0, 1, 0}, a.tiers());
    assertEquals(10 + 110 + 5, a.objective(), 1e-12);
    assertEquals(0, a.gap(), 1e-9);
    // the slot's price is what the best account left out would gain from it (account 0: 50)
    assertEquals(50, a.price(1), 1e-9);
  }

  @Test
  void exchangesRepairTheGreedy() {
    // tiers: base (0 h), low (1 h, 1 slot), high (2 h, 1 slot). By value per hour the greedy puts A in low
    // (10/h) and leaves B only high (2/h): 14. Moving A up and B into low gives 12 + 9 = 21.
    double[][] v = {{0, 10, 12}, {0, 9, 4}};
    Allocation a = Allocator.solve(v, new double[] {0, 1, 2},
        new double[] {Double.POSITIVE_INFINITY, 1, 2}, null);
    assertEquals(14, a.greedyObjective(), 1e-12);
    assertEquals(21, a.objective(), 1e-12);
    assertArrayEquals(new int[] {2, 1}, a.tiers());
    assertTrue(a.exchanges() >= 1);
    assertEquals(0, a.gap(), 1e-9);
  }

  @Test
  void pinsThatOverfillATierAreInfeasible() {
    double[][] v = {{1, 2}, {1, 2}};
    InfeasiblePlanException e = assertThrows(InfeasiblePlanException.class,
        () -> Allocator.solve(v, new double[] {0, 5}, new double[] {Double.POSITIVE_INFINITY, 5}, new int[] {1, 1}));
    assertTrue(e.getMessage().contains("capacity of 1 accounts"), e.getMessage());
  }
}
