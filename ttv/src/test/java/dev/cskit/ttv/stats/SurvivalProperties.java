package dev.cskit.ttv.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the survival estimators on random data. */
class SurvivalProperties {

  @Property(tries = 200)
  void survivalIsNonIncreasingAndInUnitInterval(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 30) Integer> days,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    double[] t = new double[days.size()];
    int[] s = new int[days.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = days.get(i) + (rnd.nextBoolean() ? 0.5 : 0);
      s[i] = rnd.nextInt(3) == 0 ? 0 : 1;
    }
    double prev = 1;
    for (KmRow r : KaplanMeier.fit(t, s).table()) {
      assertTrue(r.survival() >= 0 && r.survival() <= 1, "in [0,1]");
      assertTrue(r.survival() <= prev, "non-increasing");
      prev = r.survival();
      if (!Double.isNaN(r.lower())) {
        assertTrue(r.lower() <= r.survival() + 1e-15 && r.survival() <= r.upper() + 1e-15);
      }
    }
  }

  @Property(tries = 200)
  void withoutCensoringTheCurveIsTheEmpiricalSurvivalFunction(
      @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = 0, max = 100) Double> times) {
    double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
    int[] s = new int[t.length];
    java.util.Arrays.fill(s, 1);
    KaplanMeier km = KaplanMeier.fit(t, s);
    for (double x : km.times()) {
      long above = times.stream().filter(v -> v > x).count();
      assertEquals((double) above / t.length, km.survival(x), 1e-12);
    }
    // the restricted mean to the last time is then the sample mean
    double mean = times.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertEquals(mean, km.restrictedMean(km.lastTime()).value(), 1e-9 * Math.max(1, mean));
  }

  @Property(tries = 100)
  void rowOrderChangesNothing(
      @ForAll @Size(min = 2, max = 40) List<@IntRange(min = 0, max = 20) Integer> days,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    int n = days.size();
    double[] t = new double[n];
    int[] s = new int[n];
    int[] c = new int[n];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      t[i] = days.get(i);
      s[i] = rnd.nextInt(4) == 0 ? 0 : 1;
      c[i] = rnd.nextInt(3);
      g[i] = i < 2 ? "g" + i : "g" + rnd.nextInt(3);
    }
    List<Integer> perm = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      perm.add(i);
    }
    Collections.shuffle(perm, rnd);
    double[] t2 = new double[n];
    int[] s2 = new int[n];
    int[] c2 = new int[n];
    String[] g2 = new String[n];
    for (int i = 0; i < n; i++) {
      t2[i] = t[perm.get(i)];
      s2[i] = s[perm.get(i)];
      c2[i] = c[perm.get(i)];
      g2[i] = g[perm.get(i)];
    }
    assertEquals(KaplanMeier.fit(t, s).table(), KaplanMeier.fit(t2, s2).table());
    assertEquals(KaplanMeier.fit(t, s).median(), KaplanMeier.fit(t2, s2).median());
    assertEquals(AalenJohansen.fit(t, c).table(), AalenJohansen.fit(t2, c2).table());
    LogRankResult a = logRankOrNull(t, s, g);
    LogRankResult b = logRankOrNull(t2, s2, g2);
    // an exactly singular variance (R's survdiff fails there too) must be so in either order
    assertEquals(a == null, b == null);
    if (a == null) {
      return;
    }
    assertEquals(a.groups().size(), b.groups().size());
    if (!Double.isNaN(a.chiSquare())) {
      assertEquals(a.chiSquare(), b.chiSquare(), 1e-9 * Math.max(1, a.chiSquare()));
    }
  }

  private static LogRankResult logRankOrNull(double[] t, int[] s, String[] g) {
    try {
      return LogRank.logRank(t, s, g);
    } catch (dev.cskit.core.DataException e) {
      return null;
    }
  }

  @Property(tries = 100)
  void incidencesAndEventFreeSumToOne(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 15) Integer> days,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    double[] t = new double[days.size()];
    int[] s = new int[days.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = days.get(i);
      s[i] = rnd.nextInt(3);
    }
    for (CifRow r : AalenJohansen.fit(t, s).table()) {
      assertEquals(1.0, r.eventFree() + r.incidence().get(0) + r.incidence().get(1), 1e-12);
    }
  }
}
