package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.Account;
import dev.cskit.core.MetricTable;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.scoring.HealthScore;
import dev.cskit.scoring.Overrides;
import dev.cskit.scoring.ScoreOverride;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.ScoringOptions;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed score output (detail computed block by block by {@link ScoreTable#forEachRow}, JSON written
 * one account at a time) is the text the whole-document route gave, where every row was re-scored alone by
 * {@link ScoreTable#row}: the oracle. More accounts than one detail block, a scorecard set (rows of two
 * cards interleaved in each block) and overrides in several blocks.
 */
class StreamingOutputTest {
  private static SamplePortfolio sample;
  private static List<ScoreOverride> overrides;

  @BeforeAll
  static void setUp(@TempDir Path dir) throws Exception {
    sample = SamplePortfolio.generate(5000, SamplePortfolio.DEFAULT_SEED);
    List<Account> a = sample.accounts();
    StringBuilder yaml = new StringBuilder("version: 1\noverrides:\n");
    for (int i : new int[] {3, 4100, 4999}) {
      yaml.append("  - {accountId: ").append(a.get(i).id().value())
          .append(", value: 12, reason: escalation, author: kim, from: 2026-06-01, until: 2026-07-31}\n");
    }
    yaml.append("  - {accountId: ").append(a.get(4500).id().value())
        .append(", scope: category, target: engagement, value: 0, reason: outage, author: kim, from: 2026-06-01}\n");
    Path file = dir.resolve("o.yaml");
    Files.writeString(file, yaml);
    overrides = Overrides.read(file).overrides();
  }

  private static void check(String card, boolean explain) {
    ScoreCommand.Loaded loaded = ScoreCommand.load(card);
    MetricTable metrics = sample.metrics();
    ScoreTable scores = loaded.scorer().score(metrics, ScoringOptions.builder().accounts(sample.accounts())
        .overrides(overrides).asOf(Instant.parse("2026-06-30T00:00:00Z")).build());
    List<Object> rows = new ArrayList<>();
    int applied = 0;
    for (int i = 0; i < scores.size(); i++) {
      HealthScore h = scores.row(i); // the old route: each row re-run alone
      applied += h.overridesApplied().size();
      rows.add(ScoreCommand.jsonRow(h, loaded.isSet(), explain));
    }
    assertTrue(applied >= 3, "overrides must be exercised: " + applied);
    List<Object> expired = new ArrayList<>();
    scores.expiredOverrides().forEach((id, list) -> list.forEach(o -> {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("accountId", id.value());
      m.putAll(ScoreCommand.overrideJson(o));
      expired.add(m);
    }));
    String expected = Json.write(Json.object("scorecard", ScoreCommand.refJson(loaded.ref()),
        "expiredOverrides", expired, "accounts", rows));
    StringWriter out = new StringWriter();
    ScoreCommand.writeJson(loaded.ref(), scores, loaded.isSet(), explain, out);
    assertEquals(expected, out.toString());
    List<HealthScore> streamed = scores.rows();
    for (int i = 0; i < scores.size(); i += 97) {
      assertEquals(scores.row(i), streamed.get(i));
    }
  }

  @Test
  void scorecardSetWithExplanations() {
    check("by-stage", true);
  }

  @Test
  void oneCard() {
    check("three-axis", false);
  }
}
