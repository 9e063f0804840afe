package dev.cskit.cli;

import dev.cskit.core.io.CsvOutput;
import dev.cskit.retention.AccountAttributes;
import dev.cskit.retention.BandRetention;
import dev.cskit.retention.BandRow;
import dev.cskit.retention.BandSnapshot;
import dev.cskit.retention.Bridge;
import dev.cskit.retention.BridgeRow;
import dev.cskit.retention.ChurnRecognition;
import dev.cskit.retention.Cohort;
import dev.cskit.retention.CohortCell;
import dev.cskit.retention.CohortTriangle;
import dev.cskit.retention.Money;
import dev.cskit.retention.MrrHistory;
import dev.cskit.retention.RateRow;
import dev.cskit.retention.Rates;
import dev.cskit.retention.ReportPeriod;
import dev.cskit.retention.RetentionOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cskit retention}: revenue retention from subscription line items (or monthly MRR per account): the
 * MRR bridge, churn and retention rates, cohort triangles and retention by health band. Amounts in JSON and
 * CSV are decimal numbers of the analysis currency (exact to the cent).
 */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = "Revenue retention: MRR bridge, churn and retention rates (GRR, NRR), cohorts, retention by health band.",
    subcommands = {
      RetentionCommand.BridgeCommand.class,
      RetentionCommand.RatesCommand.class,
      RetentionCommand.CohortsCommand.class,
      RetentionCommand.ByBandCommand.class,
    })
