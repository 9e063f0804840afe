package dev.cskit.spark.example;

import dev.cskit.core.CskitException;
import dev.cskit.scoring.Overrides;
import dev.cskit.scoring.ScoreOverride;
import dev.cskit.spark.ScoreColumns;
import dev.cskit.spark.ScorerSpec;
import dev.cskit.spark.SparkScorer;
import dev.cskit.spark.SparkSnapshots;
import dev.cskit.spark.SparkUsageAggregator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A {@code spark-submit} example: reads usage events and accounts from Parquet, aggregates the usage as of a
 * date, joins other metrics (a CRM extract, optional), scores with a card or set file (or a built-in name),
 * and writes the scores as Parquet; optionally appends score snapshots for validation.
 *
 * <pre>
 * ScoreParquet --events DIR --accounts DIR --card FILE|NAME --as-of YYYY-MM-DD --out DIR
 *              [--metrics DIR] [--windows 14,30] [--overrides FILE] [--snapshots DIR] [--master URL]
 * </pre>
 * {@code --master} is for running without {@code spark-submit} (for instance {@code local[2]}); under
 * {@code spark-submit} leave it out. Prints the band counts and the time taken.
 */
public final class ScoreParquet {
  private ScoreParquet() {}

  /** Runs the example; see the class comment for the arguments. */
  public static void main(String[] args) {
    Map<String, String> a = parse(args);
    for (String required : List.of("events", "accounts", "card", "as-of", "out")) {
      if (!a.containsKey(required)) {
        System.err.println("missing --" + required + "\nusage: ScoreParquet --events DIR --accounts DIR "
            + "--card FILE|NAME --as-of YYYY-MM-DD --out DIR [--metrics DIR] [--windows 14,30] "
            + "[--overrides FILE] [--snapshots DIR] [--master URL]");
        System.exit(2);
      }
    }
    SparkSession.Builder builder = SparkSession.builder().appName("cskit ScoreParquet");
    if (a.containsKey("master")) {
      builder = builder.master(a.get("master")).config("spark.ui.enabled", "false");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      long start = System.nanoTime();
      LocalDate asOf = LocalDate.parse(a.get("as-of"));
      Path card = Path.of(a.get("card"));
      ScorerSpec spec = Files.isRegularFile(card) ? ScorerSpec.read(card) : ScorerSpec.builtIn(a.get("card"));
      int[] windows = a.containsKey("windows")
          ? java.util.Arrays.stream(a.get("windows").split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray()
          : new int[] {14, 30};
      List<ScoreOverride> overrides = a.containsKey("overrides")
          ? Overrides.read(Path.of(a.get("overrides"))).overrides() : List.of();

      Dataset<Row> accounts = spark.read().parquet(a.get("accounts"));
      Dataset<Row> events = spark.read().parquet(a.get("events"));
      Dataset<Row> metrics = SparkUsageAggregator.builder().asOf(asOf).windows(windows).build()
          .aggregate(events, accounts);
      if (a.containsKey("metrics")) {
        metrics = metrics.join(spark.read().parquet(a.get("metrics")), "account_id");
      }
      metrics = metrics.cache();
      // overrides are judged at the end of the as-of day
      Instant at = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
      Dataset<Row> scores = SparkScorer.of(spec).score(metrics, accounts, overrides, at, ScoreColumns.SUB_SCORES)
          .cache();
      scores.write().mode(SaveMode.Overwrite).parquet(a.get("out"));
      if (a.containsKey("snapshots")) {
        SparkSnapshots.append(SparkSnapshots.of(scores, asOf), a.get("snapshots"));
      }
      List<Row> bands = scores.groupBy("band").count().orderBy("band").collectAsList();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.println("scored with " + spec + " as of " + asOf + " into " + a.get("out"));
      for (Row r : bands) {
        System.out.printf("  %-18s %d%n", r.getString(0), r.getLong(1));
      }
      System.out.printf("  %.1f s%n", seconds);
    } catch (CskitException e) {
      System.err.println(e.getMessage());
      System.exit(3);
    } finally {
      spark.stop();
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> out = new HashMap<>();
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        out.put(args[i].substring(2), args[++i]);
      } else {
        bad.add(args[i]);
      }
    }
    if (!bad.isEmpty()) {
      System.err.println("unexpected arguments: " + bad);
      System.exit(2);
    }
    return out;
  }
}
