package dev.cskit.ttv.stats;

import static dev.cskit.core.testing.ReferenceCsv.close;
import static dev.cskit.core.testing.ReferenceCsv.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.testing.ReferenceCsv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Compares every estimator with R's survival package on aml, ovarian, lung and flat-stretch sets. */
class KaplanMeierReferenceTest {
  record Sample(double[] time, int[] status, String[] group) {}

  static final Map<String, Sample> SETS = new LinkedHashMap<>();
  static final Map<String, Map<String, Sample>> BY_GROUP = new LinkedHashMap<>();

  static {
    Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
    for (Map<String, String> r : ReferenceCsv.rows("/reference/ttv/km_input.csv")) {
      rows.computeIfAbsent(r.get("dataset"), k -> new ArrayList<>()).add(r);
    }
    rows.forEach(
        (name, rs) -> {
          SETS.put(name, sample(rs));
          Map<String, List<Map<String, String>>> g = new LinkedHashMap<>();
          for (Map<String, String> r : rs) {
            g.computeIfAbsent(r.get("group"), k -> new ArrayList<>()).add(r);
          }
          Map<String, Sample> gs = new LinkedHashMap<>();
          g.forEach((k, v) -> gs.put(k, sample(v)));
          BY_GROUP.put(name, gs);
        });
  }

  static Sample sample(List<Map<String, String>> rs) {
    double[] t = new double[rs.size()];
    int[] s = new int[rs.size()];
    String[] g = new String[rs.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = num(rs.get(i).get("time"));
      s[i] = (int) num(rs.get(i).get("status"));
      g[i] = rs.get(i).get("group");
    }
    return new Sample(t, s, g);
  }

  static Sample of(String dataset, String group) {
    return group.equals("ALL") ? SETS.get(dataset) : BY_GROUP.get(dataset).get(group);
  }

  static KaplanMeier fit(Map<String, String> r) {
    Sample s = of(r.get("dataset"), r.get("group"));
    return KaplanMeier.fit(s.time(), s.status(), ConfType.parse(r.get("conftype")), num(r.get("level")));
  }

  @AfterAll
  static void report() {
    System.out.println("KaplanMeierReferenceTest max abs difference vs R: " + ReferenceCsv.largestDifference());
  }

