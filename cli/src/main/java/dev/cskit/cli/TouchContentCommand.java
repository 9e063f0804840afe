package dev.cskit.cli;

import dev.cskit.core.AccountId;
import dev.cskit.core.io.CsvInput;
import dev.cskit.core.io.TextTable;
import dev.cskit.touchmodel.ContentAdvisor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit touch content}: content to move from one-to-one sessions to seminars, and on to e-mail. */
@Command(
    name = "content",
    mixinStandardHelpOptions = true,
    description = {
      "Content to move between touch levels: topics that --min-accounts of the last --last high-touch accounts "
          + "needed become seminars (most hours saved first); seminar topics attended by at least --min-rate of "
          + "those invited become e-mail or help content.",
      "Sessions CSV: account_id, topic, minutes, date, touch (high, low or tech; only high-touch sessions "
          + "count). Webinars CSV (optional): topic, invited, attended."
    })
public final class TouchContentCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--sessions", paramLabel = "FILE", required = true, description = "CS sessions log CSV.")
  Path sessions;

  @Option(names = "--webinars", paramLabel = "FILE", description = "Webinar runs CSV (optional).")
  Path webinars;

  @Feeds("seminar candidates")
  @Option(names = "--min-accounts", paramLabel = "K",
      description = "Accounts that needed a topic to make it a seminar (default: ${DEFAULT-VALUE}).")
  int minAccounts = 5;

  @Feeds("seminar candidates")
  @Option(names = "--last", paramLabel = "N",
      description = "... of the last N accounts with sessions (default: ${DEFAULT-VALUE}).")
  int last = 10;

  @Option(names = "--seminar-minutes", paramLabel = "MIN",
      description = "Length of one seminar, for the hours saved (default: ${DEFAULT-VALUE}).")
  double seminarMinutes = 60;

  @Option(names = "--min-rate", paramLabel = "RATE",
      description = "Attendance rate that makes a seminar topic e-mail content (default: ${DEFAULT-VALUE}).")
  double minRate = 0.2;

  @Option(names = "--min-invited", paramLabel = "N",
      description = "Least invitations before a rate counts (default: ${DEFAULT-VALUE}).")
  int minInvited = 20;

  @CommandLine.Mixin TableFormatOption tableFormat;

  /** Both proposals. */
  record Result(int sessions, List<ContentAdvisor.SeminarProposal> seminars,
      List<ContentAdvisor.ContentProposal> content) {}

  @Override
  public Integer call() {
    List<ContentAdvisor.Session> high = readSessions(sessions);
    List<ContentAdvisor.SeminarRun> runs = webinars == null ? List.of() : readRuns(webinars);
    Result r = new Result(high.size(), ContentAdvisor.seminarCandidates(high, minAccounts, last, seminarMinutes),
        ContentAdvisor.contentCandidates(runs, minRate, minInvited));
    Output.print(spec, tableFormat.format, () -> text(r, webinars != null), csv -> {
      csv.row("proposal", "topic", "accounts", "sessions", "minutes", "hours_saved", "invited", "attended",
          "attendance_rate");
      r.seminars().forEach(p -> csv.row("seminar", p.topic(), String.valueOf(p.accounts()),
          String.valueOf(p.sessions()), Output.n(p.minutes()), Output.n(p.hoursSaved()), "", "", ""));
      r.content().forEach(p -> csv.row("content", p.topic(), "", "", "", "", String.valueOf(p.invited()),
          String.valueOf(p.attended()), Output.n(p.attendanceRate())));
    }, () -> json(r));
    return Main.OK;
  }

  static Map<String, Object> json(Result r) {
    List<Object> seminars = new ArrayList<>();
    r.seminars().forEach(p -> seminars.add(Json.object("topic", p.topic(), "accounts", p.accounts(),
        "sessions", p.sessions(), "minutes", p.minutes(), "hoursSaved", p.hoursSaved())));
    List<Object> content = new ArrayList<>();
    r.content().forEach(p -> content.add(Json.object("topic", p.topic(), "invited", p.invited(),
        "attended", p.attended(), "attendanceRate", p.attendanceRate())));
    return Json.object("highTouchSessions", r.sessions(), "seminars", seminars, "content", content);
  }

  static String text(Result r, boolean hasRuns) {
    StringBuilder sb = new StringBuilder();
    sb.append("From ").append(r.sessions()).append(" high-touch sessions, ").append(r.seminars().size())
        .append(" topics to run as seminars\n");
    if (!r.seminars().isEmpty()) {
      TextTable t = TextTable.withHeader("topic", "accounts", "sessions", "minutes", "hours saved");
      r.seminars().forEach(p -> t.row(p.topic(), p.accounts(), p.sessions(), TextTable.fixed(p.minutes(), 0),
          TextTable.fixed(p.hoursSaved(), 1)));
      sb.append(t);
    }
    if (hasRuns) {
      sb.append('\n').append(r.content().size()).append(" seminar topics to turn into e-mail or help content\n");
      if (!r.content().isEmpty()) {
        TextTable t = TextTable.withHeader("topic", "invited", "attended", "attendance");
        r.content().forEach(p -> t.row(p.topic(), p.invited(), p.attended(), TextTable.percent(p.attendanceRate())));
        sb.append(t);
      }
    }
    return sb.toString();
  }

  /** The high-touch sessions of a log. */
  static List<ContentAdvisor.Session> readSessions(Path file) {
    List<ContentAdvisor.Session> out = new ArrayList<>();
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "topic", "minutes", "date", "touch");
      for (CsvInput.Row row : in) {
        String touch = row.required("touch").trim().toLowerCase(Locale.ROOT);
        if (!touch.equals("high") && !touch.equals("low") && !touch.equals("tech")) {
          throw row.error("touch", "must be high, low or tech", touch);
        }
        double minutes = row.requiredNumber("minutes");
        if (!(minutes >= 0) || Double.isInfinite(minutes)) {
          throw row.error("minutes", "must be a number >= 0", String.valueOf(minutes));
        }
        java.time.LocalDate date = row.date("date");
        if (date == null) {
          throw row.error("date", "must not be empty", null);
        }
        if (touch.equals("high")) {
          out.add(new ContentAdvisor.Session(AccountId.of(row.required("account_id")), row.required("topic"),
              minutes, date));
        }
      }
    }
    return out;
  }

  static List<ContentAdvisor.SeminarRun> readRuns(Path file) {
    List<ContentAdvisor.SeminarRun> out = new ArrayList<>();
    try (CsvInput in = CsvInput.open(file)) {
      in.require("topic", "invited", "attended");
      for (CsvInput.Row row : in) {
        long invited = row.requiredLong("invited");
        long attended = row.requiredLong("attended");
        if (invited < 0 || attended < 0 || attended > invited) {
          throw row.error("attended", "needs 0 <= attended <= invited", attended + " of " + invited);
        }
        out.add(new ContentAdvisor.SeminarRun(row.required("topic"), (int) invited, (int) attended));
      }
    }
    return out;
  }
}
