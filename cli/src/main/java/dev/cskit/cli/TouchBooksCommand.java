package dev.cskit.cli;

import dev.cskit.core.AccountId;
import dev.cskit.core.Accounts;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.CsvInput;
import dev.cskit.core.io.CsvOutput;
import dev.cskit.touchmodel.PreviousTier;
import dev.cskit.touchmodel.Segmentation;
import dev.cskit.touchmodel.TouchModel;
import dev.cskit.touchmodel.books.AccountBook;
import dev.cskit.touchmodel.books.BookAssignment;
import dev.cskit.touchmodel.books.BookSettings;
import dev.cskit.touchmodel.books.Books;
import dev.cskit.touchmodel.books.ManagerBook;
import dev.cskit.touchmodel.books.Roster;
import dev.cskit.touchmodel.books.TierBalance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cskit touch books}: segments the accounts under a touch model, then books each high- and low-touch
 * account to one manager of the roster. CSV: one row per account (the input of next month's {@code
 * --previous}). JSON: {@code {"managers":[...],"tiers":[...],"accounts":[...],"continuity",...}}.
 */
@Command(
    name = "books",
    mixinStandardHelpOptions = true,
    description = {
      "Books of business: each high- and low-touch account assigned to one manager of the roster.",
      "Assigns within hours, account counts and skills, keeping last month's manager unless that breaks capacity "
          + "or a tolerance, and balancing hours and ARR."
    })
