package dev.cskit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.Account;
import dev.cskit.core.ConfigException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageAggregator;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.scoring.ScoringOptions;
import dev.cskit.scoring.HealthScore;
import dev.cskit.scoring.ScoreOverride;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.ScorecardSet;
import dev.cskit.scoring.validation.ScoreSnapshots;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark scoring equals the local engine for every account and column, bit for bit: the by-stage scorecard set
 * (an onboarding card and the three-axis card with a segmented percentile measure), overrides active and
 * expired, from Spark-aggregated usage joined with CRM metrics, on 1 to 7 partitions and in small blocks.
 */
class SparkScorerTest {
  static final LocalDate AS_OF = SamplePortfolio.DEFAULT_AS_OF;
  static final Instant AT = AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant();
  static final List<String> TYPES = List.of("login", "feature_used", "app_built", "support_question",
      "seminar_attended", "email_clicked");

  static SamplePortfolio sample;
  static Dataset<Row> accounts;
  static Dataset<Row> events;
  static Dataset<Row> crm;
  static List<ScoreOverride> overrides;
  static ScoreTable local;
  static List<HealthScore> localRows;
  static ScorerSpec spec = ScorerSpec.builtIn("by-stage");

  @TempDir
  static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    sample = SamplePortfolio.generate(100, 5);
    Dataset<Row>[] csv = LocalSpark.csv(sample, sample.usageEvents().toList(), dir);
    accounts = csv[0].cache();
    events = csv[1].cache();
    crm = LocalSpark.frame(sample.crm()).cache();
    List<Account> acc = sample.accounts();
    String onboarding = acc.stream().filter(a -> a.stage() == LifecycleStage.ONBOARDING).findFirst()
        .orElseThrow().id().value();
    List<String> adopted = acc.stream().filter(a -> a.stage() != LifecycleStage.ONBOARDING)
        .map(a -> a.id().value()).toList();
    overrides = List.of(
        ScoreOverride.of(onboarding, ScoreOverride.Scope.MEASURE, "active_days", 90, "call went well", "cs",
            AT.minusSeconds(86_400 * 10), null),
        ScoreOverride.of(adopted.get(0), ScoreOverride.Scope.CATEGORY, "engagement", 15, "exec left", "cs",
            AT.minusSeconds(86_400 * 3), AT.plusSeconds(86_400 * 30)),
        ScoreOverride.of(adopted.get(1), ScoreOverride.Scope.OVERALL, null, 55, "known issue", "cs",
            AT.minusSeconds(86_400), null),
        ScoreOverride.of(adopted.get(2), ScoreOverride.Scope.MEASURE, "logins", 100, "expired", "cs",
            AT.minusSeconds(86_400 * 60), AT.minusSeconds(86_400 * 30)));
    local = ScorecardSet.builtIn("by-stage").compile().score(sample.metrics(),
        ScoringOptions.builder().accounts(acc).overrides(overrides).asOf(AT).build());
    localRows = local.rows();
  }

  static void assertSameScores(Dataset<Row> spark, String what) {
    assertSameScores(spark.collectAsList(), Arrays.asList(spark.columns()), what);
  }

  static void assertSameScores(List<Row> rows, List<String> cols, String what) {
    assertEquals(local.size(), rows.size(), what + ": one row per account");
    Map<String, Row> byId = new HashMap<>();
    rows.forEach(r -> byId.put(r.getString(0), r));
    int contributions = 0;
    for (int i = 0; i < local.size(); i++) {
      String id = local.accountId(i).value();
      Row r = byId.get(id);
      String at = what + " " + id + " ";
      assertBits(local.score(i), r.getDouble(cols.indexOf("score")), at + "score");
      assertEquals(local.band(i).name(), r.getString(cols.indexOf("band")), at + "band");
      assertBits(local.coverage(i), r.getDouble(cols.indexOf("coverage")), at + "coverage");
      assertEquals(local.scorecard(i).name(), r.getString(cols.indexOf("card")), at + "card");
      assertEquals(local.scorecard(i).version(), r.getInt(cols.indexOf("card_version")), at + "version");
      assertEquals(local.scorecard(i).hash(), r.getString(cols.indexOf("card_hash")), at + "hash");
      for (String c : local.categoryIds()) {
        assertBits(local.categoryScore(i, c), r.getDouble(cols.indexOf("category_" + c)), at + c);
      }
      for (String m : local.measureIds()) {
        assertBits(local.measureScore(i, m), r.getDouble(cols.indexOf("measure_" + m)), at + m);
        Double c = localRows.get(i).contributions().get(m);
        assertBits(c == null ? Double.NaN : c, r.getDouble(cols.indexOf("contribution_" + m)), at + "contribution " + m);
        contributions += c != null && c > 0 ? 1 : 0;
      }
    }
    assertTrue(contributions > 0, "some contributions are positive");
  }

  static void assertBits(double want, double got, String what) {
    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), what + ": local " + want + ", spark " + got);
  }

  @Test
  void theSampleIsAFairTest() {
    // both cards score accounts, overrides apply, the percentile measure ranks within segments
    assertTrue(local.bandCounts().size() > 2, local.bandCounts().toString());
    long onboarding = sample.accounts().stream().filter(a -> a.stage() == LifecycleStage.ONBOARDING).count();
    assertTrue(onboarding > 0 && onboarding < sample.size(), "onboarding accounts: " + onboarding);
    assertTrue(local.percentileReference().population("logins", "smb").length > 10);
    assertEquals(List.of(overrides.get(3)), local.expiredOverrides().values().iterator().next());
    assertEquals(55.0, local.score(local.rowOf(dev.cskit.core.AccountId.of(overrides.get(2).accountId()))));
  }

  @Test
  void oneToSevenPartitionsAndSmallBlocksGiveTheSameAnswer() {
    // seven pipelines from the CSV input, the events and the scoring input cut into 1 to 7 partitions (blocks
    // of 5p rows; one block for the whole partition at p = 1), run as one Spark job
    Dataset<Row> all = null;
    for (int p = 1; p <= 7; p++) {
      Dataset<Row> usage = SparkUsageAggregator.builder().asOf(AS_OF).windows(14, 30).eventTypes(TYPES).build()
          .aggregate(events.repartition(p), accounts);
      // cached: the reference pass and the scoring pass read it (see SparkScorer)
      Dataset<Row> metrics = usage.join(crm, "account_id").repartition(p).cache();
      Dataset<Row> scored = SparkScorer.of(spec).withBlockRows(p == 1 ? SparkScorer.DEFAULT_BLOCK_ROWS : 5 * p)
          .score(metrics, accounts, overrides, AT, ScoreColumns.ALL)
          .withColumn("partitions", org.apache.spark.sql.functions.lit(p));
      all = all == null ? scored : all.union(scored);
    }
    Map<Integer, List<Row>> byP = new HashMap<>();
    for (Row r : all.collectAsList()) {
      byP.computeIfAbsent(r.getInt(r.size() - 1), k -> new ArrayList<>()).add(r);
    }
    List<String> cols = Arrays.asList(all.columns());
    for (int p = 1; p <= 7; p++) {
      assertSameScores(byP.get(p), cols, p + " partitions");
    }
  }

  @Test
  void parquetSnapshotsReadBackAsTheLocalSnapshots() {
    Dataset<Row> scored = SparkScorer.of(spec).score(LocalSpark.frame(sample.metrics()), accounts, overrides, AT,
        ScoreColumns.SUB_SCORES);
    String path = dir.resolve("snapshots").toString();
    SparkSnapshots.append(SparkSnapshots.of(scored, AS_OF), path);
    Dataset<Row> read = LocalSpark.session().read().parquet(path);
    assertEquals(SparkSnapshots.FIXED_COLUMNS, Arrays.asList(read.columns()).subList(0, 7));
    ScoreSnapshots got = SparkSnapshots.collect(read);
    ScoreSnapshots want = ScoreSnapshots.of(local, AS_OF);
    assertEquals(want.size(), got.size());
    assertEquals(new java.util.TreeSet<>(want.measures()), new java.util.TreeSet<>(got.measures()));
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < got.size(); i++) {
      rowOf.put(got.accountId(i).value(), i);
    }
    for (int i = 0; i < want.size(); i++) {
      int j = rowOf.get(want.accountId(i).value());
      assertEquals(AS_OF, got.asOf(j));
      assertBits(want.score(i), got.score(j), "score");
      assertEquals(want.band(i), got.band(j));
      for (String m : want.measures()) {
        assertBits(want.subScores(m)[i], got.subScores(m)[j], m);
      }
    }
  }

  @Test
  void theSpecTravelsAndCompilesOncePerJvm() throws Exception {
    assertEquals(ScorecardSet.builtIn("by-stage").ref().hash(), spec.hash());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(spec);
    }
    ScorerSpec copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ScorerSpec) in.readObject();
    }
    assertEquals(spec, copy);
    assertSame(spec.compile(), copy.compile());
    // a single card: its own hash per row, the set's hash as the spec's
    ScorerSpec card = ScorerSpec.of(Scorecard.builtIn("onboarding"));
    List<Row> rows = SparkScorer.of(card).score(LocalSpark.frame(sample.metrics()), null).collectAsList();
    assertEquals(Scorecard.builtIn("onboarding").hash(), rows.get(0).getString(6));
    ScoreTable want = Scorecard.builtIn("onboarding").compile().score(sample.metrics());
    for (Row r : rows) {
      assertBits(want.score(want.rowOf(dev.cskit.core.AccountId.of(r.getString(0)))), r.getDouble(1), r.getString(0));
    }
  }

  @Test
  void aMissingMetricIsAConfigErrorOnTheDriver() {
    Dataset<Row> metrics = LocalSpark.frame(sample.usage());
    ConfigException e = assertThrows(ConfigException.class,
        () -> SparkScorer.of(spec).score(metrics, accounts));
    assertTrue(e.getMessage().contains("p1_open") || e.getMessage().contains("exec_sponsor"), e.getMessage());
  }

  @Test
  void unusedAggregatorSettingsMatchTheLocalOnes() {
    SparkUsageAggregator a = SparkUsageAggregator.builder().asOf(AS_OF).windows(30, 14, 14).build();
    assertEquals(List.of(14, 30), Arrays.stream(a.windows()).boxed().toList());
    UsageAggregator l = a.local();
    assertEquals(AS_OF, l.asOf());
    assertEquals(new ArrayList<>(sample.usage().metrics()), a.metricNames(new ArrayList<>(new java.util.TreeSet<>(TYPES))));
  }
}
