import dev.cskit.core.Accounts;
import dev.cskit.core.UsageEvents;
import dev.cskit.sample.SamplePortfolio;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the built-in sample portfolio as Parquet for the ScoreParquet example: DIR/events, DIR/accounts and
 * DIR/crm (the CRM metrics the built-in cards read beside usage). Usage: SampleParquet DIR [ACCOUNTS] [SEED].
 */
public final class SampleParquet {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : SamplePortfolio.DEFAULT_SEED;
    SamplePortfolio sample = SamplePortfolio.generate(n, seed);
    Path csv = Files.createDirectories(dir.resolve("csv"));
    UsageEvents.writeCsv(sample.usageEvents()::iterator, csv.resolve("events.csv"));
    Accounts.writeCsv(sample.accounts(), csv.resolve("accounts.csv"));
    sample.crm().writeCsv(csv.resolve("crm.csv"));
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC").getOrCreate();
    spark.read().option("header", "true")
        .schema("account_id STRING, user_id STRING, event_type STRING, timestamp TIMESTAMP")
        .csv(csv.resolve("events.csv").toString()).write().mode(SaveMode.Overwrite).parquet(dir.resolve("events").toString());
    spark.read().option("header", "true").csv(csv.resolve("accounts.csv").toString())
        .write().mode(SaveMode.Overwrite).parquet(dir.resolve("accounts").toString());
    spark.read().option("header", "true").option("inferSchema", "true").csv(csv.resolve("crm.csv").toString())
        .write().mode(SaveMode.Overwrite).parquet(dir.resolve("crm").toString());
    spark.stop();
    System.out.println("sample of " + n + " accounts (seed " + seed + ", as of " + sample.asOf() + ") in " + dir);
  }
}
