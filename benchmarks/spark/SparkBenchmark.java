import dev.cskit.core.Account;
import dev.cskit.core.Accounts;
import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageAggregator;
import dev.cskit.core.UsageEvent;
import dev.cskit.core.UsageEvents;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.scoring.HealthScorer;
import dev.cskit.scoring.ScorecardSet;
import dev.cskit.spark.ScoreColumns;
import dev.cskit.spark.ScorerSpec;
import dev.cskit.spark.SparkScorer;
import dev.cskit.spark.SparkUsageAggregator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The local engine against Spark local[2] on the same sample portfolio: usage aggregation in events per second
 * and scoring (the by-stage set: two cards, a segmented percentile measure) in accounts per second, at the
 * event counts given (default 1M and 10M). Run by benchmarks/spark/run.sh; not a unit test.
 *
 * Local: UsageAggregator over the events in memory (a List), HealthScorer.score over the metric table, one
 * thread. Spark: SparkUsageAggregator from Parquet on local disk to Spark's no-op sink; SparkScorer over the
 * cached metrics (reference pass + scoring pass) to the no-op sink. Best of N runs after 3 s of warm-up runs.
 */
public final class SparkBenchmark {
  static final List<String> TYPES = List.of("login", "feature_used", "app_built", "support_question",
      "seminar_attended", "email_clicked");

  public static void main(String[] args) throws Exception {
    long[] sizes = args.length == 0 ? new long[] {1_000_000, 10_000_000}
        : java.util.Arrays.stream(args).mapToLong(Long::parseLong).toArray();
    SparkSession spark = SparkSession.builder().master("local[2]").appName("cskit spark benchmark")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.session.timeZone", "UTC").getOrCreate();
    Path root = Files.createTempDirectory("cskit-spark-bench");
    long perAccount = SamplePortfolio.generate(2_000, 42).usageEvents().count() / 2_000;
    System.out.printf(Locale.ROOT, "%,d events per account on average; data in %s%n", perAccount, root);
    System.out.println("| events | accounts | local aggregate (events/s) | Spark aggregate (events/s) | ratio Spark/local"
        + " | local score (accounts/s) | Spark score (accounts/s) | ratio Spark/local |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (long size : sizes) {
      int n = (int) Math.max(100, size / perAccount);
      SamplePortfolio sample = SamplePortfolio.generate(n, 42);
      List<Account> accounts = sample.accounts();
      List<UsageEvent> events = sample.usageEvents().toList();
      Path dir = Files.createDirectories(root.resolve(String.valueOf(size)));
      UsageEvents.writeCsv(events, dir.resolve("events.csv"));
      Accounts.writeCsv(accounts, dir.resolve("accounts.csv"));
      sample.crm().writeCsv(dir.resolve("crm.csv"));
      spark.read().option("header", "true").schema("account_id STRING, user_id STRING, event_type STRING, timestamp TIMESTAMP")
          .csv(dir.resolve("events.csv").toString()).write().mode(SaveMode.Overwrite).parquet(dir.resolve("events").toString());
      spark.read().option("header", "true").csv(dir.resolve("accounts.csv").toString())
          .write().mode(SaveMode.Overwrite).parquet(dir.resolve("accounts").toString());
      spark.read().option("header", "true").option("inferSchema", "true").csv(dir.resolve("crm.csv").toString())
          .write().mode(SaveMode.Overwrite).parquet(dir.resolve("crm").toString());
      int runs = size > 5_000_000 ? 2 : 3;

      UsageAggregator agg = UsageAggregator.builder().asOf(sample.asOf()).windows(14, 30).eventTypes(TYPES).build();
      HealthScorer scorer = ScorecardSet.builtIn("by-stage").compile();
      MetricTable metrics = agg.aggregate(accounts, events).join(sample.crm());
      double localAgg = best(runs, () -> agg.aggregate(accounts, events));
      double localScore = best(runs, () -> scorer.score(metrics, accounts, List.of(), null));

      Dataset<Row> ev = spark.read().parquet(dir.resolve("events").toString());
      Dataset<Row> acc = spark.read().parquet(dir.resolve("accounts").toString()).cache();
      acc.count();
      SparkUsageAggregator sagg = SparkUsageAggregator.builder().asOf(sample.asOf()).windows(14, 30)
          .eventTypes(TYPES).build();
      double sparkAgg = best(runs, () -> sagg.aggregate(ev, acc).write().format("noop").mode(SaveMode.Overwrite).save());
      Dataset<Row> sm = sagg.aggregate(ev, acc).join(spark.read().parquet(dir.resolve("crm").toString()), "account_id")
          .cache();
      sm.count();
      SparkScorer ss = SparkScorer.of(ScorerSpec.builtIn("by-stage"));
      double sparkScore = best(runs, () -> ss.score(sm, acc, List.of(), null, ScoreColumns.BASIC)
          .write().format("noop").mode(SaveMode.Overwrite).save());
      sm.unpersist();
      acc.unpersist();
      System.out.printf(Locale.ROOT, "| %,d | %,d | %,.0f | %,.0f | %.2f | %,.0f | %,.0f | %.2f |%n", events.size(), n,
          events.size() / localAgg, events.size() / sparkAgg, localAgg / sparkAgg, n / localScore, n / sparkScore,
          localScore / sparkScore);
    }
    spark.stop();
  }

  /** The best wall time in seconds of {@code runs} runs after warm-up runs (at least one, and 3 s). */
  static double best(int runs, Runnable r) {
    long warm = System.nanoTime();
    do {
      r.run();
    } while (System.nanoTime() - warm < 3_000_000_000L);
    double best = Double.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      r.run();
      best = Math.min(best, (System.nanoTime() - t) / 1e9);
    }
    return best;
  }
}