public final class RetentionCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: bridge, rates, cohorts or by-band");
  }

  /** The input and its conventions, shared by every subcommand. */
  static final class Inputs {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
      @Option(names = "--subscriptions", paramLabel = "FILE",
          description = "Subscription line items CSV: account_id, start_date, amount, billing_period (month|quarter|year); "
              + "optional subscription_id, plan, end_date (empty while active; exclusive), currency.")
      Path subscriptions;

      @Option(names = "--mrr", paramLabel = "FILE", description = "Monthly MRR per account CSV: account_id, month (YYYY-MM), mrr[, currency].")
      Path mrr;
    }

    @Option(names = "--churn-at", paramLabel = "WHEN", converter = ChurnConverter.class,
        description = "When a cancellation ends MRR: cancellation (the end date, default) or period-end (the end of the period already paid).")
    ChurnRecognition churnAt = ChurnRecognition.AT_CANCELLATION;

    @Option(names = "--reactivation-window", paramLabel = "MONTHS",
        description = "Whole months an account may be away and still return as reactivation; longer is new (default: no limit).")
    Integer window;

    @Option(names = "--currency", paramLabel = "CODE", description = "The analysis currency (required with --fx).")
    String currency;

    @Option(names = "--fx", paramLabel = "FILE", description = "Conversion table CSV: currency, rate (units of --currency per unit).")
    Path fx;

    @Option(names = "--through", paramLabel = "YYYY-MM", converter = MonthConverter.class,
        description = "The last month of the history (default: the latest month of any start or end date).")
    YearMonth through;

    @CommandLine.Mixin TableFormatOption tableFormat;

    MrrHistory history() {
      RetentionOptions o = RetentionOptions.defaults().withChurnRecognition(churnAt)
          .withReactivationWindowMonths(window).withThrough(through);
      if (fx != null || currency != null) {
        o = o.withCurrency(currency, fx == null ? Map.of() : AccountAttributes.readConversionCsv(fx));
      }
      return source.subscriptions != null ? MrrHistory.readSubscriptions(source.subscriptions, o)
          : MrrHistory.readMonthlyMrr(source.mrr, o);
    }
  }

  /** The months a bridge or rate table covers. */
  static final class Range {
    @Option(names = "--period", paramLabel = "PERIOD", converter = PeriodConverter.class,
        description = "month (default), quarter or year.")
    ReportPeriod period = ReportPeriod.MONTH;

    @Option(names = "--from", paramLabel = "YYYY-MM", converter = MonthConverter.class, description = "First month (default: the history's first).")
    YearMonth from;

    @Option(names = "--to", paramLabel = "YYYY-MM", converter = MonthConverter.class, description = "Last month (default: the history's last).")
    YearMonth to;

    @Option(names = "--last", paramLabel = "N", description = "Only the last N periods.")
    Integer last;

    YearMonth from(MrrHistory h) {
      return from == null ? h.firstMonth() : from;
    }

    YearMonth to(MrrHistory h) {
      return to == null ? h.lastMonth() : to;
    }

    int last() {
      if (last != null && last < 1) {
        throw new CommandLine.TypeConversionException("--last must be 1 or more");
      }
      return last == null ? Integer.MAX_VALUE : last;
    }
  }

  static final class ChurnConverter extends SurveyCommand.LibraryConverter<ChurnRecognition> {
    ChurnConverter() {
      super(ChurnRecognition::parse);
    }
  }

  static final class PeriodConverter extends SurveyCommand.LibraryConverter<ReportPeriod> {
    PeriodConverter() {
      super(ReportPeriod::parse);
    }
  }

  static final class MonthConverter implements CommandLine.ITypeConverter<YearMonth> {
    @Override
    public YearMonth convert(String value) {
      try {
        return YearMonth.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("must be a month YYYY-MM, found \"" + value + "\"");
      }
    }
  }

  static Object num(double v) {
    return Json.number(v);
  }

  static String csv(double v) {
    return Double.isNaN(v) ? "" : CsvOutput.number(v);
  }

  /** {@code cskit retention bridge}. */
  @Command(name = "bridge", mixinStandardHelpOptions = true,
      description = "The MRR bridge per month, quarter or year: starting + new + expansion + reactivation - contraction - churn = ending, with account counts.")
  static final class BridgeCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Inputs inputs;
    @CommandLine.Mixin Range range;

    @Override
    public Integer call() {
      int last = range.last();
      MrrHistory h = inputs.history();
      Bridge b = h.bridge(range.period, range.from(h), range.to(h)).last(last);
      print(spec, inputs.tableFormat.format, b.toString(), () -> json(b), () -> csvRows(b));
      return Main.OK;
    }

    static Map<String, Object> json(Bridge b) {
      List<Object> rows = new ArrayList<>();
      for (BridgeRow r : b.rows()) {
        rows.add(Json.object("period", r.label(), "firstMonth", r.firstMonth().toString(),
            "lastMonth", r.lastMonth().toString(), "starting", Money.decimal(r.starting()),
            "new", Money.decimal(r.newMrr()), "expansion", Money.decimal(r.expansion()),
            "reactivation", Money.decimal(r.reactivation()), "contraction", Money.decimal(r.contraction()),
            "churn", Money.decimal(r.churn()), "ending", Money.decimal(r.ending()),
            "startingAccounts", r.startingAccounts(), "newAccounts", r.newAccounts(),
            "expansionAccounts", r.expansionAccounts(), "reactivationAccounts", r.reactivationAccounts(),
            "contractionAccounts", r.contractionAccounts(), "churnedAccounts", r.churnedAccounts(),
            "endingAccounts", r.endingAccounts()));
      }
      return Json.object("period", b.period().toString(), "currency", b.currency(), "rows", rows);
    }

    static List<List<String>> csvRows(Bridge b) {
      List<List<String>> out = new ArrayList<>();
      out.add(List.of("period", "starting", "new", "expansion", "reactivation", "contraction", "churn", "ending",
          "starting_accounts", "new_accounts", "expansion_accounts", "reactivation_accounts", "contraction_accounts",
          "churned_accounts", "ending_accounts"));
      for (BridgeRow r : b.rows()) {
        out.add(List.of(r.label(), Money.format(r.starting()), Money.format(r.newMrr()), Money.format(r.expansion()),
            Money.format(r.reactivation()), Money.format(r.contraction()), Money.format(r.churn()),
            Money.format(r.ending()), "" + r.startingAccounts(), "" + r.newAccounts(), "" + r.expansionAccounts(),
            "" + r.reactivationAccounts(), "" + r.contractionAccounts(), "" + r.churnedAccounts(),
            "" + r.endingAccounts()));
      }
      return out;
    }
  }

  /** {@code cskit retention rates}. */
  @Command(name = "rates", mixinStandardHelpOptions = true,
      description = "Logo churn, gross and net MRR churn, quick ratio, expansion share, GRR and NRR per period and over 12 months (cohort method), with the accounts behind each.")
  static final class RatesCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Inputs inputs;
    @CommandLine.Mixin Range range;

    @Override
    public Integer call() {
      int last = range.last();
      MrrHistory h = inputs.history();
      Rates r = h.rates(range.period, range.from(h), range.to(h)).last(last);
      print(spec, inputs.tableFormat.format, r.toString(), () -> json(r), () -> csvRows(r));
      return Main.OK;
    }

    static Map<String, Object> json(Rates rates) {
      List<Object> rows = new ArrayList<>();
      for (RateRow r : rates.rows()) {
        rows.add(Json.object("period", r.label(), "startingAccounts", r.startingAccounts(),
            "logoChurn", num(r.logoChurn()), "grossMrrChurn", num(r.grossMrrChurn()),
            "netMrrChurn", num(r.netMrrChurn()), "quickRatio", num(r.quickRatio()),
            "expansionShare", num(r.expansionShare()), "grr", num(r.grr()), "nrr", num(r.nrr()),
            "accounts12", r.accounts12(), "grr12", num(r.grr12()), "nrr12", num(r.nrr12())));
      }
      return Json.object("period", rates.period().toString(), "rows", rows);
    }

    static List<List<String>> csvRows(Rates rates) {
      List<List<String>> out = new ArrayList<>();
      out.add(List.of("period", "starting_accounts", "logo_churn", "gross_mrr_churn", "net_mrr_churn", "quick_ratio",
          "expansion_share", "grr", "nrr", "accounts_12m", "grr_12m", "nrr_12m"));
      for (RateRow r : rates.rows()) {
        out.add(List.of(r.label(), "" + r.startingAccounts(), csv(r.logoChurn()), csv(r.grossMrrChurn()),
            csv(r.netMrrChurn()), csv(r.quickRatio()), csv(r.expansionShare()), csv(r.grr()), csv(r.nrr()),
            "" + r.accounts12(), csv(r.grr12()), csv(r.nrr12())));
      }
      return out;
    }
  }

  /** {@code cskit retention cohorts}. */
  @Command(name = "cohorts", mixinStandardHelpOptions = true,
      description = "Logo and revenue retention triangles by start month (or by an account attribute) and months since start.")
  static final class CohortsCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Inputs inputs;

    @Option(names = "--attributes", paramLabel = "FILE", description = "Account attributes CSV (account_id and the --by column).")
    Path attributes;

    @Option(names = "--by", paramLabel = "COLUMN", description = "Group by this attribute instead of the start month (needs --attributes).")
    String by;

    @Option(names = "--months", paramLabel = "N", description = "Months since start shown in the table (default: ${DEFAULT-VALUE}).")
    int months = 12;

    @Override
    public Integer call() {
      if ((attributes == null) != (by == null)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--attributes and --by go together");
      }
      MrrHistory h = inputs.history();
      CohortTriangle t = by == null ? h.cohorts() : h.cohortsBy(by, AccountAttributes.readCsv(attributes, by));
      String text = "Logo retention\n" + t.table(false, months) + "Revenue retention\n" + t.table(true, months);
      print(spec, inputs.tableFormat.format, text, () -> json(t), () -> csvRows(t));
      return Main.OK;
    }

    static Map<String, Object> json(CohortTriangle t) {
      List<Object> rows = new ArrayList<>();
      for (Cohort c : t.cohorts()) {
        List<Object> cells = new ArrayList<>();
        for (CohortCell cell : c.cells()) {
          cells.add(Json.object("monthsSinceStart", cell.monthsSinceStart(), "observedAccounts", cell.observedAccounts(),
              "activeAccounts", cell.activeAccounts(), "startMrr", Money.decimal(cell.startMrr()),
              "mrr", Money.decimal(cell.mrr()), "logoRetention", num(cell.logoRetention()),
              "revenueRetention", num(cell.revenueRetention())));
        }
        rows.add(Json.object("group", c.group(), "accounts", c.accounts(), "startMrr", Money.decimal(c.startMrr()),
            "cells", cells));
      }
      return Json.object("dimension", t.dimension(), "cohorts", rows);
    }

    static List<List<String>> csvRows(CohortTriangle t) {
      List<List<String>> out = new ArrayList<>();
      out.add(List.of("group", "months_since_start", "observed_accounts", "active_accounts", "start_mrr", "mrr",
          "logo_retention", "revenue_retention"));
      for (Cohort c : t.cohorts()) {
        for (CohortCell cell : c.cells()) {
          out.add(List.of(c.group(), "" + cell.monthsSinceStart(), "" + cell.observedAccounts(),
              "" + cell.activeAccounts(), Money.format(cell.startMrr()), Money.format(cell.mrr()),
              csv(cell.logoRetention()), csv(cell.revenueRetention())));
        }
      }
      return out;
    }
  }

  /** {@code cskit retention by-band}. */
  @Command(name = "by-band", mixinStandardHelpOptions = true,
      description = "NRR, GRR and logo churn over the next months by the health band (and tier) each account had at a snapshot, with intervals at --confidence (default 95%%).")
  static final class ByBandCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Inputs inputs;

    @Option(names = "--scores", paramLabel = "FILE.csv",
        description = "Scores at the snapshot (required): account_id, band[, tier], as cskit score --format csv writes.")
    Path snapshot;

    /** {@code --snapshot}, the old name of {@code --scores}: still read, not shown in help. */
    @Option(names = "--snapshot", paramLabel = "FILE", hidden = true, description = "The old name of --scores.")
    Path oldSnapshot;

    @Option(names = "--as-of", paramLabel = "DATE", required = true, description = "The snapshot's date (YYYY-MM-DD).")
    LocalDate asOf;

    @Option(names = "--horizons", paramLabel = "MONTHS", split = ",", description = "Months after the snapshot (default: 3,6,12).")
    int[] horizons = {3, 6, 12};

    @CommandLine.Mixin SurveyCommand.ConfidenceOption confidence;

    @Override
    public Integer call() {
      if (snapshot != null && oldSnapshot != null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "give --scores only: --snapshot is its old name, and both were given");
      }
      if (snapshot == null) {
        snapshot = oldSnapshot;
      }
      if (snapshot == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--scores=FILE.csv'");
      }
      MrrHistory h = inputs.history();
      BandRetention r = h.byBand(BandSnapshot.readCsv(snapshot, asOf), confidence.confidence, horizons);
      for (String w : r.warnings()) {
        spec.commandLine().getErr().println("cskit: warning: " + w);
      }
      print(spec, inputs.tableFormat.format, r.toString(), () -> json(r), () -> csvRows(r));
      return Main.OK;
    }

    static Map<String, Object> json(BandRetention r) {
      List<Object> rows = new ArrayList<>();
      for (BandRow b : r.rows()) {
        rows.add(Json.object("by", b.dimension(), "group", b.group(), "horizonMonths", b.horizonMonths(),
            "observed", b.observed(), "accounts", b.accounts(), "startMrr", Money.decimal(b.startMrr()),
            "endMrr", b.observed() ? Money.decimal(b.endMrr()) : null,
            "nrr", num(b.nrr()), "nrrLower", num(b.nrrLower()), "nrrUpper", num(b.nrrUpper()),
            "grr", num(b.grr()), "grrLower", num(b.grrLower()), "grrUpper", num(b.grrUpper()),
            "churnedAccounts", b.churnedAccounts(), "logoChurn", num(b.logoChurn()),
            "logoChurnLower", num(b.logoChurnLower()), "logoChurnUpper", num(b.logoChurnUpper())));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("asOf", r.asOf().toString());
      out.put("baseMonth", r.baseMonth().toString());
      out.put("confidence", r.confidence());
      out.put("intervals", r.level() + ": Wilson score for logo churn; ratio-estimator delta method for NRR and GRR");
      out.put("rows", rows);
      out.put("warnings", r.warnings());
      return out;
    }

    static List<List<String>> csvRows(BandRetention r) {
      List<List<String>> out = new ArrayList<>();
      out.add(List.of("by", "group", "horizon_months", "observed", "accounts", "start_mrr", "end_mrr", "nrr",
          "nrr_lower", "nrr_upper", "grr", "grr_lower", "grr_upper", "churned_accounts", "logo_churn",
          "logo_churn_lower", "logo_churn_upper"));
      for (BandRow b : r.rows()) {
        out.add(List.of(b.dimension(), b.group(), "" + b.horizonMonths(), "" + b.observed(), "" + b.accounts(),
            Money.format(b.startMrr()), b.observed() ? Money.format(b.endMrr()) : "", csv(b.nrr()),
            csv(b.nrrLower()), csv(b.nrrUpper()), csv(b.grr()), csv(b.grrLower()), csv(b.grrUpper()),
            "" + b.churnedAccounts(), csv(b.logoChurn()), csv(b.logoChurnLower()), csv(b.logoChurnUpper())));
      }
      return out;
    }
  }

  /** Prints through {@link Output#print}: the CSV as the given rows, header first. */
  static void print(CommandLine.Model.CommandSpec spec, OutputFormat format, String table,
      java.util.function.Supplier<Object> json, java.util.function.Supplier<List<List<String>>> csv) {
    Output.print(spec, format, () -> table, c -> csv.get().forEach(c::row), json);
  }
}
