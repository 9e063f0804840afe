package dev.cskit.core;

import dev.cskit.core.io.CsvInput;
import dev.cskit.core.io.CsvOutput;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes usage events as CSV: {@code account_id,user_id,event_type,timestamp}. The timestamp is
 * ISO-8601 ({@code 2026-06-30T09:15:00Z}; without an offset it is taken as UTC; a bare date is its start).
 * {@code user_id} may be empty for account-level events. To aggregate a file without keeping its events, use
 * {@link UsageAggregator#aggregateCsv(List, Path)}.
 */
public final class UsageEvents {
  private UsageEvents() {}

  /** Reads every event of a CSV file. */
  public static List<UsageEvent> readCsv(Path file) {
    try (CsvInput in = CsvInput.open(file)) {
      return read(in);
    }
  }

  /** Reads every event of CSV text, naming it {@code source} in errors. */
  public static List<UsageEvent> readCsv(Reader reader, String source) {
    try (CsvInput in = CsvInput.of(reader, source)) {
      return read(in);
    }
  }

  private static List<UsageEvent> read(CsvInput in) {
    in.require("account_id", "event_type", "timestamp");
    List<UsageEvent> out = new ArrayList<>();
    for (CsvInput.Row row : in) {
      AccountId id = AccountId.of(row.required("account_id"));
      String type = row.required("event_type");
      Instant t = row.instant("timestamp");
      if (t == null) {
        throw row.error("timestamp", "must not be empty", null);
      }
      out.add(UsageEvent.of(id, row.text("user_id"), type, t));
    }
    return out;
  }

  /**
   * Streams the events of a CSV source into a pass of an aggregation, row by row, and returns its table. No
   * event object is made; the account, user and type cells are looked up as read and the timestamp is
   * parsed to epoch seconds by {@link dev.cskit.core.io.Cells#epochSecond}. Errors name the source, row and
   * column.
   */
  static MetricTable stream(CsvInput in, UsageAggregator.Pass pass, Warnings warnings) {
    in.require("account_id", "event_type", "timestamp");
    int idCol = in.indexOf("account_id");
    int userCol = in.indexOf("user_id");
    int typeCol = in.indexOf("event_type");
    int timeCol = in.indexOf("timestamp");
    long rows = 0;
    Set<String> types = new HashSet<>(); // the types checked against the built-in names
    // the file is decoded and tokenised on a second thread while this one aggregates (same rows, same order,
    // same errors at the same rows)
    try (dev.cskit.core.internal.Prefetch<CsvInput.Row> ahead = dev.cskit.core.internal.Prefetch.of(in.iterator())) {
      while (ahead.hasNext()) {
        CsvInput.Row row = ahead.next();
        add(row, pass, types, idCol, userCol, typeCol, timeCol);
        rows++;
      }
    }
    if (rows == 0) {
      warnings.add(in.source(), "has no events: every count is 0", null);
    }
    return pass.table();
  }

  private static void add(CsvInput.Row row, UsageAggregator.Pass pass, Set<String> types, int idCol, int userCol,
      int typeCol, int timeCol) {
    String id = row.text(idCol);
    if (id.isEmpty()) {
      throw row.error("account_id", "must not be empty", null);
    }
    int account = pass.accountIndex(id);
    if (account < 0) {
      throw row.error("account_id", "every event must belong to a known account (one in the accounts file)",
          CskitException.quote(id));
    }
    String type = row.text(typeCol);
    if (type.isEmpty()) {
      throw row.error("event_type", "must not be empty", null);
    }
    if (types.size() < 100_000 ? types.add(type) : !types.contains(type)) {
      if (UsageAggregator.BUILT_IN_METRICS.contains(UsageAggregator.columnName(type))) {
        throw row.error("event_type", "an event type must not have the name of a built-in metric "
            + new java.util.TreeSet<>(UsageAggregator.BUILT_IN_METRICS), CskitException.quote(type));
      }
    }
    long second = row.epochSecond(timeCol, "timestamp");
    pass.add(account, userCol < 0 ? "" : row.text(userCol), type, second);
  }

  /** Writes events as CSV. */
  public static void writeCsv(Iterator<UsageEvent> events, Writer writer) {
    CsvOutput out = new CsvOutput(writer);
    out.row("account_id", "user_id", "event_type", "timestamp");
    while (events.hasNext()) {
      UsageEvent e = events.next();
      out.row(e.accountId().value(), e.userId(), e.type(), e.timestamp().toString());
    }
    out.flush();
  }

  /** Writes events to a CSV file. */
  public static void writeCsv(Iterable<UsageEvent> events, Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeCsv(events.iterator(), w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
