package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cskit.core.testing.ReferenceCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ttv commands end to end. Numbers are compared with the R reference CSVs committed under
 * {@code ttv/src/test/resources/reference/ttv} (written by {@code ttv_reference.R} there).
 */
class TtvCommandTest {
  static final Path REF = Path.of("..", "ttv", "src", "test", "resources", "reference", "ttv");

  static List<Map<String, String>> csv(String name) {
    return ReferenceCsv.rows(REF.resolve(name));
  }

  static void close(String expected, JsonNode actual, String what) {
    if (expected.equals("NA")) {
      assertTrue(actual == null || actual.isNull(), what + ": expected null, got " + actual);
      return;
    }
    double e = ReferenceCsv.num(expected);
    assertTrue(actual != null && actual.isNumber(), what + ": expected " + e + ", got " + actual);
    ReferenceCsv.close(e, actual.asDouble(), what);
  }

  /** Writes one reference dataset of km_input.csv (time,status,group). */
  static Path dataset(Path dir, String file, String name, String inputCsv) throws Exception {
    StringBuilder sb = new StringBuilder("time,status,group\n");
    for (Map<String, String> r : csv(inputCsv)) {
      if (r.get("dataset").equals(name)) {
        sb.append(r.get("time")).append(',').append(r.get("status")).append(',')
            .append(r.containsKey("group") ? r.get("group") : "all").append('\n');
      }
    }
    Path p = dir.resolve(file);
    Files.writeString(p, sb.toString());
    return p;
  }

  @Test
  void kmMatchesRForEveryGroupWithLogRank(@TempDir Path dir) throws Exception {
    Path in = dataset(dir, "aml.csv", "aml", "km_input.csv");
    for (String[] ct : new String[][] {{"log-log", "0.95"}, {"plain", "0.9"}, {"log", "0.99"}}) {
      List<String> args = new ArrayList<>(List.of("ttv", "km", "--input", in.toString(), "--group-column", "group"));
      if (!ct[0].equals("log-log")) {
        args.addAll(List.of("--conf-type", ct[0]));
      }
      if (!ct[1].equals("0.95")) {
        args.addAll(List.of("--confidence", ct[1]));
      }
      CliTestSupport r = CliTestSupport.run(args.toArray(new String[0]));
      assertEquals(0, r.code, r.err);
      JsonNode groups = r.json().get("groups");
      assertEquals(2, groups.size());
      for (JsonNode g : groups) {
        String name = g.get("group").asText();
        List<Map<String, String>> ref = new ArrayList<>();
        for (Map<String, String> row : csv("km.csv")) {
          if (row.get("dataset").equals("aml") && row.get("group").equals(name)
              && row.get("conftype").equals(ct[0]) && Double.parseDouble(row.get("level")) == Double.parseDouble(ct[1])) {
            ref.add(row);
          }
        }
        JsonNode table = g.get("table");
        assertEquals(ref.size(), table.size());
        for (int i = 0; i < ref.size(); i++) {
          JsonNode t = table.get(i);
          Map<String, String> e = ref.get(i);
          String w = name + " " + ct[0] + " t=" + e.get("time");
          close(e.get("time"), t.get("time"), w);
          close(e.get("nrisk"), t.get("atRisk"), w);
          close(e.get("nevent"), t.get("events"), w);
          close(e.get("ncensor"), t.get("censored"), w);
          close(e.get("surv"), t.get("survival"), w);
          close(e.get("stderr_surv"), t.get("stdErr"), w + " stdErr");
          close(e.get("lower"), t.get("lower"), w + " lower");
          close(e.get("upper"), t.get("upper"), w + " upper");
          close(e.get("cumhaz"), g.get("cumulativeHazard").get(i).get("cumulativeHazard"), w + " H");
          close(e.get("stdchaz"), g.get("cumulativeHazard").get(i).get("stdErr"), w + " se H");
        }
        for (Map<String, String> q : csv("quantiles.csv")) {
          if (q.get("dataset").equals("aml") && q.get("group").equals(name) && q.get("conftype").equals(ct[0])
              && Double.parseDouble(q.get("level")) == Double.parseDouble(ct[1]) && q.get("p").equals("0.5")) {
            close(q.get("value"), g.get("median").get("value"), name + " median");
            close(q.get("lower"), g.get("median").get("lower"), name + " median lower");
            close(q.get("upper"), g.get("median").get("upper"), name + " median upper");
            close(q.get("value"), g.get("quantiles").get(1).get("value"), name + " q50");
          }
        }
        // no --horizon: R's common restricted-mean horizon (largest time of all groups)
        for (Map<String, String> m : csv("rmean.csv")) {
          if (m.get("dataset").equals("aml") && m.get("group").equals(name) && m.get("tau").equals("common")) {
            close(m.get("rmean"), g.get("rmst").get("value"), name + " rmean");
            close(m.get("se"), g.get("rmst").get("stdErr"), name + " se(rmean)");
            assertEquals(161.0, g.get("rmst").get("horizon").asDouble());
          }
        }
      }
      for (Map<String, String> d : csv("rmstdiff.csv")) {
        if (d.get("dataset").equals("aml") && d.get("level").equals(ct[1].equals("0.9") ? "0.90000000000000002" : "x")) {
          CliTestSupport r100 = CliTestSupport.run("ttv", "km", "--input", in.toString(), "--group-column", "group",
              "--horizon", "100", "--confidence", "0.9");
          JsonNode rd = r100.json().get("rmstDifference");
          close(d.get("difference"), rd.get("difference"), "rmst difference");
          close(d.get("se"), rd.get("stdErr"), "rmst difference se");
          close(d.get("lower"), rd.get("lower"), "rmst difference lower");
          close(d.get("upper"), rd.get("upper"), "rmst difference upper");
        }
      }
      JsonNode lr = r.json().get("logRank");
      for (Map<String, String> s : csv("survdiff.csv")) {
        if (s.get("dataset").equals("aml") && s.get("rho").equals("0")) {
          close(s.get("chisq"), lr.get("chiSquare"), "chisq");
          close(s.get("pvalue"), lr.get("pValue"), "p");
          close(s.get("df"), lr.get("df"), "df");
        }
      }
    }
  }

