package dev.cskit.cli;

import dev.cskit.core.io.CsvOutput;
import dev.cskit.sample.SampleContacts;
import dev.cskit.sample.SampleMetricHistory;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.sample.SampleSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sample files beside the portfolio's own, for the commands that need more than accounts, events and
 * metrics: survey contacts and their contact history ({@code survey eligible}), a CS sessions log and webinar
 * runs ({@code touch content}), and last month's metrics ({@code score diff}, {@code score track}).
 */
final class SampleFiles {
  /** The files written, in order. */
  static final List<String> NAMES = List.of(
      "contacts.csv", "contact-history.csv", "sessions.csv", "webinars.csv", "metrics-previous.csv");

  private SampleFiles() {}

  /** Stages the files in {@code files} (committed with the portfolio's own, all or none). */
  static void write(dev.cskit.core.io.AtomicFiles files, SamplePortfolio p, Path dir) {
    files.write(dir.resolve("contacts.csv"), w -> {
      CsvOutput csv = new CsvOutput(w).row("contact_id", "account_id");
      SampleContacts.contacts(p).forEach(c -> csv.row(c.contactId(), c.accountId().value()));
      csv.flush();
    });
    files.write(dir.resolve("contact-history.csv"), w -> {
      CsvOutput csv = new CsvOutput(w).row("contact_id", "account_id", "date", "kind");
      SampleContacts.history(p).forEach(e -> csv.row(e.contactId(), e.accountId().value(), e.date().toString(),
          e.kind()));
      csv.flush();
    });
    files.write(dir.resolve("sessions.csv"), w -> {
      CsvOutput csv = new CsvOutput(w).row("account_id", "topic", "minutes", "date", "touch");
      SampleSessions.sessions(p).forEach(s -> csv.row(s.accountId().value(), s.topic(),
          CsvOutput.number(s.minutes()), s.date().toString(), s.touch()));
      csv.flush();
    });
    files.write(dir.resolve("webinars.csv"), w -> {
      CsvOutput csv = new CsvOutput(w).row("topic", "date", "invited", "attended");
      SampleSessions.webinars(p).forEach(s -> csv.row(s.topic(), s.date().toString(), String.valueOf(s.invited()),
          String.valueOf(s.attended())));
      csv.flush();
    });
    files.write(dir.resolve("metrics-previous.csv"), w -> SampleMetricHistory.previousMonth(p).writeCsv(w));
  }

}
