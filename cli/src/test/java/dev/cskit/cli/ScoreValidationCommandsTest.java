package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cskit.core.ConfigFormat;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.ScoringOptions;
import dev.cskit.scoring.validation.ScoreSnapshots;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cskit score validate} and {@code cskit score fit-weights}, and the demo's validation section. */
class ScoreValidationCommandsTest {
  static final String SNAPSHOTS = String.join("\n",
      "account_id,as_of,score,band,logins,tickets",
      "a1,2026-01-01,20,red,10,40",
      "a2,2026-01-01,30,red,40,20",
      "a3,2026-01-01,50,yellow,30,70",
      "a4,2026-01-01,60,yellow,70,50",
      "a5,2026-01-01,80,green,90,70",
      "a6,2026-01-01,90,green,80,",
      "a7,2026-01-01,75,green,70,80",
      "");
  static final String OUTCOMES = String.join("\n",
      "account_id,churn_date,renewal_date",
      "a1,2026-02-01,2026-02-01",
      "a2,,2026-03-01",
      "a3,2026-03-15,",
      "a4,,2026-02-15",
      "a5,,2026-03-31",
      "a6,,2026-04-01",
      "a7,,2026-04-02",
      "ghost,2026-02-01,",
      "");

  /** Runs {@code cskit score <args>} through {@link Main#run}. */
  static CliTestSupport score(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "score";
    System.arraycopy(args, 0, full, 1, args.length);
    return CliTestSupport.run(full);
  }

