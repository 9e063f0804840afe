package dev.cskit.cli;

import dev.cskit.core.AccountId;
import dev.cskit.core.Accounts;
import dev.cskit.core.CskitException;
import dev.cskit.core.HealthBand;
import dev.cskit.core.io.CsvInput;
import dev.cskit.touchmodel.AccountHealth;
import dev.cskit.touchmodel.PreviousTier;
import dev.cskit.touchmodel.Segmentation;
import dev.cskit.touchmodel.TouchModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The inputs {@code cskit segment} and {@code cskit capacity} share: the model, accounts, scores, previous tiers. */
final class TouchInputs {
  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "Touch model (.yaml or .json); \"example\" for the built-in example model.")
  Path model;

  @Option(names = "--accounts", required = true, paramLabel = "FILE.csv", description = "Accounts CSV.")
  Path accounts;

  @Option(names = "--scores", paramLabel = "FILE.csv",
      description = "Health scores CSV (account_id, score, band), as cskit score --format csv writes.")
  Path scores;

  @Option(names = "--previous", paramLabel = "FILE.csv",
      description = "The previous run's tiers: account_id,tier,since (segment --format csv writes them).")
  Path previous;

  /** The warnings of the runs of these inputs (printed by the command). */
  final dev.cskit.core.Warnings warnings = dev.cskit.core.Warnings.collector();

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
      description = "The date of the run (pins, tenure, renewal freeze); default: the as_of of --scores, and "
          + "required without it (never today).")
  LocalDate asOf;

  /** Reads a model file; the name {@code example} (when no such file exists) is the built-in example model. */
  static TouchModel model(Path file) {
    if (file.toString().equals("example") && !Files.exists(file)) {
      return TouchModel.example();
    }
    return TouchModel.read(file);
  }

  /** The model of {@code --model}. */
  TouchModel model() {
    return model(model);
  }

  /**
   * Runs a model on these inputs at {@code --as-of}; without it, at the {@code as_of} of the scores file
   * (what {@code cskit score --format csv} writes); with neither, a usage error: the date is never taken to be
   * today.
   */
  Segmentation segment(TouchModel m, picocli.CommandLine cl) {
    return segment(m, runDate(asOf, scores, cl));
  }

  /**
   * The date of a run: {@code --as-of} when given, else the single {@code as_of} of the scores file; with neither, a
   * usage error (exit 2), since the date is never taken to be today.
   */
  static LocalDate runDate(LocalDate asOf, Path scores, picocli.CommandLine cl) {
    LocalDate date = asOf != null ? asOf : scoresAsOf(scores);
    if (date == null) {
      throw new picocli.CommandLine.ParameterException(cl, "Missing required option: '--as-of=YYYY-MM-DD' (the "
          + "date of the run; it is taken from the as_of column of --scores when there is one, never from today)");
    }
    return date;
  }

  /** The single as_of date of a scores file, or null (no file, no column, or several dates). */
  static LocalDate scoresAsOf(Path file) {
    if (file == null) {
      return null;
    }
    LocalDate found = null;
    try (CsvInput in = CsvInput.open(file)) {
      if (!in.has("as_of")) {
        return null;
      }
      for (CsvInput.Row row : in) {
        LocalDate d = row.date("as_of");
        if (d == null || (found != null && !found.equals(d))) {
          return null;
        }
        found = d;
      }
    }
    return found;
  }

  /** Runs a model on these inputs at a date. */
  Segmentation segment(TouchModel m, LocalDate date) {
    java.util.List<dev.cskit.core.Account> list = Accounts.readCsv(accounts);
    if (list.isEmpty()) {
      throw dev.cskit.core.DataException.of(accounts.toString(), "has no accounts: there is nothing to segment", null);
    }
    Map<AccountId, AccountHealth> health = scores(scores);
    Map<AccountId, PreviousTier> before = previous(previous);
    java.util.Set<String> tiers = new java.util.HashSet<>();
    m.tiers().forEach(t -> tiers.add(t.name()));
    for (Map.Entry<AccountId, PreviousTier> e : before.entrySet()) {
      if (!tiers.contains(e.getValue().tier())) {
        throw dev.cskit.core.DataException.of(previous.toString(), "the tier of account " + e.getKey().value()
            + " must name a tier of the model " + tiers, CskitException.quote(e.getValue().tier()));
      }
    }
    m.lint(list, health, warnings);
    return m.segment(list, health, before, date);
  }

  /**
   * Health per account from a CSV with columns {@code account_id}, {@code band} and optionally {@code score}
   * (what {@code cskit score --format csv} writes); other columns are ignored.
   */
  static Map<AccountId, AccountHealth> scores(Path file) {
    Map<AccountId, AccountHealth> out = new HashMap<>();
    if (file == null) {
      return out;
    }
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "band");
      for (CsvInput.Row row : in) {
        AccountId id = AccountId.of(row.required("account_id"));
        double score = in.has("score") ? row.number("score") : Double.NaN;
        String band = row.text("band");
        HealthBand b = band.isEmpty() ? HealthBand.INSUFFICIENT_DATA : HealthBand.of(band);
        if (out.put(id, AccountHealth.of(score, b)) != null) {
          throw row.error("account_id", "each account may appear once", CskitException.quote(id.value()));
        }
      }
    }
    return out;
  }

  /**
   * Previous tiers from a CSV {@code account_id,tier,since} (since: YYYY-MM-DD, the date the account entered
   * the tier, as {@code segment --format csv} writes it). Without {@code since} the minimum time in tier
   * could not hold, so a missing column or cell is an error.
   */
  static Map<AccountId, PreviousTier> previous(Path file) {
    Map<AccountId, PreviousTier> out = new HashMap<>();
    if (file == null) {
      return out;
    }
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "tier", "since");
      for (CsvInput.Row row : in) {
        AccountId id = AccountId.of(row.required("account_id"));
        String tier = row.required("tier");
        LocalDate since = row.date("since");
        if (since == null) {
          throw row.error("since", "the date the account entered its tier is required (YYYY-MM-DD), so the"
              + " minimum time in tier holds across runs", "an empty cell");
        }
        if (out.put(id, PreviousTier.of(tier, since)) != null) {
          throw row.error("account_id", "each account may appear once", CskitException.quote(id.value()));
        }
      }
    }
    return out;
  }
}
