package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: inputs that gave silent wrong answers or left files behind now get a clear answer. */
class SilentAnswersTest {

  /** One row in days-times-a-billion cannot move the Kaplan-Meier median without a message: it is refused. */
  @Test
  void oneAbsurdDurationCannotMoveTheMedianSilently(@TempDir Path dir) throws Exception {
    Path sample = dir.resolve("s");
    assertEquals(0, CliTestSupport.run("sample", "--out", sample.toString(), "--accounts", "120").code);
    CliTestSupport d = CliTestSupport.run("ttv", "from-events", "--events", sample.resolve("milestones.csv").toString(),
        "--start", "contract_signed", "--value", "first_value", "--as-of", "2026-06-30");
    assertEquals(0, d.code, d.err);
    Path good = Files.writeString(dir.resolve("good.csv"), d.out);
    CliTestSupport km = CliTestSupport.run("ttv", "km", "--input", good.toString(), "--event-column", "reached_value");
    assertEquals(0, km.code, km.err);
    JsonNode median = km.json().findValue("median");
    assertTrue(median != null && median.get("value").isNumber(), km.out);
    List<String> lines = d.out.lines().toList();
    String[] cells = lines.get(1).split(",", -1);
    cells[3] = "1e10"; // time
    String bad = Stream.concat(Stream.of(lines.get(0), String.join(",", cells)), lines.stream().skip(2))
        .reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
    Path badFile = Files.writeString(dir.resolve("bad.csv"), bad);
    CliTestSupport r = CliTestSupport.run("ttv", "km", "--input", badFile.toString(), "--event-column", "reached_value");
    assertEquals(Main.INVALID_INPUT, r.code, r.out);
    assertTrue(r.err.contains("bad.csv, row 2, column \"time\"") && r.err.contains("36500"), r.err);
    assertEquals("", r.out);
  }

  @Test
  void sampleRefusesToOverwriteAndWritesAllOrNothing(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    assertEquals(0, CliTestSupport.run("sample", "--out", out.toString(), "--accounts", "5").code);
    String before = Files.readString(out.resolve("accounts.csv"));
    CliTestSupport again = CliTestSupport.run("sample", "--out", out.toString(), "--accounts", "6");
    assertEquals(Main.INVALID_INPUT, again.code);
    assertTrue(again.err.contains("--force"), again.err);
    assertEquals(before, Files.readString(out.resolve("accounts.csv")));
    assertEquals(0, CliTestSupport.run("sample", "--out", out.toString(), "--accounts", "6", "--force").code);
    assertFalse(before.equals(Files.readString(out.resolve("accounts.csv"))));
    // a target that is a directory: nothing written, no temporary file left
    Path half = dir.resolve("half");
    Files.createDirectories(half.resolve("metrics.csv"));
    CliTestSupport r = CliTestSupport.run("sample", "--out", half.toString(), "--accounts", "5");
    assertEquals(Main.INVALID_INPUT, r.code, r.err);
    assertTrue(r.err.contains("metrics.csv"), r.err);
    try (Stream<Path> s = Files.list(half)) {
      assertEquals(List.of(half.resolve("metrics.csv")), s.toList());
    }
  }

