package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyCommandTest {

  private static JsonNode ok(String... args) {
    CliTestSupport r = CliTestSupport.run(args);
    assertEquals(0, r.code, r.err);
    return r.json();
  }

  private static void keys(JsonNode n, String... expected) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of(expected), names);
  }

  private static CliTestSupport fails(int code, String... args) {
    CliTestSupport r = CliTestSupport.run(args);
    assertEquals(code, r.code, r.out + r.err);
    assertTrue(r.err.startsWith("cskit: "), r.err);
    return r;
  }

  @Test
  void sampleSize() {
    JsonNode j = ok("survey", "sample-size", "--margin", "0.05", "--confidence", "0.95", "--population", "1000");
    keys(j, "requiredResponses", "unrounded");
    assertEquals(278, j.get("requiredResponses").asLong());
    assertTrue(j.get("requiredResponses").isIntegralNumber());
    // scipy: n0 = 1.959963984540054^2 * 0.25 / 0.0025 = 384.14588206941244; n0 / (1 + (n0 - 1) / 1000)
    assertEquals(277.73345317318757, j.get("unrounded").asDouble(), 1e-9);
    JsonNode inf = ok("survey", "sample-size", "--margin", "0.05", "--confidence", "0.95");
    assertEquals(385, inf.get("requiredResponses").asLong());
    assertEquals(384.14588206941244, inf.get("unrounded").asDouble(), 1e-9);
    JsonNode simple = ok("survey", "sample-size", "--margin", "0.05", "--confidence", "0.95", "--population", "1000",
        "--fpc", "simple", "--rounding", "none");
    assertEquals(384.14588206941244 / (1 + 384.14588206941244 / 1000), simple.get("requiredResponses").asDouble(), 1e-9);
    JsonNode nearest = ok("survey", "sample-size", "--margin", "0.05", "--confidence", "0.95", "--population", "15",
        "--rounding", "nearest");
    assertEquals(14, nearest.get("requiredResponses").asLong());
    JsonNode nps = ok("survey", "sample-size", "--margin", "0.05", "--confidence", "0.95",
        "--nps-promoters", "0.5", "--nps-detractors", "0.2");
    double v = 0.5 + 0.2 - 0.09;
    assertEquals(1.959963984540054 * 1.959963984540054 * v / 0.0025, nps.get("unrounded").asDouble(), 1e-9);
    JsonNode p = ok("survey", "sample-size", "--margin", "0.03", "--confidence", "0.9", "--proportion", "0.2");
    assertEquals(1.6448536269514722 * 1.6448536269514722 * 0.16 / 0.0009, p.get("unrounded").asDouble(), 1e-9);
  }

  @Test
  void margin() {
    JsonNode j = ok("survey", "margin", "--responses", "278", "--population", "1000", "--confidence", "0.95");
    keys(j, "margin");
    assertEquals(1.959963984540054 * Math.sqrt(0.25 / 278) * Math.sqrt((1000 - 278) / 999.0), j.get("margin").asDouble(), 1e-12);
    JsonNode p = ok("survey", "margin", "--responses", "100", "--confidence", "0.9", "--proportion", "0.2");
    assertEquals(1.6448536269514722 * Math.sqrt(0.16 / 100), p.get("margin").asDouble(), 1e-12);
    JsonNode n = ok("survey", "margin", "--responses", "400", "--confidence", "0.95", "--nps-promoters", "0.5",
        "--nps-detractors", "0.2");
    assertEquals(1.959963984540054 * Math.sqrt((0.7 - 0.09) / 400), n.get("margin").asDouble(), 1e-12);
  }

  @Test
  void nps() {
    // reference/nps_intervals.csv (python): adjusted-wald 50/30/20 at 0.95
    JsonNode j = ok("survey", "nps", "--promoters", "50", "--passives", "30", "--detractors", "20");
    keys(j, "nps", "stdErr", "lower", "upper");
    assertEquals(30, j.get("nps").asDouble(), 1e-12);
    JsonNode w = ok("survey", "nps", "--promoters", "50", "--passives", "30", "--detractors", "20", "--method", "wald",
        "--confidence", "0.9");
    double se = Math.sqrt((0.7 - 0.09) / 100);
    assertEquals(100 * se, w.get("stdErr").asDouble(), 1e-9);
    assertEquals(30 - 100 * 1.6448536269514722 * se, w.get("lower").asDouble(), 1e-9);
    JsonNode b1 = ok("survey", "nps", "--promoters", "50", "--passives", "30", "--detractors", "20", "--method",
        "bootstrap", "--seed", "3");
    JsonNode b2 = ok("survey", "nps", "--promoters", "50", "--passives", "30", "--detractors", "20", "--method",
        "bootstrap", "--seed", "3");
    assertEquals(b1, b2);
    keys(b1, "nps", "stdErr", "lower", "upper");
    JsonNode s = ok("survey", "nps", "--scores", "10,9,8,3,0,10");
    assertEquals(100.0 * (3 - 2) / 6, s.get("nps").asDouble(), 1e-12);
  }

  @Test
  void npsCompare() {
    JsonNode j = ok("survey", "nps-compare", "--promoters-a", "50", "--passives-a", "30", "--detractors-a", "20",
        "--promoters-b", "40", "--passives-b", "30", "--detractors-b", "30", "--method", "wald");
    keys(j, "difference", "z", "pValue");
    assertEquals(20, j.get("difference").asDouble(), 1e-12);
    double se = Math.sqrt((0.7 - 0.09) / 100 + (0.7 - 0.01) / 100);
    assertEquals(0.2 / se, j.get("z").asDouble(), 1e-12);
    JsonNode adj = ok("survey", "nps-compare", "--promoters-a", "50", "--passives-a", "30", "--detractors-a", "20",
        "--promoters-b", "40", "--passives-b", "30", "--detractors-b", "30");
    assertTrue(adj.get("pValue").asDouble() > 0 && adj.get("pValue").asDouble() < 1);
  }

  @Test
  void invitations() {
    // survey/src/test/resources/reference/invitations.csv (scipy brute force)
    JsonNode j = ok("survey", "invitations", "--target", "10", "--rate", "0.35", "--probability", "0.9");
    keys(j, "invitations", "expectedResponses", "probability");
    assertEquals(38, j.get("invitations").asLong());
    assertEquals(13.3, j.get("expectedResponses").asDouble(), 1e-9);
    assertEquals(0.9044197271186032, j.get("probability").asDouble(), 1e-12);
    JsonNode bb = ok("survey", "invitations", "--target", "10", "--prior-alpha", "2", "--prior-beta", "8",
        "--probability", "0.8");
    assertEquals(109, bb.get("invitations").asLong());
    assertEquals(21.8, bb.get("expectedResponses").asDouble(), 1e-9);
    assertEquals(0.8020391383837925, bb.get("probability").asDouble(), 1e-9);
    JsonNode given = ok("survey", "invitations", "--target", "10", "--rate", "0.35", "--invitations", "20");
    assertEquals(7, given.get("expectedResponses").asDouble(), 1e-12);
    JsonNode named = ok("survey", "invitations", "--target", "10", "--prior", "b2b-relationship", "--probability", "0.9");
    assertTrue(named.get("invitations").asLong() > 30);
  }

  @Test
  void rate() {
    // statsmodels proportion_confint(3, 20, alpha=0.05, method="wilson") = (0.052368745896216595, 0.36041886474075696)
    JsonNode j = ok("survey", "rate", "--successes", "3", "--trials", "20");
    keys(j, "rate", "lower", "upper");
    assertEquals(0.15, j.get("rate").asDouble(), 1e-15);
    assertEquals(0.052368745896216595, j.get("lower").asDouble(), 1e-12);
    assertEquals(0.36041886474075696, j.get("upper").asDouble(), 1e-12);
    // method="beta" (Clopper-Pearson) = (0.0320709371854637, 0.37892682654531396)
    JsonNode cp = ok("survey", "rate", "--successes", "3", "--trials", "20", "--method", "clopper-pearson");
    assertEquals(0.0320709371854637, cp.get("lower").asDouble(), 1e-12);
    assertTrue(fails(2, "survey", "rate", "--successes", "30", "--trials", "20").err
        .startsWith("cskit: --successes must not exceed the trials (20), found 30"));
    fails(2, "survey", "rate", "--successes", "3", "--trials", "20", "--method", "exact");
  }

  @Test
  void plan(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("plan.yaml");
    Files.writeString(f, String.join("\n",
        "version: 1",
        "population: {tiers: {tech: 700, high: 100}}",
        "target: {rate: 0.35, probability: 0.9}",
        "waves:",
        "  - {name: email, rate: 0.2, costPerContact: 0.05, required: true}",
        "  - {name: reminder, rate: 0.1, costPerContact: 0.05}",
        "  - {name: phone, rate: 0.3, costPerContact: 8, capacity: 300}",
        "  - {name: visit, rate: 0.6, costPerContact: 150, capacity: 30, tiers: [high]}",
        ""));
    JsonNode j = ok("survey", "plan", "--plan", f.toString());
    assertTrue(j.get("feasible").asBoolean(), j.toString());
    assertTrue(j.get("probability").asDouble() >= 0.9);
    assertEquals(280, j.get("targetResponses").asLong());
    assertEquals("email", j.get("waves").get(0).get("name").asText());
    keys(j.get("waves").get(0), "name", "channel", "contacts", "responses", "cumulativeRate", "cost");

    Files.writeString(f, "version: 1\npopulation: {total: 100}\ntarget: {rate: 0.9, probability: 0.9}\n"
        + "waves: [{name: email, rate: 0.2}]\n");
    JsonNode none = ok("survey", "plan", "--plan", f.toString());
    assertFalse(none.get("feasible").asBoolean());
    assertTrue(none.get("statement").asText().startsWith("No plan from these waves"));

    Files.writeString(f, "version: 1\npopulation: {total: 100}\ntarget: {rate: 0.35, probability: 0.9}\n"
        + "waves:\n  - {name: email, rate: 0.2, capacity: 0}\n");
    CliTestSupport bad = fails(3, "survey", "plan", "--plan", f.toString());
    assertTrue(bad.err.contains("waves[0].capacity (line 5): must be 1 or more contacts"), bad.err);
    fails(3, "survey", "plan", "--plan", dir.resolve("missing.yaml").toString());
  }

  /** A value given on the command line that the library rejects is a usage error naming the flag (exit 2). */
  @Test
  void outOfRangeFlagsAreUsageErrors() {
    CliTestSupport margin = fails(2, "survey", "sample-size", "--margin", "1.5", "--confidence", "0.95");
    assertEquals("cskit: --margin must be between 0 and 1, exclusive, found 1.5\n"
        + "Try 'cskit survey sample-size --help' for more information.\n", margin.err);
    fails(2, "survey", "sample-size", "--margin", "0", "--confidence", "0.95");
    assertTrue(fails(2, "survey", "sample-size", "--margin", "0.05", "--confidence", "1").err
        .startsWith("cskit: --confidence must be between 0 and 1, exclusive, found 1"));
    assertTrue(fails(2, "survey", "sample-size", "--margin", "0.05", "--confidence", "0.95", "--proportion", "1.5").err
        .startsWith("cskit: --proportion must be between 0 and 1, inclusive, found 1.5"));
    assertTrue(fails(2, "survey", "margin", "--responses", "10", "--confidence", "0.95", "--proportion", "-0.1").err
        .startsWith("cskit: --proportion must be between 0 and 1, inclusive, found -0.1"));
    assertTrue(fails(2, "survey", "margin", "--responses", "2000", "--population", "1000", "--confidence", "0.95").err
        .startsWith("cskit: --responses must not exceed the population of 1000, found 2000"));
    assertTrue(fails(2, "survey", "nps", "--promoters", "-1", "--passives", "2", "--detractors", "3").err
        .startsWith("cskit: --promoters must be 0 or more, found -1"));
    assertTrue(fails(2, "survey", "invitations", "--target", "10", "--rate", "1.5", "--probability", "0.9").err
        .startsWith("cskit: --rate must be between 0 and 1, inclusive, found 1.5"));
    fails(2, "survey", "invitations", "--target", "-10", "--rate", "0.2", "--probability", "0.9");
    fails(2, "survey", "invitations", "--target", "10", "--prior-alpha", "0", "--prior-beta", "2", "--probability", "0.9");
    assertTrue(fails(2, "survey", "sample-size", "--margin", "0.05", "--confidence", "0.95", "--population", "0").err
        .startsWith("cskit: --population must be 1 or more, found 0"));
    fails(2, "survey", "margin", "--responses", "10", "--confidence", "0.95", "--population", "-5");
    assertTrue(fails(2, "survey", "sample-size", "--margin", "0.05", "--confidence", "0.95", "--nps-promoters", "0.7",
        "--nps-detractors", "0.5").err.startsWith("cskit: --nps-promoters must not exceed 1, found 1.2"));
  }

  /** What no single flag caused stays invalid input (exit 3), as the library words it. */
  @Test
  void invalidInputExitsThree() {
    // the bad count is one of six; nps-compare's flags feed no library argument by name
    fails(3, "survey", "nps-compare", "--promoters-a", "5", "--passives-a", "-2", "--detractors-a", "2",
        "--promoters-b", "1", "--passives-b", "2", "--detractors-b", "3");
    // a rate of 0 can never reach the target: the rule is about the combination
    fails(3, "survey", "invitations", "--target", "10", "--rate", "0", "--probability", "0.9");
    // a value given on the command line is a usage error naming the option (issue 18)
    assertTrue(fails(2, "survey", "nps", "--scores", "5,11").err.contains("--scores must be a whole number from 0 to 10"));
  }

  @Test
  void badFlagsExitTwo() {
    fails(2, "survey", "sample-size", "--margin", "abc", "--confidence", "0.95");
    fails(2, "survey", "sample-size", "--confidence", "0.95");
    fails(2, "survey", "sample-size", "--margin", "0.05", "--confidence", "0.95", "--fpc", "other");
    fails(2, "survey", "sample-size", "--margin", "0.05", "--confidence", "0.95", "--proportion", "0.3",
        "--nps-promoters", "0.5", "--nps-detractors", "0.2");
    fails(2, "survey", "nps", "--promoters", "5", "--passives", "2");
    fails(2, "survey", "nps", "--promoters", "5", "--passives", "2", "--detractors", "1", "--method", "exact");
    fails(2, "survey", "invitations", "--target", "10", "--probability", "0.9");
    fails(2, "survey", "invitations", "--target", "10", "--rate", "0.2", "--prior-alpha", "1", "--prior-beta", "2",
        "--probability", "0.9");
    fails(2, "survey", "plan");
    fails(2, "survey", "nps-compare", "--promoters-a", "5");
    fails(2, "survey", "unknown");
    fails(2, "survey");
  }

  @Test
  void everyCommandHasHelp() {
    for (String c : new String[] {"sample-size", "margin", "nps", "nps-compare", "invitations", "plan", "rate"}) {
      CliTestSupport r = CliTestSupport.run("survey", c, "--help");
      assertEquals(0, r.code);
      assertTrue(r.out.startsWith("Usage: cskit survey " + c), r.out);
    }
    assertEquals(0, CliTestSupport.run("survey", "--help").code);
  }

  @Test
  void demoHasASurveySection() {
    CliTestSupport r = CliTestSupport.run("demo", "--accounts", "300", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode s = r.json().get("survey");
    JsonNode plan = s.get("plan");
    assertTrue(plan.get("statement").asText().contains("35.0% response rate with probability 0.9"));
    if (plan.get("feasible").asBoolean()) {
      assertTrue(plan.get("probability").asDouble() >= 0.9);
    }
    assertTrue(s.get("lastWave").get("invited").asLong() > 0);
    JsonNode risk = s.get("silentAtRisk");
    assertEquals(risk.get("count").asInt(), risk.get("accounts").size());
    assertTrue(risk.get("count").asInt() > 0);
    CliTestSupport text = CliTestSupport.run("demo", "--accounts", "300");
    assertTrue(text.out.contains("== Survey =="));
  }
}
