package dev.cskit.cli;

import dev.cskit.core.AccountId;
import dev.cskit.core.io.CsvInput;
import dev.cskit.core.io.TextTable;
import dev.cskit.survey.Throttle;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit survey eligible}: who may be surveyed on a date, and why the others may not. */
@Command(
    name = "eligible",
    mixinStandardHelpOptions = true,
    description = {
      "Contact throttling: who may be surveyed on a date, and each excluded contact's reason.",
      "History CSV: contact_id, account_id, date, kind (invitation, reminder or response). Candidates CSV: "
          + "contact_id, account_id and an optional reminder column (1 = a reminder, always allowed); without "
          + "--candidates every contact of the history is a candidate. Excluded: invited fewer than "
          + "--days-since-invitation days ago, answered fewer than --days-since-response days ago, or the account "
          + "already has --max-per-quarter invitations this calendar quarter."
    })
public final class SurveyEligibleCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--history", paramLabel = "FILE", required = true, description = "Contact history CSV.")
  Path history;

  @Option(names = "--candidates", paramLabel = "FILE",
      description = "Contacts to survey, in priority order (default: every contact of the history).")
  Path candidates;

  @Option(names = "--as-of", paramLabel = "DATE", required = true, description = "The day of the survey.")
  LocalDate asOf;

  @Feeds("daysSinceInvitation")
  @Option(names = "--days-since-invitation", paramLabel = "DAYS",
      description = "Least days since a contact's last invitation (default: ${DEFAULT-VALUE}).")
  int daysSinceInvitation = Throttle.DEFAULT.daysSinceInvitation();

  @Feeds("daysSinceResponse")
  @Option(names = "--days-since-response", paramLabel = "DAYS",
      description = "Least days since a contact's last response (default: ${DEFAULT-VALUE}).")
  int daysSinceResponse = Throttle.DEFAULT.daysSinceResponse();

  @Feeds("maxPerAccountPerQuarter")
  @Option(names = "--max-per-quarter", paramLabel = "N",
      description = "Most invitations per account per calendar quarter (default: ${DEFAULT-VALUE}).")
  int maxPerQuarter = Throttle.DEFAULT.maxPerAccountPerQuarter();

  @CommandLine.Mixin TableFormatOption tableFormat;

  @Override
  public Integer call() {
    Throttle throttle = new Throttle(daysSinceInvitation, daysSinceResponse, maxPerQuarter);
    List<Throttle.Event> events = Throttle.readHistoryCsv(history);
    List<Throttle.Candidate> list = candidates == null ? fromHistory(events) : readCandidates(candidates);
    Throttle.Decisions d = throttle.decide(list, events, asOf);
    Output.print(spec, tableFormat.format, () -> text(d), csv -> {
      csv.row("contact_id", "account_id", "eligible", "reason");
      d.all().forEach(x -> csv.row(x.contactId(), x.accountId().value(), x.eligible() ? "1" : "0", x.reason()));
    }, () -> json(d, asOf));
    return Main.OK;
  }

  static Map<String, Object> json(Throttle.Decisions d, LocalDate asOf) {
    List<Object> rows = new ArrayList<>();
    d.all().forEach(x -> rows.add(Json.object("contactId", x.contactId(), "accountId", x.accountId().value(),
        "eligible", x.eligible(), "reason", x.reason())));
    return Json.object("asOf", asOf.toString(), "eligible", d.eligible().size(), "excluded", d.excluded().size(),
        "decisions", rows);
  }

  static String text(Throttle.Decisions d) {
    Map<String, Integer> why = new LinkedHashMap<>();
    TextTable t = TextTable.withHeader("contact", "account", "reason");
    for (Throttle.Decision x : d.excluded()) {
      t.row(x.contactId(), x.accountId().value(), x.reason());
      String kind = x.reason().startsWith("invited") ? "invited recently"
          : x.reason().startsWith("responded") ? "answered recently" : "account quota used";
      why.merge(kind, 1, Integer::sum);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(d.eligible().size()).append(" eligible, ").append(d.excluded().size()).append(" excluded");
    if (!why.isEmpty()) {
      sb.append(" (").append(TextTable.pairs(why)).append(')');
    }
    sb.append('\n');
    if (!d.excluded().isEmpty()) {
      sb.append('\n').append(t);
    }
    return sb.toString();
  }

  /** Every contact of the history, in the order first seen. */
  static List<Throttle.Candidate> fromHistory(List<Throttle.Event> events) {
    Map<String, AccountId> seen = new LinkedHashMap<>();
    events.forEach(e -> seen.putIfAbsent(e.contactId(), e.accountId()));
    List<Throttle.Candidate> out = new ArrayList<>();
    seen.forEach((c, a) -> out.add(Throttle.Candidate.of(c, a)));
    return out;
  }

  static List<Throttle.Candidate> readCandidates(Path file) {
    List<Throttle.Candidate> out = new ArrayList<>();
    try (CsvInput in = CsvInput.open(file)) {
      in.require("contact_id", "account_id");
      boolean hasReminder = in.has("reminder");
      for (CsvInput.Row row : in) {
        boolean reminder = false;
        if (hasReminder) {
          String r = row.text("reminder");
          if (r != null && !r.isEmpty() && !r.equals("0") && !r.equals("1")) {
            throw row.error("reminder", "must be 1 (a reminder) or 0", r);
          }
          reminder = "1".equals(r);
        }
        out.add(new Throttle.Candidate(row.required("contact_id"), AccountId.of(row.required("account_id")),
            reminder));
      }
    }
    return out;
  }
}
