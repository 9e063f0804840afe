package dev.cskit.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.MetricTable;
import dev.cskit.scoring.CompilerAccess;
import dev.cskit.scoring.ScoreOverride;
import dev.cskit.scoring.Scorecard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The Vector API kernels (used when the JVM has {@code jdk.incubator.vector}) and the parallel batch give the
 * same bits as the scalar engine, on random cards (every rule type, missing policy, aggregate, caps, minimum
 * coverage) with random data (missing values, values on the points, zeros, -0.0) and random overrides of every
 * scope. In a JVM without the module (the default test run) the vector side is the scalar one: the property
 * then checks the silent fallback and the parallel split.
 */
class VectorKernelProperties {
  static final String[] METRICS = {"m0", "m1", "m2", "m3", "m4", "m5"};
  static ExecutorService pool;

  @BeforeContainer
  static void start() {
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterContainer
  static void stop() {
    pool.shutdownNow();
  }

  @net.jqwik.api.Example
  void vectorKernelsAreUsedWhenExpected() {
    // the vector-api surefire execution starts the JVM with the incubator module and sets this property
    assertEquals(Boolean.getBoolean("cskit.test.expectVector"), Vectorization.enabled());
  }

  @Property(tries = 150)
  void vectorAndParallelEqualScalarBitForBit(@ForAll long seed) {
    Random rnd = new Random(seed);
    Scorecard card = Scorecard.parse(randomCard(rnd), ConfigFormat.JSON, "random card");
    CompiledCard vector = CompilerAccess.compile(card);
    CompiledCard scalar;
    Vectorization.referenceOnly = true;
    try {
      scalar = CompilerAccess.compile(card);
    } finally {
      Vectorization.referenceOnly = false;
    }
    int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 3000);
    MetricTable table = randomTable(rnd, card, n);
    double[][] cols = scalar.bind(table);
    for (int q = 0; q < scalar.percentileCount(); q++) {
      cols[scalar.inputs.size() + q] = Percentiles.column(cols[scalar.percentileValueSlot(q)], null, new HashMap<>());
    }
    AccountId[] ids = table.accountIds().toArray(new AccountId[0]);
    IntFunction<AccountId> idOf = r -> ids[r];
    OverridePlan plan = randomPlan(rnd, scalar, n);
    // scoring into caller arrays: the batch's bits
    {
      CardResult plain = BlockEngine.run(scalar, cols, n, idOf, OverridePlan.EMPTY, Map.of(), false);
      double[] score = new double[n];
      double[] coverage = new double[n];
      int[] band = new int[n];
      BlockEngine.into(vector, cols, n, idOf, score, coverage, band);
      assertBits(plain.score, score, "into score");
      assertBits(plain.coverage, coverage, "into coverage");
      assertArrayEquals(plain.band, band, "into band");
    }
    // the allocation-free single-account path: the same bits as the batch (it takes no overrides)
    if (vector.percentileCount() == 0) {
      CardResult plain = BlockEngine.run(scalar, cols, n, idOf, OverridePlan.EMPTY, Map.of(), false);
      SingleRow one = new SingleRow(vector);
      double[] values = new double[vector.inputs.size()];
      for (int i = 0; i < n; i++) {
        for (int s = 0; s < values.length; s++) {
          values[s] = cols[s][i];
        }
        assertEquals(Double.doubleToRawLongBits(plain.score[i]), Double.doubleToRawLongBits(one.score(values)),
            "single row " + i);
      }
    }
    // the batch run's one-pass finish (cards without categories) and branch-free bands equal the detailed
    // run's general path
    CardResult batch = BlockEngine.run(scalar, cols, n, idOf, plan, Map.of(), false);
    CardResult detailed = BlockEngine.run(scalar, cols, n, idOf, plan, Map.of(), true);
    assertBits(detailed.score, batch.score, "batch vs detailed score");
    assertBits(detailed.coverage, batch.coverage, "batch vs detailed coverage");
    assertArrayEquals(detailed.band, batch.band, "batch vs detailed band");
    for (int i = 0; i < n; i++) {
      if (plan.overallOverridden(i)) {
        continue;
      }
      int expectedBand = batch.coverage[i] < scalar.minCoverage ? -1 : scalar.bandIndex(batch.score[i]);
      assertEquals(expectedBand, batch.band[i], "band of row " + i);
    }
    for (boolean detail : new boolean[] {false, true}) {
      CardResult expected = BlockEngine.run(scalar, cols, n, idOf, plan, Map.of(), detail);
      assertSame(expected, BlockEngine.run(vector, cols, n, idOf, plan, Map.of(), detail), "vector");
      assertSame(expected, BlockEngine.runParallel(vector, cols, n, idOf, plan, Map.of(), detail, pool, 2),
          "two threads");
      assertSame(expected, BlockEngine.runParallel(scalar, cols, n, idOf, plan, Map.of(), detail, pool, 3),
          "three parts");
    }
  }

