package dev.cskit.spark;

import dev.cskit.core.Accounts;
import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageEvent;
import dev.cskit.core.UsageEvents;
import dev.cskit.sample.SamplePortfolio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One local[2] Spark session for every test class of the JVM, and the sample portfolio as Spark input. */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("cskit-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "1")
          .config("spark.sql.session.timeZone", "UTC")
          // partitions exactly as the tests cut them (no coalescing of small shuffle partitions)
          .config("spark.sql.adaptive.enabled", "false")
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  static final StructType EVENTS = new StructType()
      .add("account_id", DataTypes.StringType)
      .add("user_id", DataTypes.StringType)
      .add("event_type", DataTypes.StringType)
      .add("timestamp", DataTypes.TimestampType);

  /** Events as rows of {@link #EVENTS}. */
  static Dataset<Row> events(Iterable<UsageEvent> events) {
    List<Row> rows = new ArrayList<>();
    for (UsageEvent e : events) {
      rows.add(RowFactory.create(e.accountId().value(), e.userId(), e.type(), Timestamp.from(e.timestamp())));
    }
    return session().createDataFrame(rows, EVENTS);
  }

  /** The sample's accounts and events written as cskit CSV files, read back by Spark's CSV reader. */
  static Dataset<Row>[] csv(SamplePortfolio sample, List<UsageEvent> events, Path dir) throws Exception {
    Path accounts = dir.resolve("accounts.csv");
    Path usage = dir.resolve("events.csv");
    Accounts.writeCsv(sample.accounts(), accounts);
    UsageEvents.writeCsv(events, usage);
    Files.exists(accounts);
    @SuppressWarnings("unchecked")
    Dataset<Row>[] out = new Dataset[] {
        session().read().option("header", "true").csv(accounts.toString()),
        session().read().option("header", "true").schema(EVENTS).csv(usage.toString())};
    return out;
  }

  /** A metric table as a data frame: account_id and one DOUBLE column per metric. */
  static Dataset<Row> frame(MetricTable t) {
    StructType schema = new StructType().add("account_id", DataTypes.StringType);
    for (String m : t.metrics()) {
      schema = schema.add(m, DataTypes.DoubleType);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      Object[] cells = new Object[1 + t.metrics().size()];
      cells[0] = t.accountId(i).value();
      for (int j = 0; j < t.metrics().size(); j++) {
        cells[1 + j] = t.value(i, t.metrics().get(j));
      }
      rows.add(RowFactory.create(cells));
    }
    return session().createDataFrame(rows, schema);
  }
}