  @Test
  void horizonAndSingleGroup(@TempDir Path dir) throws Exception {
    Path in = dataset(dir, "ov.csv", "ovarian", "km_input.csv");
    String text = Files.readString(in).replaceAll(",rx[12]\n", "\n").replace("time,status,group", "time,status");
    Files.writeString(in, text);
    CliTestSupport r = CliTestSupport.run("ttv", "km", "--input", in.toString(), "--horizon", "1129");
    assertEquals(0, r.code, r.err);
    assertFalse(r.json().has("logRank"));
    JsonNode g = r.json().get("groups").get(0);
    assertEquals(26, g.get("n").asInt());
    assertEquals(12, g.get("events").asInt());
    for (Map<String, String> m : csv("rmean.csv")) {
      if (m.get("dataset").equals("ovarian") && m.get("group").equals("ALL") && m.get("tau").equals("1227")) {
        CliTestSupport r2 = CliTestSupport.run("ttv", "km", "--input", in.toString(), "--horizon", "1227");
        close(m.get("rmean"), r2.json().get("groups").get(0).get("rmst").get("value"), "rmean");
        close(m.get("se"), r2.json().get("groups").get(0).get("rmst").get("stdErr"), "se");
      }
    }
  }

  @Test
  void nearTiesAreMergedOnThePooledDataAsR(@TempDir Path dir) throws Exception {
    Path in = dataset(dir, "near.csv", "nearties", "km_input.csv");
    CliTestSupport r = CliTestSupport.run("ttv", "km", "--input", in.toString(), "--group-column", "group");
    assertEquals(0, r.code, r.err);
    int checked = 0;
    for (JsonNode g : r.json().get("groups")) {
      for (Map<String, String> m : csv("rmean.csv")) {
        if (m.get("dataset").equals("nearties") && m.get("tau").equals("common")
            && m.get("group").equals(g.get("group").asText())) {
          close(m.get("rmean"), g.get("rmst").get("value"), "rmean " + m.get("group"));
          close(m.get("se"), g.get("rmst").get("stdErr"), "se " + m.get("group"));
          checked++;
        }
      }
    }
    assertEquals(2, checked);
    for (Map<String, String> sd : csv("survdiff.csv")) {
      if (sd.get("dataset").equals("nearties") && sd.get("rho").equals("1")) {
        close(sd.get("chisq"), r.json().get("petoPeto").get("chiSquare"), "Peto-Peto");
      }
    }
  }