  static void assertSame(CardResult expected, CardResult actual, String what) {
    assertBits(expected.score, actual.score, what + " score");
    assertBits(expected.coverage, actual.coverage, what + " coverage");
    assertArrayEquals(expected.band, actual.band, what + " band");
    assertArrayEquals(expected.capsFired, actual.capsFired, what + " caps");
    assertBits(expected.preCap, actual.preCap, what + " preCap");
    if (expected.categories != null) {
      for (int g = 0; g < expected.categories.length; g++) {
        assertBits(expected.categories[g], actual.categories[g], what + " category " + g);
      }
    }
    if (expected.measures != null) {
      for (int j = 0; j < expected.measures.length; j++) {
        assertBits(expected.measures[j], actual.measures[j], what + " measure " + j);
      }
    }
  }

  static void assertBits(double[] expected, double[] actual, String what) {
    if (expected == null) {
      assertEquals(null, actual, what);
      return;
    }
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
          what + " at " + i + ": " + expected[i] + " vs " + actual[i]);
    }
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }

  static double score(Random rnd) {
    return rnd.nextInt(5) == 0 ? 100 * rnd.nextInt(2) : Math.round(rnd.nextDouble() * 1000) / 10.0;
  }

  static String points(Random rnd, int n, double scale) {
    StringBuilder b = new StringBuilder("[");
    double x = (rnd.nextDouble() - 0.5) * scale;
    for (int p = 0; p < n; p++) {
      if (p > 0) {
        b.append(',');
      }
      b.append('[').append(num(x)).append(',').append(num(score(rnd))).append(']');
      x += (0.05 + rnd.nextDouble()) * scale / n;
    }
    return b.append(']').toString();
  }

  static String randomCard(Random rnd) {
    int m = 1 + rnd.nextInt(8);
    int cats = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(Math.min(3, m));
    StringBuilder b = new StringBuilder("{\"name\":\"r\",\"version\":1");
    if (rnd.nextInt(3) == 0) {
      b.append(",\"minCoverage\":").append(num(Math.round(rnd.nextDouble() * 80) / 100.0));
    }
    if (cats > 0) {
      b.append(",\"categories\":[");
      for (int g = 0; g < cats; g++) {
        b.append(g > 0 ? "," : "").append("{\"id\":\"c").append(g).append("\",\"weight\":")
            .append(1 + rnd.nextInt(5)).append(rnd.nextBoolean() ? ",\"aggregate\":\"min\"" : "").append('}');
      }
      b.append(']');
    }
    b.append(",\"measures\":[");
    for (int j = 0; j < m; j++) {
      b.append(j > 0 ? "," : "").append("{\"id\":\"q").append(j).append('"');
      int type = rnd.nextInt(6);
      String metric = METRICS[rnd.nextInt(METRICS.length)];
      if (type != 4) {
        b.append(",\"metric\":\"").append(metric).append('"');
      }
      if (cats > 0) {
        b.append(",\"category\":\"c").append(j < cats ? j : rnd.nextInt(cats)).append('"');
      }
      b.append(",\"weight\":").append(num(0.5 + rnd.nextInt(10) / 2.0));
      switch (type) {
        case 0, 5 -> b.append(",\"rule\":{\"type\":\"linear\",\"points\":")
            .append(points(rnd, type == 0 ? 4 : 1 + rnd.nextInt(6), 10)).append('}');
        case 1 -> b.append(",\"rule\":{\"type\":\"steps\",\"below\":").append(num(score(rnd)))
            .append(",\"steps\":").append(points(rnd, 1 + rnd.nextInt(4), 10)).append('}');
        case 2 -> b.append(",\"rule\":{\"type\":\"boolean\",\"whenTrue\":").append(num(score(rnd)))
            .append(",\"whenFalse\":").append(num(score(rnd))).append('}');
        case 3 -> b.append(",\"rule\":{\"type\":\"percentile\"}");
        default -> b.append(",\"rule\":{\"type\":\"trend\",\"current\":\"").append(metric)
            .append("\",\"previous\":\"").append(METRICS[rnd.nextInt(METRICS.length)])
            .append("\",\"whenPreviousZero\":").append(num(score(rnd))).append(",\"points\":")
            .append(points(rnd, 1 + rnd.nextInt(5), 2)).append('}');
      }
      switch (rnd.nextInt(4)) {
        case 0 -> b.append(",\"missing\":{\"policy\":\"neutral\",\"value\":").append(num(score(rnd))).append('}');
        case 1 -> b.append(",\"missing\":{\"policy\":\"worst\"}");
        default -> { }
      }
      b.append('}');
    }
    b.append(']');
    int caps = rnd.nextInt(3);
    if (caps > 0) {
      String[] ops = {">", ">=", "<", "<=", "==", "!="};
      b.append(",\"caps\":[");
      for (int c = 0; c < caps; c++) {
        b.append(c > 0 ? "," : "").append("{\"metric\":\"").append(METRICS[rnd.nextInt(METRICS.length)])
            .append("\",\"op\":\"").append(ops[rnd.nextInt(ops.length)]).append("\",\"value\":")
            .append(rnd.nextInt(3)).append(",\"maxScore\":").append(num(score(rnd))).append('}');
      }
      b.append(']');
    }
    return b.append('}').toString();
  }

  static MetricTable randomTable(Random rnd, Scorecard card, int n) {
    List<Double> special = new ArrayList<>(List.of(0.0, 1.0, 2.0, -0.0));
    card.measures().forEach(me -> {
      if (me.rule() instanceof dev.cskit.scoring.Rule.Linear l) {
        l.points().forEach(p -> special.add(p.get(0)));
      }
    });
    double missing = rnd.nextDouble() * 0.3;
    MetricTable.Builder b = MetricTable.builder(METRICS);
    double[] row = new double[METRICS.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < row.length; j++) {
        double u = rnd.nextDouble();
        row[j] = u < missing ? Double.NaN
            : u < missing + 0.15 ? special.get(rnd.nextInt(special.size()))
            : (rnd.nextDouble() - 0.4) * 12;
      }
      b.addRow("a" + i, row);
    }
    return b.build();
  }

  static OverridePlan randomPlan(Random rnd, CompiledCard k, int n) {
    if (rnd.nextBoolean()) {
      return OverridePlan.EMPTY;
    }
    List<ScoreOverride> overrides = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    int count = 1 + rnd.nextInt(Math.max(1, n / 10));
    for (int e = 0; e < count; e++) {
      int row = rnd.nextInt(n);
      int kind = rnd.nextInt(3);
      ScoreOverride o;
      if (kind == 0 || (kind == 1 && !k.hasCategories)) {
        o = ScoreOverride.of("a" + row, ScoreOverride.Scope.OVERALL, null, score(rnd), "r", "t", from, null);
      } else if (kind == 1) {
        o = ScoreOverride.of("a" + row, ScoreOverride.Scope.CATEGORY, k.categoryIds[rnd.nextInt(k.categoryCount())],
            score(rnd), "r", "t", from, null);
      } else {
        o = ScoreOverride.of("a" + row, ScoreOverride.Scope.MEASURE, k.measureIds[rnd.nextInt(k.measureCount())],
            score(rnd), "r", "t", from.plusSeconds(rnd.nextInt(100)), null);
      }
      overrides.add(o);
      rows.add(row);
    }
    // as the scorer resolves them: by row, then start (the most recent wins)
    List<Integer> order = new ArrayList<>();
    for (int e = 0; e < overrides.size(); e++) {
      order.add(e);
    }
    order.sort(java.util.Comparator.comparingInt((Integer e) -> rows.get(e))
        .thenComparing(e -> overrides.get(e).start()));
    List<OverridePlan.Entry> entries = new ArrayList<>();
    for (int e : order) {
      ScoreOverride o = overrides.get(e);
      int kind = o.scope() == ScoreOverride.Scope.OVERALL ? OverridePlan.OVERALL
          : o.scope() == ScoreOverride.Scope.CATEGORY ? OverridePlan.CATEGORY : OverridePlan.MEASURE;
      int index = o.scope() == ScoreOverride.Scope.OVERALL ? 0
          : o.scope() == ScoreOverride.Scope.CATEGORY ? k.categoryIndex(o.target()) : k.measureIndex(o.target());
      entries.add(new OverridePlan.Entry(rows.get(e), kind, index, o.value(), e));
    }
    return OverridePlan.of(entries);
  }
}
