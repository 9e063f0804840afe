package dev.cskit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.Account;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.MetricTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Invariants of scoring over random scorecards and portfolios (each built from a random seed). */
class ScoringProperties {
  static final String[] METRICS = {"x0", "x1", "x2", "x3", "x4", "x5", "p0", "p1", "p2", "p3", "p4", "p5", "c"};

  /** A random card: 1-6 measures of every rule type, random missing policies, optional categories and caps. */
  static Scorecard card(Random r, boolean allowPercentile, double minCoverage) {
    int n = 1 + r.nextInt(6);
    boolean cats = r.nextBoolean();
    int nc = cats ? 1 + r.nextInt(Math.min(3, n)) : 0;
    List<Category> categories = new ArrayList<>();
    for (int c = 0; c < nc; c++) {
      categories.add(new Category("c" + c, 0.5 + 10 * r.nextDouble(),
          r.nextInt(3) == 0 ? Category.Aggregate.MIN : Category.Aggregate.WEIGHTED_MEAN));
    }
    List<Measure> measures = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      int type = r.nextInt(allowPercentile ? 5 : 4);
      Rule rule;
      switch (type) {
        case 0:
          rule = new Rule.Linear(points(r));
          break;
        case 1:
          rule = new Rule.Steps(points(r), 100 * r.nextDouble());
          break;
        case 2:
          rule = new Rule.Bool(100 * r.nextDouble(), 100 * r.nextDouble());
          break;
        case 3:
          rule = new Rule.Trend("x" + j, "p" + j, points(r), 100 * r.nextDouble());
          break;
        default:
          rule = new Rule.Percentile(r.nextBoolean() ? "seg" : null);
      }
      MissingPolicy missing;
      switch (r.nextInt(3)) {
        case 0:
          missing = MissingPolicy.neutral(100 * r.nextDouble());
          break;
        case 1:
          missing = MissingPolicy.worst();
          break;
        default:
          missing = MissingPolicy.EXCLUDE;
      }
      String category = cats ? "c" + (j < nc ? j : r.nextInt(nc)) : null;
      measures.add(new Measure("m" + j, type == 3 ? null : "x" + j, category, 0.1 + 5 * r.nextDouble(), rule, missing));
    }
    List<Cap> caps = new ArrayList<>();
    int ncaps = r.nextInt(3);
    for (int k = 0; k < ncaps; k++) {
      caps.add(new Cap("c", Cap.Op.values()[r.nextInt(6)], (double) r.nextInt(3), 100 * r.nextDouble()));
    }
    return new Scorecard("random", 1 + r.nextInt(5), minCoverage, null, categories, measures, caps);
  }

  static List<List<Double>> points(Random r) {
    int k = 1 + r.nextInt(4);
    List<List<Double>> pts = new ArrayList<>();
    double x = -5 + 10 * r.nextDouble();
    for (int i = 0; i < k; i++) {
      pts.add(List.of(x, 100 * r.nextDouble()));
      x += 0.1 + 5 * r.nextDouble();
    }
    return pts;
  }

  static MetricTable table(Random r, int rows) {
    MetricTable.Builder b = MetricTable.builder(METRICS);
    for (int i = 0; i < rows; i++) {
      double[] v = new double[METRICS.length];
      for (int k = 0; k < v.length; k++) {
        double u = r.nextDouble();
        v[k] = u < 0.2 ? Double.NaN : u < 0.5 ? r.nextInt(4) - 1 : -8 + 24 * r.nextDouble();
      }
      b.addRow("A" + i, v);
    }
    return b.build();
  }

  static List<Account> accounts(MetricTable t, Random r) {
    List<Account> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      out.add(Account.builder().id(t.accountId(i)).arr(1000).seats(3)
          .putAttributes("seg", r.nextBoolean() ? "a" : "b").build());
    }
    return out;
  }

  @Property(tries = 200)
  void everyScoreIsBetween0And100(@ForAll long seed) {
    Random r = new Random(seed);
    Scorecard card = card(r, true, 0);
    MetricTable t = table(r, 1 + r.nextInt(40));
    ScoreTable s = card.compile().score(t, ScoringOptions.builder().accounts(accounts(t, r)).build());
    for (int i = 0; i < s.size(); i++) {
      double v = s.score(i);
      assertTrue(Double.isNaN(v) || (v >= 0 && v <= 100), "score " + v);
      assertTrue(s.coverage(i) >= 0 && s.coverage(i) <= 1, "coverage " + s.coverage(i));
      for (String m : s.measureIds()) {
        double x = s.measureScore(i, m);
        assertTrue(Double.isNaN(x) || (x >= 0 && x <= 100), m + " " + x);
      }
    }
  }

  @Property(tries = 200)
  void aLinearRuleWithRisingScoresIsMonotone(@ForAll long seed) {
    Random r = new Random(seed);
    List<List<Double>> pts = new ArrayList<>();
    double x = -10 * r.nextDouble();
    double y = 0;
    int k = 1 + r.nextInt(5);
    for (int i = 0; i < k; i++) {
      y = Math.min(100, y + 30 * r.nextDouble());
      pts.add(List.of(x, y));
      x += 0.01 + 5 * r.nextDouble();
    }
    Scorecard card = new Scorecard("m", 1, null, null, null,
        List.of(Measure.of("m", "x", null, 1, new Rule.Linear(pts))), null);
    double[] xs = new double[50];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = -15 + 40 * r.nextDouble();
    }
    java.util.Arrays.sort(xs);
    MetricTable.Builder b = MetricTable.builder("x");
    for (int i = 0; i < xs.length; i++) {
      b.addRow("A" + i, xs[i]);
    }
    ScoreTable s = card.compile().score(b.build());
    for (int i = 1; i < xs.length; i++) {
      assertTrue(s.score(i) >= s.score(i - 1), xs[i - 1] + " -> " + s.score(i - 1) + ", " + xs[i] + " -> " + s.score(i));
    }
  }

  @Property(tries = 150)
  void theOrderOfMeasuresChangesNothing(@ForAll long seed) {
    Random r = new Random(seed);
    Scorecard card = card(r, true, 0);
    List<Measure> shuffled = new ArrayList<>(card.measures());
    Collections.shuffle(shuffled, r);
    Scorecard other = card.withMeasures(shuffled);
    MetricTable t = table(r, 1 + r.nextInt(30));
    List<Account> accounts = accounts(t, r);
    ScoreTable a = card.compile().score(t, ScoringOptions.builder().accounts(accounts).build());
    ScoreTable b = other.compile().score(t, ScoringOptions.builder().accounts(accounts).build());
    for (int i = 0; i < a.size(); i++) {
      assertClose(a.score(i), b.score(i));
      assertClose(a.coverage(i), b.coverage(i));
      for (String m : a.measureIds()) {
        assertEquals(a.measureScore(i, m), b.measureScore(i, m), 0);
      }
    }
  }

  @Property(tries = 150)
  void theOrderOfAccountsChangesNothing(@ForAll long seed) {
    Random r = new Random(seed);
    Scorecard card = card(r, true, 0.3);
    MetricTable t = table(r, 1 + r.nextInt(30));
    List<Account> accounts = accounts(t, r);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, r);
    MetricTable.Builder b = MetricTable.builder(METRICS);
    for (int i : order) {
      double[] v = new double[METRICS.length];
      for (int k = 0; k < v.length; k++) {
        v[k] = t.value(i, METRICS[k]);
      }
      b.addRow(t.accountId(i), v);
    }
    MetricTable permuted = b.build();
    HealthScorer scorer = card.compile();
    ScoreTable x = scorer.score(t, ScoringOptions.builder().accounts(accounts).build());
    ScoreTable y = scorer.score(permuted, ScoringOptions.builder().accounts(accounts).build());
    for (int i = 0; i < t.rowCount(); i++) {
      assertEquals(x.row(i), y.get(t.accountId(i)));
    }
  }

  @Property(tries = 150)
  void batchEqualsSingle(@ForAll long seed) {
    Random r = new Random(seed);
    Scorecard card = card(r, true, r.nextDouble());
    MetricTable t = table(r, 1 + r.nextInt(30));
    List<Account> accounts = accounts(t, r);
    HealthScorer scorer = card.compile();
    ScoreTable batch = scorer.score(t, ScoringOptions.builder().accounts(accounts).build());
    PercentileReference ref = batch.percentileReference();
    for (int i = 0; i < t.rowCount(); i++) {
      HealthScore single = scorer.score(t.accountId(i), Fixtures.map(t, i), accounts.get(i), List.of(), null, ref);
      assertEquals(batch.row(i), single);
      // the batch's own columns (fused kernels) against the single path (step by step): the same bits
      assertEquals(Double.doubleToRawLongBits(batch.score(i)), Double.doubleToRawLongBits(single.score()));
      assertEquals(Double.doubleToRawLongBits(batch.coverage(i)), Double.doubleToRawLongBits(single.coverage()));
      assertEquals(batch.band(i), single.band());
      for (Map.Entry<String, Double> c : single.categories().entrySet()) {
        assertEquals(Double.doubleToRawLongBits(batch.categoryScore(i, c.getKey())),
            Double.doubleToRawLongBits(c.getValue()));
      }
    }
  }

  @Property(tries = 150)
  void excludeEqualsTheCardWithoutTheMissingMeasure(@ForAll long seed) {
    Random r = new Random(seed);
    Scorecard card = card(r, false, 0);
    if (card.measures().size() < 2) {
      return;
    }
    int k = r.nextInt(card.measures().size());
    Measure gone = card.measures().get(k).withMissing(MissingPolicy.EXCLUDE);
    List<Measure> with = new ArrayList<>(card.measures());
    with.set(k, gone);
    List<Measure> without = new ArrayList<>(card.measures());
    without.remove(k);
    MetricTable t = table(r, 1 + r.nextInt(30));
    // the measure's metrics are missing for every account
    MetricTable.Builder b = MetricTable.builder(METRICS);
    for (int i = 0; i < t.rowCount(); i++) {
      double[] v = new double[METRICS.length];
      for (int c = 0; c < v.length; c++) {
        v[c] = gone.metrics().contains(METRICS[c]) ? Double.NaN : t.value(i, METRICS[c]);
      }
      b.addRow(t.accountId(i), v);
    }
    MetricTable missing = b.build();
    ScoreTable a = card.withMeasures(with).compile().score(missing);
    ScoreTable c = card.withMeasures(without).compile().score(missing);
    for (int i = 0; i < t.rowCount(); i++) {
      assertEquals(Double.doubleToRawLongBits(c.score(i)), Double.doubleToRawLongBits(a.score(i)));
      assertEquals(c.band(i), a.band(i));
    }
  }

  @Property(tries = 200)
  void contributionsSumToTheScoreBeforeCapsAndOverrides(@ForAll long seed) {
    Random r = new Random(seed);
    Scorecard card = card(r, true, 0);
    MetricTable t = table(r, 1 + r.nextInt(30));
    ScoreTable s = card.compile().score(t, ScoringOptions.builder().accounts(accounts(t, r)).build());
    for (HealthScore h : s.rows()) {
      if (!Double.isNaN(h.scoreBeforeCaps())) {
        double sum = 0;
        for (double c : h.contributions().values()) {
          sum += c;
        }
        assertEquals(h.scoreBeforeCaps(), sum, 1e-9);
        double all = 0;
        for (Attribution.Line l : h.attribution().lines()) {
          all += l.points();
        }
        assertEquals(h.score(), all, 1e-9);
      }
    }
  }

  @Property(tries = 100)
  void diffLinesSumToTheChange(@ForAll long seed) {
    Random r = new Random(seed);
    Scorecard card = card(r, false, 0);
    Scorecard other = r.nextBoolean() ? card : card(r, false, 0); // a new date, or another card
    MetricTable before = table(r, 1 + r.nextInt(20));
    MetricTable.Builder b = MetricTable.builder(METRICS);
    Random r2 = new Random(seed + 1);
    MetricTable next = table(r2, before.rowCount());
    for (int i = 0; i < before.rowCount(); i++) {
      double[] v = new double[METRICS.length];
      for (int k = 0; k < v.length; k++) {
        v[k] = next.value(i, METRICS[k]);
      }
      b.addRow(before.accountId(i), v);
    }
    List<ScoreDiff> diffs = other.compile().score(b.build()).diff(card.compile().score(before));
    for (ScoreDiff d : diffs) {
      if (!Double.isNaN(d.change())) {
        assertEquals(d.change(), d.lineSum(), 1e-9);
      } else {
        assertTrue(d.lines().isEmpty());
      }
    }
  }

  @Property(tries = 100)
  void jsonAndYamlRoundTrips(@ForAll long seed) {
    Random r = new Random(seed);
    Scorecard card = card(r, true, r.nextDouble());
    for (ConfigFormat f : ConfigFormat.values()) {
      String text = card.write(f);
      assertTrue(!text.contains("!<"), "no YAML type tags: " + text);
      Scorecard back = Scorecard.parse(text, f, "round trip");
      assertEquals(card, back);
      assertEquals(card.hash(), back.hash());
    }
  }

  private static void assertClose(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      assertEquals(Double.isNaN(a), Double.isNaN(b));
    } else {
      assertEquals(a, b, 1e-9);
    }
  }
}