public final class TouchBooksCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--roster", required = true, paramLabel = "FILE.csv",
      description = "Managers: manager_id, tier, hours[, max_accounts, regions, languages, segments] (skills separated by ;).")
  Path roster;

  @Option(names = "--accounts", required = true, paramLabel = "FILE.csv", description = "Accounts CSV.")
  Path accounts;

  @Option(names = "--scores", paramLabel = "FILE.csv",
      description = "Health scores CSV (account_id, score, band), as cskit score --format csv writes.")
  Path scores;

  @Option(names = "--model", paramLabel = "FILE", defaultValue = "example",
      description = "Touch model (.yaml or .json); \"example\" for the built-in one (default).")
  Path model;

  @Option(names = "--previous", paramLabel = "FILE.csv",
      description = "Last month's books: account_id, manager[, tier, since] (what this command writes with --format csv).")
  Path previous;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
      description = "The date of the run (pins, tenure, renewal freeze); default: the as_of of --scores, and "
          + "required without it (never today).")
  LocalDate asOf;

  @Option(names = "--hours-tolerance", paramLabel = "POINTS", defaultValue = "0.15",
      description = "How far above the tier's mean utilisation continuity alone may keep a manager (default: ${DEFAULT-VALUE}).")
  double hoursTolerance;

  @Option(names = "--arr-tolerance", paramLabel = "FRACTION", defaultValue = "0.5",
      description = "How far above their fair ARR share continuity alone may keep a manager (default: ${DEFAULT-VALUE}).")
  double arrTolerance;

  @CommandLine.Mixin TableFormatOption tableFormat;

  @Override
  public Integer call() {
    BookSettings settings;
    try {
      settings = BookSettings.of(hoursTolerance, arrTolerance);
    } catch (CskitException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--" + (e.where().startsWith("hours") ? "hours-tolerance" : "arr-tolerance") + " " + e.rule());
    }
    Roster r = Roster.readCsv(roster);
    TouchModel m = TouchInputs.model(model);
    List<dev.cskit.core.Account> list = Accounts.readCsv(accounts);
    Map<AccountId, PreviousTier> prevTiers = new HashMap<>();
    Map<AccountId, String> prevManagers = new HashMap<>();
    readPrevious(previous, prevTiers, prevManagers);
    LocalDate date = TouchInputs.runDate(asOf, scores, spec.commandLine());
    Segmentation s = m.segment(list, TouchInputs.scores(scores), prevTiers, date);
    BookAssignment b = Books.assign(r, Books.accounts(s, m, list, prevManagers), settings);
    TouchTrialCommand.warn(spec, b.warnings());
    print(spec.commandLine().getOut(), b, tableFormat.format);
    return Main.OK;
  }

  /** Last month's books: account_id, manager (empty: none) and optionally tier and since. */
  static void readPrevious(Path file, Map<AccountId, PreviousTier> tiers, Map<AccountId, String> managers) {
    if (file == null) {
      return;
    }
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "manager");
      for (CsvInput.Row row : in) {
        AccountId id = AccountId.of(row.required("account_id"));
        if (managers.containsKey(id) || tiers.containsKey(id)) {
          throw row.error("account_id", "each account may appear once", CskitException.quote(id.value()));
        }
        String mgr = row.text("manager");
        if (!mgr.isEmpty()) {
          managers.put(id, mgr);
        }
        if (in.has("tier") && !row.text("tier").isEmpty()) {
          tiers.put(id, PreviousTier.of(row.text("tier"), in.has("since") ? row.date("since") : null));
        }
      }
    }
  }

  static void print(PrintWriter out, BookAssignment b, OutputFormat format) {
    switch (format) {
      case JSON:
        out.println(Json.write(json(b)));
        break;
      case CSV:
        CsvOutput csv = new CsvOutput(out);
        csv.row("account_id", "tier", "manager", "previous_manager", "move", "reason", "hours", "arr", "band");
        for (AccountBook a : b.accounts()) {
          csv.row(a.accountId().value(), a.tier(), a.manager() == null ? "" : a.manager(),
              a.previousManager() == null ? "" : a.previousManager(), a.move().label(), a.reason(),
              CsvOutput.number(a.hours()), CsvOutput.number(a.arr()), a.band() == null ? "" : a.band());
        }
        csv.flush();
        break;
      default:
        out.print(b);
        String moves = b.movesTable();
        if (moves.split("\n").length > 2) {
          out.println();
          out.println("Moves:");
          out.print(moves);
        }
    }
    out.flush();
  }

  /** The JSON form of books. */
  static Map<String, Object> json(BookAssignment b) {
    List<Object> managers = new ArrayList<>();
    for (ManagerBook m : b.managers()) {
      managers.add(Json.object("manager", m.manager(), "tier", m.tier(), "accounts", m.accounts(),
          "maxAccounts", m.maxAccounts() == Integer.MAX_VALUE ? null : m.maxAccounts(), "hours", m.hours(),
          "capacityHours", m.capacityHours(), "utilisation", m.utilisation(), "arr", m.arr(), "byBand", m.byBand(),
          "kept", m.kept(), "movedIn", m.movedIn(), "new", m.newAccounts(), "movedOut", m.movedOut()));
    }
    List<Object> tiers = new ArrayList<>();
    for (TierBalance t : b.tiers()) {
      tiers.add(Json.object("tier", t.tier(), "managers", t.managers(), "accounts", t.accounts(), "kept", t.kept(),
          "placed", t.placed(), "meanUtilisation", t.meanUtilisation(), "peakUtilisation", t.peakUtilisation(),
          "utilisationBound", t.utilisationBound(), "utilisationGap", t.utilisationGap(),
          "peakArrShare", t.peakArrShare(), "arrShareBound", t.arrShareBound(), "arrShareGap", t.arrShareGap(),
          "optimal", t.optimal()));
    }
    List<Object> accounts = new ArrayList<>();
    for (AccountBook a : b.accounts()) {
      accounts.add(Json.object("accountId", a.accountId().value(), "tier", a.tier(), "manager", a.manager(),
          "previousManager", a.previousManager(), "move", a.move().label(), "reason", a.reason(), "hours", a.hours(),
          "arr", a.arr(), "band", a.band()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("managers", managers);
    out.put("tiers", tiers);
    out.put("continuity", Json.object("kept", b.keptCount(), "staying", b.staying(), "share", b.continuity()));
    out.put("settings", Json.object("hoursTolerance", b.settings().hoursTolerance(),
        "arrTolerance", b.settings().arrTolerance()));
    out.put("accounts", accounts);
    out.put("warnings", b.warnings());
    return out;
  }
}
