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

  static void write(SamplePortfolio p, Path dir) {
    write(dir.resolve("contacts.csv"), w -> {
      CsvOutput csv = new CsvOutput(w).row("contact_id", "account_id");
      SampleContacts.contacts(p).forEach(c -> csv.row(c.contactId(), c.accountId().value()));
      csv.flush();
    });
    write(dir.resolve("contact-history.csv"), w -> {
      CsvOutput csv = new CsvOutput(w).row("contact_id", "account_id", "date", "kind");
      SampleContacts.history(p).forEach(e -> csv.row(e.contactId(), e.accountId().value(), e.date().toString(),
          e.kind()));
      csv.flush();
    });
    write(dir.resolve("sessions.csv"), w -> {
      CsvOutput csv = new CsvOutput(w).row("account_id", "topic", "minutes", "date", "touch");
      SampleSessions.sessions(p).forEach(s -> csv.row(s.accountId().value(), s.topic(),
          CsvOutput.number(s.minutes()), s.date().toString(), s.touch()));
      csv.flush();
    });
    write(dir.resolve("webinars.csv"), w -> {
      CsvOutput csv = new CsvOutput(w).row("topic", "date", "invited", "attended");
      SampleSessions.webinars(p).forEach(s -> csv.row(s.topic(), s.date().toString(), String.valueOf(s.invited()),
          String.valueOf(s.attended())));
      csv.flush();
    });
    SampleMetricHistory.previousMonth(p).writeCsv(dir.resolve("metrics-previous.csv"));
  }

  private static void write(Path file, Consumer<Writer> body) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.accept(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
