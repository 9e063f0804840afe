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
import java.util.Iterator;
import java.util.List;

/**
 * Reads and writes usage events as CSV: {@code account_id,user_id,event_type,timestamp}. The timestamp is
 * ISO-8601 ({@code 2026-06-30T09:15:00Z}; without an offset it is taken as UTC; a bare date is its start).
 * {@code user_id} may be empty for account-level events.
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
