package dev.cskit.touchmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.MetricTable;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UsageGroupsTest {
  private static MetricTable table() {
    // columns: logins, apps (utilization); seminars, emails (engagement); penetration
    return MetricTable.builder("logins", "apps", "seminars", "emails", "pen")
        .addRow("a", 50, 5, 2, 3, 0.9)      // U 55  E 5  P .9
        .addRow("b", 40, 0, 1, 2, 0.2)      // U 40  E 3  P .2
        .addRow("c", 30, 2, 0, 0, 0.8)      // U 32  E 0  P .8
        .addRow("d", 2, 0, 4, Double.NaN, 0.1) // U 2 E 4  P .1
        .addRow("e", 0, 0, 0, 0, Double.NaN) // U 0  E 0  P missing
        .build();
  }

  private static UsageGroupSettings axes(Double u, Double e, Double p) {
    return new UsageGroupSettings(List.of("logins", "apps"), List.of("seminars", "emails"), List.of("pen"), u, e, p);
  }

  @Test
  void medianSplits() {
    UsageGroups g = UsageGroups.of(table(), axes(null, null, null));
    // medians: U {0,2,32,40,55} -> 32; E {0,0,3,4,5} -> 3; P {.1,.2,.8,.9} -> .5; high = strictly above
    assertArrayEquals(new double[] {32, 3, 0.5}, g.thresholds(), 1e-12);
    assertEquals("champions", g.groupOf(0));     // U+ E+ P+
    assertEquals("quiet-core", g.groupOf(1));    // U+ E- P-  (E 3 is not above the median 3)
    assertEquals("light-users", g.groupOf(2));   // U- (32 not above 32) E- P+
    assertEquals("explorers", g.groupOf(3));     // U- E+ P-
    assertEquals("not-started", g.groupOf(4));   // everything low; missing penetration is low
    assertEquals(8, g.counts().size());
    assertEquals(1, g.counts().get("champions"));
    assertEquals(0, g.counts().get("learners"));
    assertEquals("U-E+P-", UsageGroups.code("explorers"));
  }

  @Test
  void fixedThresholds() {
    UsageGroups g = UsageGroups.of(table(), axes(32.0, 3.0, 0.2));
    // fixed: high when >= threshold
    assertEquals("champions", g.groupOf(0));
    assertEquals("champions", g.groupOf(1));       // 40 >= 32, 3 >= 3, .2 >= .2
    assertEquals("self-sufficient", g.groupOf(2)); // 32 >= 32, 0 < 3, .8
    assertEquals("explorers", g.groupOf(3));
  }

  @Test
  void missingColumnIsAnError() {
    DataException e = assertThrows(DataException.class, () -> UsageGroups.of(table(),
        new UsageGroupSettings(List.of("logins"), List.of("webinars"), List.of("pen"), null, null, null)));
    assertTrue(e.getMessage().contains("engagement axis needs column \"webinars\""), e.getMessage());
  }

  @Test
  void standardisesLogOnePlusX() {
    double[][] z = KMeans.standardise(new double[][] {{0, 5}, {Math.E - 1, 5}});
    // log1p: 0 and 1 -> mean .5, population sd .5 -> -1 and 1; a constant column -> 0
    assertArrayEquals(new double[] {-1, 0}, z[0], 1e-12);
    assertArrayEquals(new double[] {1, 0}, z[1], 1e-12);
  }

  @Test
  void kMeansFindsObviousClusters() {
    MetricTable t = MetricTable.builder("x", "y")
        .addRow("a1", 0, 0).addRow("a2", 1, 0).addRow("a3", 0, 1)
        .addRow("b1", 1000, 1000).addRow("b2", 900, 1100).addRow("b3", 1100, 950)
        .build();
    KMeans.Clustering c = KMeans.cluster(t, List.of("x", "y"), 2, 7);
    int[] l = c.labels();
    assertEquals(l[0], l[1]);
    assertEquals(l[0], l[2]);
    assertEquals(l[3], l[4]);
    assertEquals(l[3], l[5]);
    assertNotEquals(l[0], l[3]);
    assertArrayEquals(new int[] {3, 3}, c.sizes());
    c.labels()[0] = 1 - l[0];
    c.centres()[0][0] = Double.NaN;
    assertEquals(l[0], c.labels()[0], "the result is not changed through its arrays");
    assertFalse(Double.isNaN(c.centres()[0][0]));
    CskitException e = assertThrows(CskitException.class, () -> KMeans.cluster(t, List.of("x", "y"), 7, 7));
    assertEquals("k: must be in [1, 6] (the number of rows); found 7", e.getMessage());
  }

  @Property(tries = 50)
  void kMeansIsDeterministicForASeed(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int k,
      @ForAll @IntRange(min = 6, max = 80) int n) {
    Random r = new Random(seed);
    double[][] x = new double[n][3];
    for (double[] row : x) {
      for (int j = 0; j < 3; j++) {
        row[j] = r.nextInt(4) == 0 ? 0 : Math.exp(r.nextGaussian() * 2);
      }
    }
    double[][] z = KMeans.standardise(x);
    KMeans.Clustering a = KMeans.fit(z, k, seed, 300);
    KMeans.Clustering b = KMeans.fit(KMeans.standardise(x), k, seed, 300);
    assertArrayEquals(a.labels(), b.labels());
    assertEquals(a.inertia(), b.inertia(), 0);
    // Lloyd's fixed point: every point is at its nearest centre
    for (int i = 0; i < n; i++) {
      double own = dist(z[i], a.centres()[a.labels()[i]]);
      for (double[] centre : a.centres()) {
        assertTrue(own <= dist(z[i], centre) + 1e-9);
      }
    }
  }

  private static double dist(double[] p, double[] q) {
    double s = 0;
    for (int j = 0; j < p.length; j++) {
      s += (p[j] - q[j]) * (p[j] - q[j]);
    }
    return s;
  }
}
