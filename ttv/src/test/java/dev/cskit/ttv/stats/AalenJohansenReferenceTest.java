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

/** Compares the Aalen-Johansen estimate with R's multi-state survfit (small set with tied types, sim, mgus2). */
class AalenJohansenReferenceTest {
  static final Map<String, double[]> TIME = new LinkedHashMap<>();
  static final Map<String, int[]> STATUS = new LinkedHashMap<>();

  static {
    Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
    for (Map<String, String> r : ReferenceCsv.rows("/reference/ttv/cif_input.csv")) {
      rows.computeIfAbsent(r.get("dataset"), k -> new ArrayList<>()).add(r);
    }
    rows.forEach(
        (k, rs) -> {
          double[] t = new double[rs.size()];
          int[] s = new int[rs.size()];
          for (int i = 0; i < t.length; i++) {
            t[i] = num(rs.get(i).get("time"));
            s[i] = (int) num(rs.get(i).get("status"));
          }
          TIME.put(k, t);
          STATUS.put(k, s);
        });
  }

  @AfterAll
  static void report() {
    System.out.println("AalenJohansenReferenceTest max abs difference vs R: " + ReferenceCsv.largestDifference());
  }

  @Test
  void cumulativeIncidenceStandardErrorsAndLimitsMatchR() {
    Map<String, List<Map<String, String>>> fits = new LinkedHashMap<>();
    for (Map<String, String> r : ReferenceCsv.rows("/reference/ttv/cif.csv")) {
      fits.computeIfAbsent(r.get("dataset") + "|" + r.get("conftype") + "|" + r.get("level") + "|" + r.get("state"),
          k -> new ArrayList<>()).add(r);
    }
    assertEquals(72, fits.size());
    for (var e : fits.entrySet()) {
      Map<String, String> first = e.getValue().get(0);
      String ds = first.get("dataset");
      AalenJohansen aj = AalenJohansen.fit(TIME.get(ds), STATUS.get(ds), 2,
          ConfType.parse(first.get("conftype")), num(first.get("level")));
      List<CifRow> table = aj.table();
      double[] freeSe = aj.eventFreeStdErr();
      assertEquals(e.getValue().size(), table.size(), e.getKey());
      for (int i = 0; i < table.size(); i++) {
        Map<String, String> r = e.getValue().get(i);
        CifRow c = table.get(i);
        String w = e.getKey() + " t=" + r.get("time");
        close(num(r.get("time")), c.time(), w);
        assertEquals((int) num(r.get("nrisk")), c.atRisk(), w);
        switch (r.get("state")) {
          case "entry":
            close(num(r.get("prob")), c.eventFree(), w + " p0");
            close(num(r.get("stderr")), freeSe[i], w + " se p0");
            break;
          case "value":
            check(r, c, 0, w);
            break;
          case "churn":
            check(r, c, 1, w);
            break;
          default:
            throw new AssertionError(r);
        }
      }
    }
  }

  private static void check(Map<String, String> r, CifRow c, int k, String w) {
    close(num(r.get("prob")), c.incidence().get(k), w + " p");
    close(num(r.get("stderr")), c.stdErr().get(k), w + " se");
    close(num(r.get("lower")), c.lower().get(k), w + " lower");
    close(num(r.get("upper")), c.upper().get(k), w + " upper");
  }

  @Test
  void tiedEventsOfDifferentTypesShareTheRiskSet() {
    // small set: at t = 2 one value, one churn and one censoring among 13 at risk
    AalenJohansen aj = AalenJohansen.fit(TIME.get("small"), STATUS.get("small"));
    CifRow t2 = aj.table().get(1);
    assertEquals(2.0, t2.time());
    assertEquals(13, t2.atRisk());
    assertEquals(List.of(1, 1), t2.events());
    double p0 = 13.0 / 14;
    assertEquals(1.0 / 14 + p0 / 13, t2.incidence().get(0), 1e-15);
    assertEquals(p0 / 13, t2.incidence().get(1), 1e-15);
    NaiveIncidence naive = aj.oneMinusKaplanMeier(TIME.get("small"), STATUS.get("small"), 1);
    assertTrue(naive.overstates());
    double last = aj.times()[aj.times().length - 1];
    assertTrue(naive.at(last).value() > aj.incidence(1, last).value());
  }
}