  @Test
  void cifMatchesRAndFlagsTheNaiveEstimate(@TempDir Path dir) throws Exception {
    StringBuilder sb = new StringBuilder("time,status\n");
    for (Map<String, String> r : csv("cif_input.csv")) {
      if (r.get("dataset").equals("small")) {
        sb.append(r.get("time")).append(',').append(r.get("status")).append('\n');
      }
    }
    Path in = dir.resolve("cr.csv");
    Files.writeString(in, sb.toString());
    CliTestSupport r = CliTestSupport.run("ttv", "cif", "--input", in.toString(), "--naive");
    assertEquals(0, r.code, r.err);
    JsonNode g = r.json().get("groups").get(0);
    assertEquals(14, g.get("n").asInt());
    int checked = 0;
    for (Map<String, String> e : csv("cif.csv")) {
      if (e.get("dataset").equals("small") && e.get("conftype").equals("log-log")
          && e.get("level").startsWith("0.94999") && !e.get("state").equals("entry")) {
        for (JsonNode row : g.get("table")) {
          if (row.get("time").asDouble() == Double.parseDouble(e.get("time"))) {
            JsonNode c = row.get(e.get("state"));
            close(e.get("prob"), c.get("incidence"), e.get("state") + " t=" + e.get("time"));
            close(e.get("stderr"), c.get("stdErr"), "se");
            close(e.get("lower"), c.get("lower"), "lower");
            close(e.get("upper"), c.get("upper"), "upper");
            checked++;
          }
        }
      }
    }
    assertEquals(2 * g.get("table").size(), checked);
    assertTrue(g.get("oneMinusKm").get("overstates").asBoolean());
  }

