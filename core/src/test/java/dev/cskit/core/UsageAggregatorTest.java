package dev.cskit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageAggregatorTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  private static Account account(String id, int seats) {
    return Account.builder().id(id).arr(1000).seats(seats).build();
  }

  private static UsageEvent ev(String account, String user, String type, String instant) {
    return UsageEvent.of(account, user, type, Instant.parse(instant));
  }

  /**
   * Window of 7 days as of 2026-06-30 covers 06-24 00:00 through 06-30 23:59:59; the previous window covers
   * 06-17 through 06-23.
   */
  @Test
  void windowEdgesByHand() {
    List<Account> accounts = List.of(account("a", 4), account("b", 0));
    List<UsageEvent> events =
        List.of(
            ev("a", "u1", "login", "2026-06-30T23:59:59Z"), // on the as-of date, last second: current
            ev("a", "u1", "login", "2026-06-24T00:00:00Z"), // exactly at the window start: current
            ev("a", "u2", "login", "2026-06-23T23:59:59Z"), // one second before: previous window
            ev("a", "u2", "app built", "2026-06-17T00:00:00Z"), // start of the previous window
            ev("a", "u3", "login", "2026-06-16T23:59:59Z"), // before both windows: ignored
            ev("a", "u3", "login", "2026-07-01T00:00:00Z"), // after the as-of date: ignored
            ev("a", "u1", "login", "2026-06-30T08:00:00Z"), // same day as the first: one active day
            ev("b", "", "email_clicked", "2026-06-25T10:00:00Z")); // account-level: no user
    MetricTable t =
        UsageAggregator.builder().asOf(AS_OF).windows(7).build().aggregate(accounts, events);

    MetricTable.Row a = t.row(AccountId.of("a"));
    assertEquals(2, a.get("active_days_7d")); // 06-30 and 06-24
    assertEquals(2, a.get("active_days_prev_7d")); // 06-23 and 06-17
    assertEquals(3, a.get("events_7d"));
    assertEquals(2, a.get("events_prev_7d"));
    assertEquals(0.5, a.get("events_change_7d"), 0.0);
    assertEquals(1, a.get("active_users_7d"));
    assertEquals(1, a.get("active_users_prev_7d"));
    assertEquals(0.25, a.get("penetration_7d"), 0.0);
    assertEquals(3, a.get("login_7d"));
    assertEquals(1, a.get("login_prev_7d"));
    assertEquals(0, a.get("app_built_7d"));
    assertEquals(1, a.get("app_built_prev_7d"));

    MetricTable.Row b = t.row(AccountId.of("b"));
    assertEquals(1, b.get("events_7d"));
    assertEquals(0, b.get("events_prev_7d"));
    assertTrue(Double.isNaN(b.get("events_change_7d")), "no previous events: change undefined");
    assertEquals(0, b.get("active_users_7d"));
    assertTrue(Double.isNaN(b.get("penetration_7d")), "no seats: penetration undefined");
    assertEquals(1, b.get("email_clicked_7d"));
  }

  @Test
  void columnsForEveryWindowInOrder() {
    MetricTable t =
        UsageAggregator.builder()
            .asOf(AS_OF)
            .windows(30, 14)
            .build()
            .aggregate(List.of(account("a", 1)), List.of(ev("a", "u", "Login", "2026-06-01T00:00:00Z")));
    assertEquals(
        List.of(
            "active_days_14d", "active_days_prev_14d", "events_14d", "events_prev_14d", "events_change_14d",
            "active_users_14d", "active_users_prev_14d", "penetration_14d", "login_14d", "login_prev_14d",
            "active_days_30d", "active_days_prev_30d", "events_30d", "events_prev_30d", "events_change_30d",
            "active_users_30d", "active_users_prev_30d", "penetration_30d", "login_30d", "login_prev_30d"),
        t.metrics());
    // 2026-06-01 is 29 days before the as-of date: in the 30-day window, beyond both 14-day windows (0-27)
    assertEquals(0, t.value(0, "events_14d"));
    assertEquals(0, t.value(0, "events_prev_14d"));
    assertEquals(1, t.value(0, "events_30d"));
  }

  @Test
  void daysFallInTheConfiguredZone() {
    // 2026-06-30T23:30 UTC is already 07-01 in Tokyo: after the as-of date there
    List<UsageEvent> events = List.of(ev("a", "u", "login", "2026-06-30T23:30:00Z"));
    MetricTable utc = UsageAggregator.builder().asOf(AS_OF).windows(7).build()
        .aggregate(List.of(account("a", 1)), events);
    MetricTable tokyo = UsageAggregator.builder().asOf(AS_OF).windows(7).zone(ZoneId.of("Asia/Tokyo")).build()
        .aggregate(List.of(account("a", 1)), events);
    assertEquals(1, utc.value(0, "events_7d"));
    assertEquals(0, tokyo.value(0, "events_7d"));
  }

  @Test
  void fixedEventTypesGetColumnsEvenWhenUnseen() {
    MetricTable t = UsageAggregator.builder().asOf(AS_OF).windows(7).eventTypes(List.of("login", "seminar"))
        .build().aggregate(List.of(account("a", 1)), List.of(ev("a", "u", "other", "2026-06-30T00:00:00Z")));
    assertEquals(0, t.value(0, "seminar_7d"));
    assertEquals(1, t.value(0, "events_7d"));
    assertTrue(!t.hasMetric("other_7d"));
  }

  @Test
  void anEventOfAnUnknownAccountIsAnError() {
    DataException e = assertThrows(DataException.class, () -> UsageAggregator.builder().asOf(AS_OF).build()
        .aggregate(List.of(account("a", 1)), List.of(ev("zz", "u", "login", "2026-06-30T00:00:00Z"))));
    assertEquals(
        "usage events, column \"account_id\": every event must belong to a known account; found \"zz\" in event #1",
        e.getMessage());
  }

  @Test
  void bitCountsOverRanges() {
    long[] bits = {-1L, 0b1011L};
    assertEquals(64, UsageAggregator.countBits(bits, 0, 64));
    assertEquals(10, UsageAggregator.countBits(bits, 54, 64));
    assertEquals(3, UsageAggregator.countBits(bits, 64, 68));
    assertEquals(2, UsageAggregator.countBits(bits, 63, 65));
    assertEquals(0, UsageAggregator.countBits(bits, 66, 67));
  }

  @Test
  void anEventTypeWhoseColumnsClashWithTheStandardOnesIsNamed() {
    UsageAggregator agg = UsageAggregator.builder().asOf(AS_OF).windows(7).build();
    DataException e = assertThrows(DataException.class,
        () -> agg.aggregate(List.of(account("a", 1)), List.of(ev("a", "u1", "Events", "2026-06-30T10:00:00Z"))));
    assertEquals("usage events, column \"event_type\": an event type must not give a column name that another"
        + " column has; found \"events\" (column \"events_7d\")", e.getMessage());
  }

  @Test
  void streamingAnEmptyEventsFileWarnsThatItHasNoEvents(@TempDir Path dir) throws Exception {
    Path events = Files.writeString(dir.resolve("events.csv"), "account_id,user_id,event_type,timestamp\n");
    Warnings warnings = Warnings.collector();
    MetricTable t = UsageAggregator.builder().asOf(AS_OF).windows(7).build()
        .aggregateCsv(List.of(account("a", 1)), events, warnings);
    assertEquals(0, t.row(AccountId.of("a")).get("events_7d"));
    assertEquals(List.of(events + ": has no events: every count is 0"), warnings.list());
    Path one = Files.writeString(dir.resolve("one.csv"),
        "account_id,user_id,event_type,timestamp\na,u1,login,2026-06-30T10:00:00Z\n");
    Warnings none = Warnings.collector();
    UsageAggregator.builder().asOf(AS_OF).windows(7).build().aggregateCsv(List.of(account("a", 1)), one, none);
    assertTrue(none.isEmpty(), none.toString());
  }

  /** Named with its file and row even when the event lies outside every window (so it makes no column). */
  @Test
  void streamingAnEventTypeNamedLikeABuiltInMetricIsAnErrorNamingFileAndRow(@TempDir Path dir) throws Exception {
    Path events = Files.writeString(dir.resolve("events.csv"), "account_id,user_id,event_type,timestamp\n"
        + "a,u1,login,2026-06-30T10:00:00Z\n"
        + "a,u1,Active Days,2020-01-01T10:00:00Z\n");
    UsageAggregator agg = UsageAggregator.builder().asOf(AS_OF).windows(7).build();
    DataException e = assertThrows(DataException.class,
        () -> agg.aggregateCsv(List.of(account("a", 1)), events, Warnings.collector()));
    assertTrue(e.getMessage().startsWith(events + ", row 3, column \"event_type\": an event type must not have"
        + " the name of a built-in metric"), e.getMessage());
    assertTrue(e.getMessage().endsWith("found \"Active Days\""), e.getMessage());
  }

  /**
   * The file is read ahead on a second thread: an error of a row (found by the aggregating thread) still wins
   * over a CSV error further on that the reader has already met, and a CSV error is still reported at its row
   * when the rows before it are good; both many batches into the file.
   */
  @Test
  void streamedErrorsComeInFileOrderThoughTheFileIsReadAhead(@TempDir Path dir) throws Exception {
    StringBuilder good = new StringBuilder("account_id,user_id,event_type,timestamp\n");
    for (int i = 0; i < 20_000; i++) {
      good.append("a,u1,login,2026-06-30T10:00:00Z\n");
    }
    UsageAggregator agg = UsageAggregator.builder().asOf(AS_OF).windows(7).build();
    // row 10,002: unknown account; row 20,003: a quote left open (the reader reaches it first)
    String text = good.substring(0, good.indexOf("\n") + 1 + 10_000 * 32) + "zz,u1,login,2026-06-30T10:00:00Z\n"
        + good.substring(good.indexOf("\n") + 1 + 10_000 * 32) + "a,\"u1,login,2026-06-30T10:00:00Z\n";
    Path both = Files.writeString(dir.resolve("both.csv"), text);
    DataException e = assertThrows(DataException.class,
        () -> agg.aggregateCsv(List.of(account("a", 1)), both, Warnings.collector()));
    assertTrue(e.getMessage().startsWith(both + ", row 10002, column \"account_id\": every event must belong"),
        e.getMessage());
    Path syntax = Files.writeString(dir.resolve("syntax.csv"), good + "a,\"u1,login,2026-06-30T10:00:00Z\n");
    DataException s = assertThrows(DataException.class,
        () -> agg.aggregateCsv(List.of(account("a", 1)), syntax, Warnings.collector()));
    assertTrue(s.getMessage().startsWith(syntax + ", row 20002: is not valid CSV"), s.getMessage());
  }
}
