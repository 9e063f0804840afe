package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
  static final String CARD = String.join("\n",
      "name: demo",
      "version: 2",
      "categories: [{id: use, weight: 3}, {id: care, weight: 1}]",
      "measures:",
      "  - {id: logins, metric: logins, category: use, weight: 1, rule: {type: linear, points: [[0, 0], [10, 100]]}}",
      "  - {id: tickets, metric: tickets, category: care, weight: 1, rule: {type: steps, below: 100, steps: [[1, 50]]}}",
      "caps: [{metric: p1, op: \">\", value: 0, maxScore: 39}]",
      "");

  static final String METRICS = "account_id,logins,tickets,p1\nA1,5,0,0\nA2,10,2,1\nA3,,,0\n";

  private static Path write(Path dir, String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void jsonHasExactlyTheDocumentedShape(@TempDir Path dir) throws Exception {
    Path card = write(dir, "card.yaml", CARD);
    Path metrics = write(dir, "m.csv", METRICS);
    Path overrides = write(dir, "o.yaml", "version: 1\noverrides:\n"
        + "  - {accountId: A1, scope: measure, target: tickets, value: 0, reason: escalation, author: kim,"
        + " from: 2026-06-01, until: 2026-07-01}\n"
        + "  - {accountId: A1, value: 99, from: 2026-05-01, until: 2026-06-30}\n");
    CliTestSupport r = CliTestSupport.run("score", "--scorecard", card.toString(), "--metrics", metrics.toString(),
        "--overrides", overrides.toString(), "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, r.code, r.err);
    JsonNode root = r.json();
    assertEquals(List.of("scorecard", "asOf", "expiredOverrides", "accounts", "warnings"), names(root));
    // the overall override ended at the as-of date: listed as expired, at the top and on its account
    assertEquals(1, root.get("expiredOverrides").size());
    assertEquals("A1", root.get("expiredOverrides").get(0).get("accountId").asText());
    assertEquals("2026-06-30", root.get("asOf").asText());
    assertEquals(0, root.get("warnings").size(), r.out);
    assertEquals(List.of("name", "version", "hash"), names(root.get("scorecard")));
    assertEquals("demo", root.get("scorecard").get("name").asText());
    assertEquals(2, root.get("scorecard").get("version").asInt());
    JsonNode a1 = root.get("accounts").get(0);
    assertEquals(List.of("accountId", "score", "band", "coverage", "scoreBeforeCaps", "categories", "measures",
        "contributions", "shares", "capsApplied", "overridesApplied", "overridesExpired"), names(a1));
    assertEquals(1, a1.get("overridesExpired").size());
    // A1: use = 50, care overridden to 0 -> (3 * 50 + 0) / 4 = 37.5; the overall override ended at the as-of date
    assertEquals(37.5, a1.get("score").asDouble(), 1e-12);
    assertEquals("red", a1.get("band").asText());
    assertEquals(1.0, a1.get("coverage").asDouble(), 0);
    assertEquals(50, a1.get("categories").get("use").asDouble(), 1e-12);
    assertEquals(0, a1.get("measures").get("tickets").asDouble(), 0);
    assertEquals(37.5, a1.get("contributions").get("logins").asDouble(), 1e-12);
    assertEquals(1, a1.get("overridesApplied").size());
    assertEquals("escalation", a1.get("overridesApplied").get(0).get("reason").asText());
    JsonNode a2 = root.get("accounts").get(1);
    // A2: use 100, care 50 -> 87.5, capped at 39
    assertEquals(39, a2.get("score").asDouble(), 0);
    assertEquals(">", a2.get("capsApplied").get(0).get("op").asText());
    assertEquals(39, a2.get("capsApplied").get(0).get("maxScore").asDouble(), 0);
    JsonNode a3 = root.get("accounts").get(2);
    assertTrue(a3.get("score").isNull());
    assertEquals("INSUFFICIENT_DATA", a3.get("band").asText());
    assertTrue(a3.get("categories").get("use").isNull());
    assertTrue(a3.get("contributions").get("logins").isNull());
  }

  @Test
  void csvStartsWithIdScoreBandCoverage(@TempDir Path dir) throws Exception {
    CliTestSupport r = CliTestSupport.run("score", "--scorecard", write(dir, "c.yaml", CARD).toString(),
        "--metrics", write(dir, "m.csv", METRICS).toString(), "--as-of", "2026-06-30", "--format", "csv");
    assertEquals(0, r.code, r.err);
    String[] lines = r.out.split("\r?\n");
    // account_id,score,band,coverage first (segment --scores reads them); the card, its version and as_of are
    // what score validate --snapshots and score track read
    assertTrue(lines[0].startsWith("account_id,score,band,coverage,scorecard,scorecard_version,as_of,"), lines[0]);
    assertTrue(lines[1].startsWith("A1,62.5,yellow,1,demo,2,2026-06-30,"), lines[1]);
    assertTrue(lines[3].startsWith("A3,,INSUFFICIENT_DATA,0,demo,2,2026-06-30,"), lines[3]);
  }

  @Test
  void tableWithExplanations(@TempDir Path dir) throws Exception {
    CliTestSupport r = CliTestSupport.run("score", "--scorecard", write(dir, "c.json",
        "{\"name\":\"j\",\"version\":1,\"measures\":[{\"id\":\"logins\",\"metric\":\"logins\",\"weight\":3,"
            + "\"rule\":{\"type\":\"linear\",\"points\":[[0,0],[10,100]]}},{\"id\":\"tickets\",\"metric\":\"tickets\","
            + "\"weight\":1,\"rule\":{\"type\":\"boolean\",\"whenTrue\":50,\"whenFalse\":100}}]}").toString(),
        "--metrics", write(dir, "m.csv", METRICS).toString(), "--as-of", "2026-06-30", "--explain");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("A1: 62.5 yellow = logins 37.5 + tickets 25.0"), r.out);
  }

  @Test
  void builtInSetWithAccountsOnTheSample(@TempDir Path dir) {
    assertEquals(0, CliTestSupport.run("sample", "--accounts", "60", "--out", dir.toString()).code);
    CliTestSupport r = CliTestSupport.run("score", "--scorecard", "by-stage", "--metrics",
        dir.resolve("metrics.csv").toString(), "--accounts", dir.resolve("accounts.csv").toString(), "--as-of", "2026-06-30",
        "--format", "json");
    assertEquals(0, r.code, r.err);
    JsonNode root = r.json();
    assertEquals("by-stage", root.get("scorecard").get("name").asText());
    assertEquals(60, root.get("accounts").size());
    for (JsonNode a : root.get("accounts")) {
      String card = a.get("scorecard").get("name").asText();
      assertTrue(card.equals("three-axis") || card.equals("onboarding"), card);
      assertTrue(a.get("score").asDouble() >= 0 && a.get("score").asDouble() <= 100);
    }
  }

  @Test
  void badInputExitsThreeWithThePath(@TempDir Path dir) throws Exception {
    Path bad = write(dir, "bad.yaml", CARD.replace("[[0, 0], [10, 100]]", "[[5, 0], [1, 100]]"));
    CliTestSupport r = CliTestSupport.run("score", "--scorecard", bad.toString(), "--metrics",
        write(dir, "m.csv", METRICS).toString(), "--as-of", "2026-06-30");
    assertEquals(3, r.code);
    assertTrue(r.err.startsWith("cskit: " + bad + ", measures[0].rule.points[1][0]"), r.err);
    CliTestSupport missing = CliTestSupport.run("score", "--scorecard", write(dir, "c.yaml", CARD).toString(),
        "--metrics", write(dir, "m2.csv", "account_id,logins,p1\nA1,1,0\n").toString(), "--as-of", "2026-06-30");
    assertEquals(3, missing.code);
    // the file that lacks the metric and the card that reads it (issue 18 item 13)
    assertTrue(missing.err.startsWith("cskit: " + dir.resolve("m2.csv") + ": has no column \"tickets\", which scorecard demo"
        + " reads (measures[1].metric)"), missing.err);
  }

  @Test
  void demoHasAHealthSection() {
    CliTestSupport r = CliTestSupport.run("demo", "--accounts", "150", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode h = r.json().get("health");
    int total = 0;
    for (JsonNode n : h.get("bands")) {
      total += n.asInt();
    }
    assertEquals(150, total);
    assertEquals(10, h.get("atRisk").size());
    double prev = -1;
    for (JsonNode a : h.get("atRisk")) {
      assertTrue(a.get("score").asDouble() >= prev);
      prev = a.get("score").asDouble();
      assertTrue(a.get("reasons").size() > 0);
    }
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