  @Test
  void warningsGoToStderrAndTheJson(@TempDir Path dir) throws Exception {
    Path sample = dir.resolve("s");
    assertEquals(0, CliTestSupport.run("sample", "--out", sample.toString(), "--accounts", "20").code);
    Path ov = Files.writeString(dir.resolve("ov.yaml"), "version: 1\noverrides:\n"
        + "  - {accountId: GONE1, scope: overall, value: 80, reason: r, author: a, from: 2026-01-01}\n");
    CliTestSupport r = CliTestSupport.run("score", "--scorecard", "three-axis", "--metrics",
        sample.resolve("metrics.csv").toString(), "--accounts", sample.resolve("accounts.csv").toString(),
        "--overrides", ov.toString(), "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, r.code, r.err);
    assertTrue(r.err.contains("cskit: warning: overrides[0].accountId") && r.err.contains("GONE1"), r.err);
    JsonNode w = r.json().get("warnings");
    assertEquals(1, w.size(), r.out);
    assertTrue(w.get(0).asText().contains("GONE1"));
  }

  @Test
  void aLongCellIsCutInTheMessageAndARunawayFileEnds(@TempDir Path dir) throws Exception {
    Path acc = dir.resolve("a.csv");
    Files.writeString(acc, "account_id,arr,seats\nA1," + "7".repeat(2_000_000) + ",3\n", StandardCharsets.UTF_8);
    CliTestSupport r = CliTestSupport.run("segment", "--model", "example", "--accounts", acc.toString(),
        "--as-of", "2026-06-30");
    assertEquals(Main.INVALID_INPUT, r.code, r.err);
    assertTrue(r.err.length() < 400, r.err.length() + " characters");
    assertTrue(r.err.contains("a.csv"), r.err);
    Path yaml = dir.resolve("card.yaml");
    Files.writeString(yaml, "name: \"" + "x".repeat(6_000_000) + "\"\n");
    CliTestSupport c = CliTestSupport.run("score", "--scorecard", yaml.toString(), "--metrics", acc.toString(),
        "--as-of", "2026-06-30");
    assertEquals(Main.INVALID_INPUT, c.code, c.err);
    assertTrue(c.err.contains("at most 1048576 bytes"), c.err);
  }

  @Test
  void yamlAnchorsAndAliasesAreRead(@TempDir Path dir) throws Exception {
    Path sample = dir.resolve("s");
    assertEquals(0, CliTestSupport.run("sample", "--out", sample.toString(), "--accounts", "20").code);
    String card = "name: a\nversion: 1\nbands: [{name: red, min: 0}, {name: green, min: 50}]\n"
        + "categories: [{id: u, weight: 1}]\nmeasures:\n"
        + "  - {id: l, metric: login_30d, category: u, weight: 1, rule: {type: linear, points: &pts [[0, 0], [10, 100]]}}\n"
        + "  - {id: f, metric: feature_used_30d, category: u, weight: 1, rule: {type: linear, points: *pts}}\n";
    Path withAlias = Files.writeString(dir.resolve("alias.yaml"), card);
    Path expanded = Files.writeString(dir.resolve("plain.yaml"),
        card.replace("&pts ", "").replace("*pts", "[[0, 0], [10, 100]]"));
    CliTestSupport a = CliTestSupport.run("score", "--scorecard", withAlias.toString(), "--metrics",
        sample.resolve("metrics.csv").toString(), "--format", "csv", "--as-of", "2026-06-30");
    CliTestSupport b = CliTestSupport.run("score", "--scorecard", expanded.toString(), "--metrics",
        sample.resolve("metrics.csv").toString(), "--format", "csv", "--as-of", "2026-06-30");
    assertEquals(0, a.code, a.err);
    assertEquals(b.out, a.out);
  }

  /** Declared event types always get their columns, even when none occurs up to the as-of date (item 8). */
  @Test
  void declaredEventTypesAlwaysGetColumns(@TempDir Path dir) throws Exception {
    Path sample = dir.resolve("s");
    assertEquals(0, CliTestSupport.run("sample", "--out", sample.toString(), "--accounts", "10").code);
    CliTestSupport r = CliTestSupport.run("usage", "--accounts", sample.resolve("accounts.csv").toString(),
        "--events", sample.resolve("events.csv").toString(), "--as-of", "2026-06-30", "--windows", "14",
        "--event-types", "login,webinar_attended");
    assertEquals(0, r.code, r.err);
    String header = r.out.lines().findFirst().orElseThrow();
    assertTrue(header.contains("login_14d") && header.contains("webinar_attended_14d"), header);
    assertFalse(header.contains("feature_used_14d"), header);
    CliTestSupport clash = CliTestSupport.run("usage", "--accounts", sample.resolve("accounts.csv").toString(),
        "--events", sample.resolve("events.csv").toString(), "--as-of", "2026-06-30", "--event-types", "events");
    assertEquals(Main.USAGE, clash.code, clash.err);
    assertTrue(clash.err.contains("--event-types"), clash.err);
  }
}