  static Path write(Path dir, String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void validateJsonHasTheIssuesKeys(@TempDir Path dir) throws Exception {
    Path s = write(dir, "s.csv", SNAPSHOTS);
    Path o = write(dir, "o.csv", OUTCOMES);
    CliTestSupport r = score("validate", "--snapshots", s.toString(), "--outcomes", o.toString(), "--horizon", "90",
        "--format", "json");
    assertEquals(0, r.code, r.err);
    JsonNode j = r.json();
    List<String> keys = List.of("auc", "aucLower", "aucUpper", "prAuc", "bands", "monotone", "topDecileLift",
        "measures");
    Iterator<String> names = j.fieldNames();
    for (String k : keys) {
      assertEquals(k, names.next(), "the issue's keys come first, in order");
    }
    assertEquals(0.875, j.get("auc").asDouble(), 1e-15);
    assertEquals(0.5 + 0.5 * 2.0 / 3, j.get("prAuc").asDouble(), 1e-15);
    assertEquals(6, j.get("evaluated").asInt());
    assertEquals(1, j.get("leftOut").get("noOutcomeInHorizon").asInt());
    assertEquals(1, j.get("unknownOutcomeAccounts").asInt());
    assertEquals("ghost", j.get("unknownOutcomeAccountIds").get(0).asText());
    assertTrue(r.err.contains("1 outcome row(s) name accounts with no snapshot"), r.err);
    JsonNode red = j.get("bands").get(0);
    assertEquals(List.of("band", "accounts", "churned", "churnRate", "multiple"), fieldNames(red));
    assertEquals("red", red.get("band").asText());
    assertEquals(2, red.get("accounts").asInt());
    assertEquals(1, red.get("churned").asInt());
    assertEquals(0.5, red.get("churnRate").asDouble(), 0);
    assertEquals(1.5, red.get("multiple").asDouble(), 1e-12);
    assertTrue(j.get("monotone").asBoolean());
    assertEquals(3.0, j.get("topDecileLift").asDouble(), 1e-12);
    JsonNode logins = j.get("measures").get(0);
    assertEquals("logins", logins.get("id").asText());
    assertEquals(1.0, logins.get("auc").asDouble(), 0);
    assertTrue(j.get("aucLower").asDouble() < 0.875 && j.get("aucUpper").asDouble() <= 1);

    CliTestSupport table = score("validate", "--snapshots", s.toString(), "--outcomes", o.toString());
    assertEquals(0, table.code, table.err);
    assertTrue(table.out.contains("AUC 0.875"), table.out);
  }

  @Test
  void validateCsvIsTheJsonsTablesInOneWithASectionColumn(@TempDir Path dir) throws Exception {
    Path s = write(dir, "s.csv", SNAPSHOTS);
    Path o = write(dir, "o.csv", OUTCOMES);
    JsonNode j = score("validate", "--snapshots", s.toString(), "--outcomes", o.toString(), "--format", "json")
        .json();
    CliTestSupport r = score("validate", "--snapshots", s.toString(), "--outcomes", o.toString(), "--format", "csv");
    assertEquals(0, r.code, r.err);
    String[] lines = r.out.split("\n");
    assertEquals(String.join(",", ScoreValidateCommand.CSV_HEADER), lines[0]);
    List<String> head = List.of(ScoreValidateCommand.CSV_HEADER);
    Map<String, List<String[]>> bySection = new java.util.LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] c = lines[i].split(",", -1);
      assertEquals(head.size(), c.length, lines[i]);
      bySection.computeIfAbsent(c[head.indexOf("section")], k -> new java.util.ArrayList<>()).add(c);
    }
    assertEquals(List.of("overall", "band", "measure", "measure-band", "calibration"),
        List.copyOf(bySection.keySet()));
    String[] overall = bySection.get("overall").get(0);
    assertEquals(j.get("auc").asDouble(), Double.parseDouble(overall[head.indexOf("auc")]), 0);
    assertEquals(j.get("aucLower").asDouble(), Double.parseDouble(overall[head.indexOf("auc_lower")]), 0);
    assertEquals(j.get("prAuc").asDouble(), Double.parseDouble(overall[head.indexOf("pr_auc")]), 0);
    assertEquals(j.get("evaluated").asInt(), Integer.parseInt(overall[head.indexOf("accounts")]));
    assertEquals(j.get("baseRate").asDouble(), Double.parseDouble(overall[head.indexOf("churn_rate")]), 0);
    assertEquals(j.get("bands").size(), bySection.get("band").size());
    for (int b = 0; b < j.get("bands").size(); b++) {
      JsonNode band = j.get("bands").get(b);
      String[] c = bySection.get("band").get(b);
      assertEquals(band.get("band").asText(), c[head.indexOf("band")]);
      assertEquals(band.get("churned").asInt(), Integer.parseInt(c[head.indexOf("churned")]));
      assertEquals(band.get("multiple").asDouble(), Double.parseDouble(c[head.indexOf("multiple")]), 0);
    }
    assertEquals(j.get("measures").get(0).get("id").asText(), bySection.get("measure").get(0)[head.indexOf("measure")]);
    assertEquals(j.get("calibration").get("reliability").size(), bySection.get("calibration").size());
  }

  @Test
  void validateErrors(@TempDir Path dir) throws Exception {
    Path s = write(dir, "s.csv", SNAPSHOTS);
    Path o = write(dir, "o.csv", OUTCOMES);
    CliTestSupport h = score("validate", "--snapshots", s.toString(), "--outcomes", o.toString(), "--horizon", "0");
    assertEquals(2, h.code);
    assertEquals("cskit: --horizon must be a positive number of days, found 0\n"
        + "Try 'cskit score validate --help' for more information.\n", h.err);
    Path none = write(dir, "none.csv", "account_id,churn_date,renewal_date\na2,,2026-03-01\na4,,2026-02-15\n");
    CliTestSupport n = score("validate", "--snapshots", s.toString(), "--outcomes", none.toString());
    assertEquals(3, n.code);
    assertTrue(n.err.startsWith("cskit: validation: no account churned"), n.err);
    Path undated = write(dir, "u.csv", "account_id,as_of,score,band\na1,,20,red\n");
    CliTestSupport u = score("validate", "--snapshots", undated.toString(), "--outcomes", o.toString());
    assertEquals(3, u.code);
    assertTrue(u.err.contains("row 2, column \"as_of\": every snapshot needs its as-of date"), u.err);
  }

  @Test
  void fitWeightsWritesTheNextVersion(@TempDir Path dir) throws Exception {
    SamplePortfolio p = SamplePortfolio.generate(400, 42);
    Scorecard card = Scorecard.builtIn("three-axis");
    Path cardFile = write(dir, "card.yaml", card.write(ConfigFormat.YAML));
    ScoreTable t = card.compile().score(p.metrics(), ScoringOptions.builder().accounts(p.accounts()).build());
    Path s = dir.resolve("snapshots.csv");
    try (Writer w = Files.newBufferedWriter(s)) {
      ScoreSnapshots.of(t, p.asOf()).writeCsv(w);
    }
    StringBuilder o = new StringBuilder("account_id,churn_date,renewal_date\n");
    p.outcomes().forEach(x -> o.append(x.accountId()).append(',')
        .append(x.churnDate() == null ? "" : x.churnDate().toString()).append(',').append(x.renewalDate()).append('\n'));
    Path out = write(dir, "outcomes.csv", o.toString());
    Path next = dir.resolve("next.yaml");
    CliTestSupport r = score("fit-weights", "--scorecard", cardFile.toString(), "--snapshots", s.toString(),
        "--outcomes", out.toString(), "--horizon", "365", "--out", next.toString(), "--format", "json");
    assertEquals(0, r.code, r.err);
    JsonNode j = r.json();
    assertEquals(2, j.get("scorecard").get("version").asInt());
    Scorecard fitted = Scorecard.read(next);
    assertEquals(2, fitted.version());
    assertEquals(Files.readString(next), j.get("card").asText());
    assertEquals(card.measures().size(), j.get("weights").size());
    double sum = 0;
    for (JsonNode w : j.get("weights")) {
      assertEquals(w.get("fitted").asDouble() - w.get("current").asDouble(), w.get("change").asDouble(), 1e-12);
      assertTrue(w.get("fitted").asDouble() >= 0);
      sum += w.get("fitted").asDouble();
    }
    assertEquals(100.0, sum, 1e-9); // the three-axis categories weigh 40 + 25 + 35
    CliTestSupport yaml = score("fit-weights", "--scorecard", cardFile.toString(), "--snapshots", s.toString(),
        "--outcomes", out.toString(), "--horizon", "365");
    assertEquals(0, yaml.code, yaml.err);
    assertEquals(fitted, Scorecard.parse(yaml.out, ConfigFormat.YAML, "stdout"));
    CliTestSupport csv = score("fit-weights", "--scorecard", cardFile.toString(), "--snapshots", s.toString(),
        "--outcomes", out.toString(), "--horizon", "365", "--format", "csv");
    assertEquals(0, csv.code, csv.err);
    String[] lines = csv.out.split("\n");
    assertEquals("weight,current,fitted,change,removed", lines[0]);
    assertEquals(j.get("changes").size(), lines.length - 1);
    for (int i = 1; i < lines.length; i++) {
      String[] c = lines[i].split(",", -1);
      JsonNode change = j.get("changes").get(i - 1);
      assertEquals(change.get("path").asText(), c[0]);
      assertEquals(change.get("fitted").asDouble(), Double.parseDouble(c[2]), 0);
      assertEquals(change.get("change").asDouble(), Double.parseDouble(c[3]), 0);
    }
  }

  @Test
  void fitWeightsOutOfTimeAndValidateOptions(@TempDir Path dir) throws Exception {
    Path card = write(dir, "card.yaml", String.join("\n",
        "name: three",
        "version: 7",
        "measures:",
        "  - {id: m1, metric: m1, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}",
        "  - {id: m2, metric: m2, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}",
        "  - {id: m3, metric: m3, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}",
        ""));
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    StringBuilder s = new StringBuilder("account_id,as_of,score,band,m1,m2,m3\n");
    StringBuilder o = new StringBuilder("account_id,churn_date,renewal_date\n");
    java.time.LocalDate t0 = java.time.LocalDate.of(2025, 1, 1);
    for (int d = 0; d < 4; d++) {
      java.time.LocalDate asOf = t0.plusDays(91L * d);
      for (int i = 0; i < 400; i++) {
        double[] x = {Math.rint(100 * rnd.nextDouble()), Math.rint(100 * rnd.nextDouble()),
            Math.rint(100 * rnd.nextDouble())};
        double score = (x[0] + x[1] + x[2]) / 3;
        String band = score < 40 ? "red" : score < 70 ? "yellow" : "green";
        boolean churn = rnd.nextDouble() < 1 / (1 + Math.exp(-(1.5 - 6 * x[2] / 100)));
        String id = "d" + d + "a" + i;
        s.append(id).append(',').append(asOf).append(',').append(score).append(',').append(band).append(',')
            .append(x[0]).append(',').append(x[1]).append(',').append(x[2]).append('\n');
        java.time.LocalDate when = asOf.plusDays(1 + rnd.nextInt(89));
        o.append(id).append(',').append(churn ? when.toString() : "").append(',').append(when).append('\n');
      }
    }
    Path sf = write(dir, "s.csv", s.toString());
    Path of = write(dir, "o.csv", o.toString());
    CliTestSupport r = score("fit-weights", "--scorecard", card.toString(), "--snapshots", sf.toString(), "--outcomes",
        of.toString(), "--horizon", "90", "--split-date", t0.plusDays(273).toString(), "--format", "json");
    assertEquals(0, r.code, r.err);
    JsonNode oot = r.json().get("outOfTime");
    assertEquals(400, oot.get("testEvaluated").asInt());
    assertEquals(1200, oot.get("trainEvaluated").asInt());
    assertTrue(oot.get("fittedAuc").asDouble() > oot.get("currentAuc").asDouble() + 0.05, oot.toString());
    assertEquals(8, r.json().get("scorecard").get("version").asInt());
    JsonNode m3 = r.json().get("weights").get(2);
    assertEquals("m3", m3.get("id").asText());
    assertTrue(m3.get("fitted").asDouble() > 2, m3.toString()); // most of the total of 3

    CliTestSupport boot = score("validate", "--snapshots", sf.toString(), "--outcomes", of.toString(), "--interval",
        "bootstrap", "--replicates", "300", "--seed", "9", "--scorecard", card.toString(), "--format", "json");
    assertEquals(0, boot.code, boot.err);
    assertEquals("bootstrap", boot.json().get("aucMethod").asText());
    assertEquals(boot.out, score("validate", "--snapshots", sf.toString(), "--outcomes", of.toString(),
        "--interval", "bootstrap", "--replicates", "300", "--seed", "9", "--scorecard", card.toString(),
        "--format", "json").out);
    CliTestSupport bad = score("validate", "--snapshots", sf.toString(), "--outcomes", of.toString(), "--level", "1.5");
    assertEquals(2, bad.code);
    assertEquals("cskit: --level must be in (0, 1), found 1.5\n"
        + "Try 'cskit score validate --help' for more information.\n", bad.err);
    CliTestSupport canonical = score("validate", "--snapshots", sf.toString(), "--outcomes", of.toString(),
        "--confidence", "1.5");
    assertEquals(2, canonical.code);
    assertTrue(canonical.err.startsWith("cskit: --confidence must be in (0, 1), found 1.5\n"), canonical.err);
  }

  @Test
  void scoreStillRequiresItsOwnOptionsWithoutASubcommand() {
    CliTestSupport none = CliTestSupport.run("score");
    assertEquals(2, none.code);
    assertEquals("cskit: Missing required options: '--scorecard=FILE', '--metrics=FILE'\n"
        + "Try 'cskit score --help' for more information.\n", none.err);
    CliTestSupport one = CliTestSupport.run("score", "--scorecard", "three-axis");
    assertEquals(2, one.code);
    assertTrue(one.err.startsWith("cskit: Missing required option: '--metrics=FILE'\n"), one.err);
  }

  @Test
  void demoShowsTheValidation() {
    CliTestSupport r = CliTestSupport.run("demo", "--accounts", "300", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode v = r.json().get("validation");
    assertTrue(v.get("auc").asDouble() > 0.6, v.toString());
    assertTrue(v.get("aucLower").asDouble() < v.get("auc").asDouble());
    assertEquals(3, v.get("bands").size());
    assertFalse(v.get("weights").isEmpty());
    CliTestSupport text = CliTestSupport.run("demo", "--accounts", "300");
    assertTrue(text.out.contains("== Validation: does the health score predict churn? =="), text.out);
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void aScorecardSetWhereOneCardIsNeededIsNamed() {
    CliTestSupport r = CliTestSupport.run("score", "validate", "--scorecard", "by-stage", "--snapshots", "x.csv",
        "--outcomes", "y.csv");
    assertEquals(3, r.code);
    assertEquals("cskit: by-stage: a single scorecard is needed here, not a scorecard set (built-in scorecards: "
        + "three-axis, onboarding); found \"by-stage\"\n", r.err);
  }

  /**
   * A scorecard set's score output names each row's card, its version and as_of, reads back as snapshots, and
   * is validated (and fitted) per card, never pooled: each card's evaluated count is the number of its rows
   * with an outcome in the horizon, counted here from the files.
   */
  @Test
  void aSetsScoreOutputIsValidatedPerCard(@TempDir Path dir) throws Exception {
    assertEquals(0, CliTestSupport.run("sample", "--out", dir.toString(), "--accounts", "300").code);
    CliTestSupport csv = score("--scorecard", "by-stage", "--metrics", dir.resolve("metrics.csv").toString(),
        "--accounts", dir.resolve("accounts.csv").toString(), "--as-of", "2026-06-30", "--format", "csv");
    assertEquals(0, csv.code, csv.err);
    String[] lines = csv.out.split("\n");
    assertTrue(lines[0].startsWith("account_id,score,band,coverage,scorecard,scorecard_version,as_of,"), lines[0]);
    Path snaps = write(dir, "scores.csv", csv.out);
    java.util.Map<String, Integer> rows = new java.util.TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      assertEquals("2026-06-30", f[6]);
      rows.merge(f[4], 1, Integer::sum);
    }
    assertEquals(java.util.Set.of("onboarding", "three-axis"), rows.keySet());
    CliTestSupport v = score("validate", "--snapshots", snaps.toString(), "--outcomes",
        dir.resolve("outcomes.csv").toString(), "--horizon", "365", "--format", "json");
    assertEquals(0, v.code, v.err);
    com.fasterxml.jackson.databind.JsonNode cards = v.json().get("scorecards");
    assertEquals(2, cards.size());
    for (com.fasterxml.jackson.databind.JsonNode c : cards) {
      // the sample's outcomes give every account a renewal or a churn within the year
      assertEquals((int) rows.get(c.get("scorecard").asText()), c.get("evaluated").asInt(), c.toString());
    }
    CliTestSupport fit = score("fit-weights", "--scorecard", "three-axis", "--snapshots", snaps.toString(),
        "--outcomes", dir.resolve("outcomes.csv").toString(), "--horizon", "365", "--format", "json");
    assertEquals(0, fit.code, fit.err);
    assertEquals((int) rows.get("three-axis"), fit.json().get("evaluated").asInt());
  }
}
