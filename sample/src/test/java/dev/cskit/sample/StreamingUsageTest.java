package dev.cskit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageAggregator;
import dev.cskit.core.UsageEvent;
import dev.cskit.core.UsageEvents;
import dev.cskit.core.io.CsvInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming aggregation (CSV cells straight into {@link UsageAggregator.Pass}, timestamps by the fast
 * path) equals the aggregation before it (a list of {@link UsageEvent}s from java.time parsing into
 * {@link LegacyUsageAggregator}) on the sample, cell for cell.
 */
class StreamingUsageTest {
  @TempDir static Path dir;
  private static SamplePortfolio sample;
  private static Path events;
  private static List<UsageEvent> legacyEvents;

  @BeforeAll
  static void writeSample() {
    sample = SamplePortfolio.generate(400, SamplePortfolio.DEFAULT_SEED);
    events = dir.resolve("events.csv");
    UsageEvents.writeCsv(sample.usageEvents().collect(Collectors.toList()), events);
    legacyEvents = legacyRead(events);
  }

  /** The reader as it was: an object per event, timestamps through java.time. */
  private static List<UsageEvent> legacyRead(Path file) {
    List<UsageEvent> out = new ArrayList<>();
    try (CsvInput in = CsvInput.open(file)) {
      for (CsvInput.Row row : in) {
        String t = row.text("timestamp");
        Instant at;
        if (t.length() == 10) {
          at = LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } else if (t.endsWith("Z") || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10) {
          at = OffsetDateTime.parse(t).toInstant();
        } else {
          at = LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
        out.add(UsageEvent.of(AccountId.of(row.required("account_id")), row.text("user_id"),
            row.required("event_type"), at));
      }
    }
    return out;
  }

  private static void assertSameTable(MetricTable expected, MetricTable actual) {
    assertEquals(expected.metrics(), actual.metrics());
    assertEquals(expected.rowCount(), actual.rowCount());
    long nonZero = 0;
    for (int r = 0; r < expected.rowCount(); r++) {
      assertEquals(expected.accountId(r), actual.accountId(r));
      for (String m : expected.metrics()) {
        double e = expected.value(r, m);
        double a = actual.value(r, m);
        assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(a),
            () -> m + " of " + expected.accountId(0) + ": " + e + " vs " + a);
        if (e != 0 && !Double.isNaN(e)) {
          nonZero++;
        }
      }
    }
    assertTrue(nonZero > expected.rowCount(), "the sample must exercise the counters");
  }

  private static void check(String zone, List<String> types, int... windows) {
    List<Account> accounts = sample.accounts();
    LocalDate asOf = sample.asOf();
    LegacyUsageAggregator.Builder old = LegacyUsageAggregator.builder().asOf(asOf).zone(ZoneId.of(zone))
        .windows(windows);
    UsageAggregator.Builder now = UsageAggregator.builder().asOf(asOf).zone(ZoneId.of(zone)).windows(windows);
    if (types != null) {
      old.eventTypes(types);
      now.eventTypes(types);
    }
    MetricTable expected = old.build().aggregate(accounts, legacyEvents);
    assertSameTable(expected, now.build().aggregateCsv(accounts, events));
    assertSameTable(expected, now.build().aggregate(accounts, legacyEvents));
  }

  @Test
  void utcDefaultWindows() {
    check("UTC", null, 14, 30);
  }

  @Test
  void zoneWithSummerTimeAndOddWindows() {
    check("America/New_York", null, 7, 45);
    check("Asia/Tokyo", null, 1, 30);
  }

  @Test
  void fixedOffsetAndDeclaredTypes() {
    check("+05:30", List.of("login", "Report Run", "absent_type"), 14, 30);
  }

  @Test
  void sampleIsWrittenInTheDocumentedLayout() throws Exception {
    String second = Files.readAllLines(events).get(1);
    assertTrue(second.matches(".*,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), second);
  }
}
