package dev.cskit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageAggregator;
import dev.cskit.core.UsageEvent;
import dev.cskit.sample.SamplePortfolio;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark aggregation equals {@link UsageAggregator} for every account and column, counts and ratios bit for bit. */
class SparkUsageAggregatorTest {
  static final LocalDate AS_OF = SamplePortfolio.DEFAULT_AS_OF;
  static SamplePortfolio sample;
  static List<UsageEvent> events;
  static Dataset<Row>[] csv;
  static Dataset<Row>[] parquet;

  @TempDir
  static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    sample = SamplePortfolio.generate(120, 11);
    events = new ArrayList<>(sample.usageEvents().toList());
    // the window edges, by hand: 00:00 on the first day of the 14-day window is in it, 23:59:59 the day before
    // is in the previous window; after the as-of date is out; an empty user counts for no user; an odd type name
    String a = sample.accounts().get(3).id().value();
    Instant firstDay = AS_OF.minusDays(13).atStartOfDay(ZoneOffset.UTC).toInstant();
    events.add(UsageEvent.of(a, "edge-user", "login", firstDay));
    events.add(UsageEvent.of(a, "edge-user-2", "login", firstDay.minusSeconds(1)));
    events.add(UsageEvent.of(a, "late", "login", AS_OF.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    events.add(UsageEvent.of(a, "", "Seminar Attended!", firstDay.plusSeconds(3600)));
    events.add(UsageEvent.of(a, "u9", "API-Call", AS_OF.atTime(23, 59, 59).toInstant(ZoneOffset.UTC)));
    csv = LocalSpark.csv(sample, events, dir);
    csv[0].write().mode(SaveMode.Overwrite).parquet(dir.resolve("accounts.parquet").toString());
    csv[1].write().mode(SaveMode.Overwrite).parquet(dir.resolve("events.parquet").toString());
    @SuppressWarnings("unchecked")
    Dataset<Row>[] p = new Dataset[] {
        LocalSpark.session().read().parquet(dir.resolve("accounts.parquet").toString()),
        LocalSpark.session().read().parquet(dir.resolve("events.parquet").toString())};
    parquet = p;
  }

  /** Asserts that the Spark rows hold the local table: same columns in order, every value's bits. */
  static void assertSameTable(MetricTable local, Dataset<Row> spark) {
    List<String> columns = Arrays.asList(spark.columns());
    assertEquals("account_id", columns.get(0));
    assertEquals(local.metrics(), columns.subList(1, columns.size()));
    List<Row> rows = spark.collectAsList();
    assertEquals(local.rowCount(), rows.size(), "one row per account");
    Map<String, Row> byId = new HashMap<>();
    rows.forEach(r -> byId.put(r.getString(0), r));
    for (int i = 0; i < local.rowCount(); i++) {
      Row r = byId.get(local.accountId(i).value());
      for (int j = 0; j < local.metrics().size(); j++) {
        double want = local.value(i, local.metrics().get(j));
        double got = r.getDouble(1 + j);
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got),
            local.accountId(i) + " " + local.metrics().get(j) + ": local " + want + ", spark " + got);
      }
    }
  }

  @Test
  void csvInputWithDiscoveredTypesEqualsTheLocalAggregator() {
    UsageAggregator local = UsageAggregator.builder().asOf(AS_OF).windows(14, 30).build();
    MetricTable want = local.aggregate(sample.accounts(), events);
    assertTrue(want.metrics().contains("seminar_attended__14d"), want.metrics().toString());
    Dataset<Row> got = SparkUsageAggregator.builder().asOf(AS_OF).windows(14, 30).build().aggregate(csv[1], csv[0]);
    assertSameTable(want, got);
  }

  @Test
  void parquetInputWithFixedTypesThreeWindowsAndAnOffsetEqualsTheLocalAggregator() {
    List<String> types = List.of("login", "feature_used", "app_built", "support_question", "seminar_attended",
        "email_clicked", "API call");
    ZoneOffset tokyo = ZoneOffset.ofHours(9);
    UsageAggregator local =
        UsageAggregator.builder().asOf(AS_OF).windows(7, 30, 45).eventTypes(types).zone(tokyo).build();
    MetricTable want = local.aggregate(sample.accounts(), events);
    Dataset<Row> got = SparkUsageAggregator.builder().asOf(AS_OF).windows(7, 30, 45).eventTypes(types).zone(tokyo).build()
        .aggregate(parquet[1], parquet[0]);
    assertSameTable(want, got);
  }

  @Test
  void aZoneWithDaylightSavingEqualsTheLocalAggregator() {
    ZoneId zone = ZoneId.of("America/New_York");
    UsageAggregator local = UsageAggregator.builder().asOf(AS_OF).windows(14, 30).zone(zone).build();
    SparkUsageAggregator spark = SparkUsageAggregator.builder().asOf(AS_OF).windows(14, 30).zone(zone).build();
    assertSameTable(local.aggregate(sample.accounts(), events), spark.aggregate(parquet[1], parquet[0]));
  }

  @Test
  void anEventOfAnUnknownAccountFailsTheJobNamingIt() {
    List<UsageEvent> more = new ArrayList<>(events.subList(0, 50));
    more.add(UsageEvent.of("NOPE-1", "u", "login", AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant()));
    Dataset<Row> got = SparkUsageAggregator.builder().asOf(AS_OF).build()
        .aggregate(LocalSpark.events(more), csv[0]);
    Exception e = assertThrows(Exception.class, got::collectAsList);
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains("every event must belong to a known account") && message.contains("NOPE-1"),
        message);
  }

  @Test
  void masksCoverExactlyTheirDays() {
    assertEquals(0b1110L, SparkUsageAggregator.mask(1, 4, 0));
    assertEquals(-1L, SparkUsageAggregator.mask(0, 64, 0));
    assertEquals(1L, SparkUsageAggregator.mask(64, 65, 1));
    assertEquals(0L, SparkUsageAggregator.mask(0, 64, 1));
    assertEquals(Long.MIN_VALUE, SparkUsageAggregator.mask(63, 70, 0));
  }
}
