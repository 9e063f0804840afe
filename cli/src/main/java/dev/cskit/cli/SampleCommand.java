package dev.cskit.cli;

import dev.cskit.core.Accounts;
import dev.cskit.core.DataException;
import dev.cskit.core.UsageEvents;
import dev.cskit.core.io.CsvOutput;
import dev.cskit.sample.ChurnOutcome;
import dev.cskit.sample.Milestone;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.sample.SurveyResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit sample}: writes the built-in sample portfolio as CSV files, to try every other command on. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Write the built-in sample portfolio as CSV files into a directory.",
      "Files: accounts.csv, events.csv, metrics.csv, milestones.csv, survey.csv, outcomes.csv, subscriptions.csv, "
          + "roster.csv, trial.csv, contacts.csv, contact-history.csv, sessions.csv, webinars.csv, metrics-previous.csv "
          + "(a month earlier)."
    })
public final class SampleCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin PortfolioOptions portfolio;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to write into.")
  Path out;

  @Override
  public Integer call() {
    SamplePortfolio p = portfolio.generate();
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw DataException.of(out.toString(), "--out must be a directory", "a file");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw DataException.of(out.toString(), "cannot be created", e.toString());
    }
    Accounts.writeCsv(p.accounts(), out.resolve("accounts.csv"));
    write(out.resolve("events.csv"), w -> {
      try (Stream<dev.cskit.core.UsageEvent> events = p.usageEvents()) {
        Iterator<dev.cskit.core.UsageEvent> it = events.iterator();
        UsageEvents.writeCsv(it, w);
      }
    });
    p.metrics().writeCsv(out.resolve("metrics.csv"));
    write(out.resolve("milestones.csv"), w -> {
      CsvOutput csv = new CsvOutput(w).row("account_id", "event_type", "timestamp");
      for (Milestone m : p.milestones()) {
        csv.row(m.accountId().value(), m.type(), m.timestamp().toString());
      }
      csv.flush();
    });
    write(out.resolve("survey.csv"), w -> {
      CsvOutput csv = new CsvOutput(w)
          .row("account_id", "contact_id", "invited_on", "channel", "responded", "score", "responded_on");
      for (SurveyResponse r : p.surveyResponses()) {
        csv.row(r.accountId().value(), r.contactId(), r.invitedOn().toString(), r.channel(),
            r.responded() ? "1" : "0", r.score() == null ? "" : r.score().toString(),
            r.respondedOn() == null ? "" : r.respondedOn().toString());
      }
      csv.flush();
    });
    write(out.resolve("outcomes.csv"), w -> {
      CsvOutput csv = new CsvOutput(w).row("account_id", "churn_date", "renewal_date");
      for (ChurnOutcome o : p.outcomes()) {
        csv.row(o.accountId().value(), o.churnDate() == null ? "" : o.churnDate().toString(),
            o.renewalDate().toString());
      }
      csv.flush();
    });
    write(out.resolve("roster.csv"), dev.cskit.sample.SampleRoster::writeCsv);
    write(out.resolve("trial.csv"), w -> dev.cskit.sample.SampleRoster.writeTrialCsv(p, w));
    write(out.resolve("subscriptions.csv"), w -> {
      CsvOutput csv = new CsvOutput(w).row("account_id", "subscription_id", "plan", "start_date", "end_date", "amount",
          "billing_period", "currency");
      for (dev.cskit.sample.SampleSubscription s : p.subscriptions()) {
        csv.row(s.accountId(), s.subscriptionId(), s.plan(), s.start().toString(),
            s.end() == null ? "" : s.end().toString(), s.amount().toPlainString(), s.billingPeriod(), s.currency());
      }
      csv.flush();
    });
    SampleFiles.write(p, out);
    spec.commandLine().getOut().printf(
        "wrote the sample portfolio (%d accounts, seed %d, as of %s) to %s%n", p.size(), p.seed(), p.asOf(), out);
    return Main.OK;
  }

  private static void write(Path file, Consumer<Writer> body) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.accept(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
