package dev.cskit.benchmarks;

import dev.cskit.benchmarks.card.CardData;
import dev.cskit.benchmarks.card.CardSpec;
import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.MetricTable;
import dev.cskit.scoring.HealthScorer;
import dev.cskit.scoring.ScoreOverride;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.ScoringOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What each feature costs on top of the plain card (12 linear measures), scored by the engine over the same
 * accounts (100k by default; scalar rules): caps (two caps), overrides (1% of accounts, overall, measure),
 * percentile rules (3 of the 12 measures), trend rules (3 of the 12), and explanations (the per-measure
 * sub-score columns, computed on first use, and the attribution text of 1000 accounts).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class FeatureBenchmark {
  @Param("100000")
  public int accounts;

  MetricTable table;
  HealthScorer plain;
  HealthScorer capped;
  HealthScorer percentile;
  HealthScorer trend;
  List<ScoreOverride> overrides;
  Instant asOf;

  @Setup(Level.Trial)
  public void setUp() {
    CardSpec card = CardSpec.standard();
    table = CardData.withPrevious(card, CardData.generate(card, accounts, CardState.SEED), 3, CardState.SEED + 1);
    plain = compile(card.toScorecardJson());
    capped = compile(card.toScorecardJson(0, 0, "[{\"metric\":\"" + card.metric(0)
        + "\",\"op\":\">\",\"value\":" + card.xs(0)[2] + ",\"maxScore\":39},{\"metric\":\"" + card.metric(4)
        + "\",\"op\":\"<=\",\"value\":" + card.xs(4)[0] + ",\"maxScore\":69}]"));
    percentile = compile(card.toScorecardJson(3, 0, null));
    trend = compile(card.toScorecardJson(0, 3, null));
    SplittableRandom rnd = new SplittableRandom(7);
    asOf = Instant.parse("2026-06-30T00:00:00Z");
    overrides = new ArrayList<>();
    for (int i = 0; i < accounts; i += 100) {
      AccountId id = table.accountId(i + rnd.nextInt(0, Math.min(100, accounts - i)));
      boolean overall = rnd.nextBoolean();
      overrides.add(ScoreOverride.of(id.value(), overall ? ScoreOverride.Scope.OVERALL : ScoreOverride.Scope.MEASURE,
          overall ? null : "m" + (1 + rnd.nextInt(0, 12)), 55.0, "benchmark", "perf",
          asOf.minusSeconds(86_400), rnd.nextInt(0, 4) == 0 ? asOf.minusSeconds(60) : null));
    }
  }

  private static HealthScorer compile(String json) {
    return Scorecard.parse(json, ConfigFormat.JSON, "feature card").compile();
  }

  @Benchmark
  public ScoreTable plain() {
    return plain.score(table);
  }

  @Benchmark
  public ScoreTable caps() {
    return capped.score(table);
  }

  @Benchmark
  public ScoreTable overrides() {
    return plain.score(table, ScoringOptions.builder().overrides(overrides).asOf(asOf).build());
  }

  @Benchmark
  public ScoreTable percentile() {
    return percentile.score(table);
  }

  @Benchmark
  public ScoreTable trend() {
    return trend.score(table);
  }

  /** Scoring plus every measure's sub-score column (what explanations read). */
  @Benchmark
  public double explanationColumns() {
    ScoreTable t = plain.score(table);
    return t.measureScore(0, "m1");
  }

  /** Scoring plus the attribution (explanation text) of 1000 accounts. */
  @Benchmark
  public void explain1000(Blackhole bh) {
    ScoreTable t = plain.score(table);
    int step = Math.max(1, accounts / 1000);
    for (int i = 0; i < accounts; i += step) {
      bh.consume(t.row(i).attribution().toString());
    }
  }
}