  @Test
  void badInputExitsThreeNamingRowAndColumn(@TempDir Path dir) throws Exception {
    Path neg = dir.resolve("neg.csv");
    Files.writeString(neg, "time,status\n1,1\n-2,0\n");
    CliTestSupport a = CliTestSupport.run("ttv", "km", "--input", neg.toString());
    assertEquals(3, a.code);
    assertTrue(a.err.contains("row 3") && a.err.contains("\"time\""), a.err);
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "time,status\n1,1\n2,2\n");
    CliTestSupport b = CliTestSupport.run("ttv", "km", "--input", bad.toString());
    assertEquals(3, b.code);
    assertTrue(b.err.contains("row 3") && b.err.contains("\"status\""), b.err);
    assertEquals(0, CliTestSupport.run("ttv", "cif", "--input", bad.toString()).code);
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "time,status,g\n1,1,a\n2,1,\n");
    // a row without a group is dropped and counted, as R drops it (issue 13), not an error
    CliTestSupport c = CliTestSupport.run("ttv", "km", "--input", empty.toString(), "--group-column", "g");
    assertEquals(0, c.code, c.err);
    assertTrue(c.err.contains("1 row(s) without a g dropped"), c.err);
    assertEquals(1, c.json().get("droppedRows").asInt());
    assertEquals(2, CliTestSupport.run("ttv", "km", "--input", bad.toString(), "--conf-type", "logit").code);
    assertEquals(2, CliTestSupport.run("ttv", "km", "--input", bad.toString(), "--confidence", "95").code);
  }

  /**
   * Out-of-range values on the command line are usage errors naming the flag, from the library's own checks,
   * made before the input is read (so a bad file does not hide them).
   */
  @Test
  void outOfRangeFlagsExitTwoBeforeTheInputIsRead(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "time,status\n1,1\n2,2\n");
    CliTestSupport c = CliTestSupport.run("ttv", "km", "--input", bad.toString(), "--confidence", "1.5");
    assertEquals(2, c.code);
    assertEquals("cskit: --confidence must be strictly between 0 and 1, found 1.5\n"
        + "Try 'cskit ttv km --help' for more information.\n", c.err);
    CliTestSupport cif = CliTestSupport.run("ttv", "cif", "--input", bad.toString(), "--confidence", "0");
    assertEquals(2, cif.code);
    assertTrue(cif.err.startsWith("cskit: --confidence must be strictly between 0 and 1, found 0.0"), cif.err);
    CliTestSupport q = CliTestSupport.run("ttv", "km", "--input", bad.toString(), "--quantiles", "0.5,1.5");
    assertEquals(2, q.code);
    assertTrue(q.err.startsWith("cskit: --quantiles must be between 0 and 1, found 1.5"), q.err);
    CliTestSupport h = CliTestSupport.run("ttv", "km", "--input", bad.toString(), "--horizon", "-1");
    assertEquals(2, h.code);
    assertTrue(h.err.startsWith("cskit: --horizon must be a finite number >= 0, found -1.0"), h.err);
    CliTestSupport p = CliTestSupport.run("ttv", "payback", "--daily-cost", "10", "--daily-benefit", "30",
        "--horizon", "36501");
    assertEquals(2, p.code);
    assertEquals("cskit: --horizon must be 1 to 36500 days, found 36501\n"
        + "Try 'cskit ttv payback --help' for more information.\n", p.err);
    // the same library exception about a value read from a file is invalid input
    assertEquals(3, CliTestSupport.run("ttv", "km", "--input", bad.toString()).code);
  }

  @Test
  void fromEventsFeedsKmCheckinAndPayback(@TempDir Path dir) throws Exception {
    CliTestSupport s = CliTestSupport.run("sample", "--accounts", "120", "--out", dir.toString());
    assertEquals(0, s.code, s.err);
    CliTestSupport d = CliTestSupport.run("ttv", "from-events", "--events", dir.resolve("milestones.csv").toString(),
        "--start", "contract_signed", "--value", "first_value", "--churn", "churned", "--as-of", "2026-06-30");
    assertEquals(0, d.code, d.err);
    assertTrue(d.out.startsWith("account_id,start,end,time,status,reached_value"), d.out);
    Path durations = dir.resolve("durations.csv");
    Files.writeString(durations, d.out);
    CliTestSupport km = CliTestSupport.run("ttv", "km", "--input", durations.toString(), "--event-column", "reached_value");
    assertEquals(0, km.code, km.err);
    assertTrue(km.json().get("groups").get(0).get("median").get("value").asDouble() > 0);
    CliTestSupport cif = CliTestSupport.run("ttv", "cif", "--input", durations.toString());
    assertEquals(0, cif.code, cif.err);
    CliTestSupport ci = CliTestSupport.run("ttv", "checkin", "--input", durations.toString());
    assertEquals(0, ci.code, ci.err);
    assertTrue(ci.json().has("checkInDay"));
    assertTrue(ci.json().get("stalled").isArray());
    CliTestSupport j = CliTestSupport.run("ttv", "from-events", "--events", dir.resolve("milestones.csv").toString(),
        "--start", "contract_signed", "--value", "first_value", "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, j.code, j.err);
    assertTrue(j.json().get("missingStart").isArray());
    CliTestSupport p = CliTestSupport.run("ttv", "payback", "--upfront", "1000", "--daily-cost", "10",
        "--daily-benefit", "40", "--ramp-days", "30", "--discount-rate", "0.1", "--ttv-input", durations.toString(),
        "--event-column", "reached_value");
    assertEquals(0, p.code, p.err);
    JsonNode u = p.json().get("undiscounted");
    assertTrue(u.get("paybackDay").asDouble() > u.get("troughDay").asDouble());
    assertTrue(p.json().get("discounted").get("paybackDay").asDouble() >= u.get("paybackDay").asDouble());
    assertTrue(p.json().get("expected").get("undiscounted").get("paybackDay").asDouble() > u.get("paybackDay").asDouble());
  }

  @Test
  void fromEventsValueBeforeStartNamesTheAccount(@TempDir Path dir) throws Exception {
    Path ev = dir.resolve("ev.csv");
    Files.writeString(ev, "account_id,event_type,timestamp\nA1,signed,2026-06-10\nA1,value,2026-06-01\n");
    CliTestSupport r = CliTestSupport.run("ttv", "from-events", "--events", ev.toString(), "--start", "signed",
        "--value", "value", "--as-of", "2026-06-30");
    assertEquals(3, r.code);
    assertTrue(r.err.contains("\"A1\""), r.err);
  }

  @Test
  void demoHasATimeToValueSection() {
    CliTestSupport r = CliTestSupport.run("demo", "--accounts", "200", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode t = r.json().get("timeToValue");
    JsonNode m = t.get("medianDaysToFirstValue");
    assertTrue(m.get("lower").asDouble() <= m.get("value").asDouble());
    assertTrue(m.get("value").asDouble() <= m.get("upper").asDouble());
    double share = t.get("shareByDay14").get("value").asDouble();
    assertTrue(share > 0 && share < 1);
    assertTrue(t.has("checkInDay") && t.get("stalled").isArray());
  }
}