  @Test
  void tableStandardErrorsIntervalsAndCumulativeHazardMatchR() {
    Map<String, List<Map<String, String>>> fits = new LinkedHashMap<>();
    for (Map<String, String> r : ReferenceCsv.rows("/reference/ttv/km.csv")) {
      String key = r.get("dataset") + "|" + r.get("group") + "|" + r.get("conftype") + "|" + r.get("level");
      fits.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    assertTrue(fits.size() >= 80);
    for (var e : fits.entrySet()) {
      List<KmRow> table = fit(e.getValue().get(0)).table();
      assertEquals(e.getValue().size(), table.size(), e.getKey());
      for (int i = 0; i < table.size(); i++) {
        Map<String, String> r = e.getValue().get(i);
        KmRow k = table.get(i);
        String w = e.getKey() + " t=" + r.get("time");
        close(num(r.get("time")), k.time(), w + " time");
        assertEquals((int) num(r.get("nrisk")), k.atRisk(), w);
        assertEquals((int) num(r.get("nevent")), k.events(), w);
        assertEquals((int) num(r.get("ncensor")), k.censored(), w);
        close(num(r.get("surv")), k.survival(), w + " surv");
        close(num(r.get("stderr_logs")), k.logStdErr(), w + " std.err");
        close(num(r.get("stderr_surv")), k.stdErr(), w + " se(S)");
        close(num(r.get("lower")), k.lower(), w + " lower");
        close(num(r.get("upper")), k.upper(), w + " upper");
        close(num(r.get("cumhaz")), k.cumulativeHazard(), w + " cumhaz");
        close(num(r.get("stdchaz")), k.cumulativeHazardStdErr(), w + " std.chaz");
      }
    }
  }

  @Test
  void quantilesAndTheirLimitsMatchQuantileSurvfit() {
    List<Map<String, String>> rows = ReferenceCsv.rows("/reference/ttv/quantiles.csv");
    assertTrue(rows.size() > 500);
    for (Map<String, String> r : rows) {
      Quantile q = fit(r).quantile(num(r.get("p")));
      String w = r.get("dataset") + "|" + r.get("group") + "|" + r.get("conftype") + "|" + r.get("level")
          + " p=" + r.get("p");
      close(num(r.get("value")), q.value(), w + " value");
      close(num(r.get("lower")), q.lower(), w + " lower");
      close(num(r.get("upper")), q.upper(), w + " upper");
    }
  }

  @Test
  void flatStretchAtExactlyOneMinusPTakesTheMidpoint() {
    // flat group a: S = 0.5 on [3, 5): R's median is (3 + 5) / 2
    Sample a = of("flat", "a");
    assertEquals(4.0, KaplanMeier.fit(a.time(), a.status()).median().value(), 0);
    // flat group b: the curve ends at exactly 0.5 from day 2 to the last time 4: R gives (2 + 4) / 2
    Sample b = of("flat", "b");
    assertEquals(3.0, KaplanMeier.fit(b.time(), b.status()).median().value(), 0);
    assertTrue(Double.isNaN(KaplanMeier.fit(b.time(), b.status()).quantile(0.75).value()));
  }

  @Test
  void restrictedMeansMatchR() {
    List<Map<String, String>> rows = ReferenceCsv.rows("/reference/ttv/rmean.csv");
    for (Map<String, String> r : rows) {
      double tau;
      KaplanMeier km;
      if (r.get("tau").equals("common")) {
        // survfit(~ group): timefix on the pooled data, then one curve per group
        Sample all = SETS.get(r.get("dataset"));
        double[] fixed = KaplanMeier.timefix(all.time());
        Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (int i = 0; i < fixed.length; i++) {
          rowsOf.computeIfAbsent(all.group()[i], k -> new ArrayList<>()).add(i);
        }
        tau = 0;
        km = null;
        for (var g : rowsOf.entrySet()) {
          double[] t = g.getValue().stream().mapToDouble(i -> fixed[i]).toArray();
          int[] st = g.getValue().stream().mapToInt(i -> all.status()[i]).toArray();
          KaplanMeier fit = KaplanMeier.fit(t, st);
          tau = Math.max(tau, fit.lastTime());
          if (g.getKey().equals(r.get("group"))) {
            km = fit;
          }
        }
      } else {
        Sample s = of(r.get("dataset"), r.get("group"));
        km = KaplanMeier.fit(s.time(), s.status());
        tau = num(r.get("tau"));
      }
      RestrictedMean m = km.restrictedMean(tau);
      String w = r.get("dataset") + "|" + r.get("group") + "|" + r.get("tau");
      close(num(r.get("rmean")), m.value(), w + " rmean");
      close(num(r.get("se")), m.stdErr(), w + " se");
    }
  }

  @Test
  void logRankAndPetoPetoMatchSurvdiff() {
    Map<String, List<Map<String, String>>> tests = new LinkedHashMap<>();
    for (Map<String, String> r : ReferenceCsv.rows("/reference/ttv/survdiff.csv")) {
      tests.computeIfAbsent(r.get("dataset") + "|" + r.get("rho"), k -> new ArrayList<>()).add(r);
    }
    assertEquals(14, tests.size());
    for (var e : tests.entrySet()) {
      Map<String, String> first = e.getValue().get(0);
      Sample s = SETS.get(first.get("dataset"));
      LogRankResult res = LogRank.test(s.time(), s.status(), s.group(), num(first.get("rho")));
      close(num(first.get("chisq")), res.chiSquare(), e.getKey() + " chisq");
      close(num(first.get("pvalue")), res.pValue(), e.getKey() + " p");
      assertEquals((int) num(first.get("df")), res.df(), e.getKey());
      for (Map<String, String> r : e.getValue()) {
        LogRankGroup g = res.groups().stream().filter(x -> x.group().equals(r.get("group"))).findFirst()
            .orElseThrow();
        close(num(r.get("observed")), g.observed(), e.getKey() + " obs " + g.group());
        close(num(r.get("expected")), g.expected(), e.getKey() + " exp " + g.group());
      }
    }
  }

  @Test
  void restrictedMeanDifferenceMatchesR() {
    List<Map<String, String>> rows = ReferenceCsv.rows("/reference/ttv/rmstdiff.csv");
    assertEquals(6, rows.size());
    for (Map<String, String> r : rows) {
      Map<String, Sample> groups = BY_GROUP.get(r.get("dataset"));
      Sample a = groups.get(r.get("first"));
      Sample b = groups.get(r.get("second"));
      RmstDifference d = RmstDifference.between(
          KaplanMeier.fit(a.time(), a.status()), KaplanMeier.fit(b.time(), b.status()),
          num(r.get("tau")), num(r.get("level")));
      String w = r.get("dataset") + " " + r.get("level");
      close(num(r.get("difference")), d.difference(), w + " difference");
      close(num(r.get("se")), d.stdErr(), w + " se");
      close(num(r.get("lower")), d.lower(), w + " lower");
      close(num(r.get("upper")), d.upper(), w + " upper");
      close(num(r.get("pvalue")), d.pValue(), w + " p");
    }
  }
}
