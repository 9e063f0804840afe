package dev.cskit.cli;

import dev.cskit.core.AccountId;
import dev.cskit.core.Accounts;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.io.CsvInput;
import dev.cskit.core.io.CsvOutput;
import dev.cskit.core.io.TextTable;
import dev.cskit.touchmodel.PreviousTier;
import dev.cskit.touchmodel.Segmentation;
import dev.cskit.touchmodel.TierAssignment;
import dev.cskit.touchmodel.TouchModel;
import dev.cskit.touchmodel.trial.Arm;
import dev.cskit.touchmodel.trial.ArmAssignment;
import dev.cskit.touchmodel.trial.ArmComparison;
import dev.cskit.touchmodel.trial.BetaPrior;
import dev.cskit.touchmodel.trial.TrialAnalysis;
import dev.cskit.touchmodel.trial.TrialAssignment;
import dev.cskit.touchmodel.trial.TrialCandidate;
import dev.cskit.touchmodel.trial.TrialOutcome;
import dev.cskit.touchmodel.trial.TrialPlan;
import dev.cskit.touchmodel.trial.Trials;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit touch trial}: plan, assign and analyse a trial of a play. */
@Command(
    name = "trial",
    mixinStandardHelpOptions = true,
    description = "Trials of a play: plan (accounts and months), assign (play / control), analyse (did it work).",
    subcommands = {
      TouchTrialCommand.PlanCommand.class,
      TouchTrialCommand.AssignCommand.class,
      TouchTrialCommand.AnalyseCommand.class,
    })
public final class TouchTrialCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: plan, assign or analyse");
  }

  /** A library argument error as a usage error naming the flag (exit 2). */
  static CommandLine.ParameterException usage(CommandLine.Model.CommandSpec spec, CskitException e,
      Map<String, String> flags) {
    String flag = flags.getOrDefault(e.where(), e.where());
    return new CommandLine.ParameterException(spec.commandLine(),
        flag + " " + e.rule() + (e.found() == null ? "" : "; found " + e.found()));
  }

  /** Warnings go to stderr, one per line. */
  static void warn(CommandLine.Model.CommandSpec spec, List<String> warnings) {
    for (String w : warnings) {
      spec.commandLine().getErr().println("cskit: warning: " + w);
    }
    spec.commandLine().getErr().flush();
  }

  /** {@code cskit touch trial plan}. JSON: the {@link TrialPlan} fields plus {@code warnings}. */
  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description = {
        "Accounts per arm to detect a lift in conversion (R's power.prop.test), and months at a pace.",
        "Example: cskit touch trial plan --baseline 0.10 --target 0.15 --power 0.8 --confidence 0.95 --pace 100"
      })
  public static final class PlanCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "RATE", description = "Control's conversion rate, e.g. 0.10.")
    double baseline;

    @Option(names = "--target", required = true, paramLabel = "RATE", description = "The play's rate worth detecting, e.g. 0.15.")
    double target;

    @Option(names = "--power", defaultValue = "0.8", paramLabel = "P", description = "Power (default: ${DEFAULT-VALUE}).")
    double power;

    /** The two-sided significance level: 1 - {@code --confidence}. */
    double alpha = 0.05;

    /** {@code --confidence}: alpha = 1 - C, computed in decimal so 0.95 gives exactly 0.05. */
    @Option(names = "--confidence", paramLabel = "C",
        description = "Confidence level of the test, 1 - alpha (default: 0.95).")
    void confidence(double c) {
      alpha = Double.isFinite(c) ? java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(c)).doubleValue()
          : Double.NaN;
    }

    /** {@code --alpha}, the significance level: the old spelling of {@code --confidence} (alpha = 1 - C). */
    @Option(names = "--alpha", paramLabel = "A", hidden = true, description = "The significance level, 1 - --confidence.")
    void alpha(double a) {
      alpha = a;
    }

    @Option(names = "--pace", paramLabel = "N", description = "Accounts entering the trial per month, both arms.")
    Double pace;

    @Option(names = "--strict", description = "Count both tails in the power (R's strict = TRUE).")
    boolean strict;

    @CommandLine.Mixin TableFormatOption tableFormat;

    @Override
    public Integer call() {
      TrialPlan p;
      try {
        p = Trials.plan(baseline, target, power, alpha, pace == null ? Double.NaN : pace, strict);
      } catch (CskitException e) {
        throw usage(spec, e, Map.of("baseline", "--baseline", "target", "--target", "power", "--power", "alpha",
            spec.commandLine().getParseResult().hasMatchedOption("--alpha") ? "--alpha" : "--confidence", "pace", "--pace"));
      }
      PrintWriter out = spec.commandLine().getOut();
      switch (tableFormat.format) {
        case JSON:
          Map<String, Object> j = Json.mapper().convertValue(p, LinkedHashMap.class);
          j.put("pace", Json.number(p.pace()));
          j.put("months", Double.isNaN(p.pace()) ? null : p.months());
          j.put("warnings", List.of());
          out.println(Json.write(j));
          break;
        case CSV:
          new CsvOutput(out)
              .row("baseline", "target", "power", "alpha", "strict", "n_per_arm", "accounts_per_arm",
                  "n_per_arm_arcsine", "total_accounts", "pace", "months")
              .row(CsvOutput.number(p.baseline()), CsvOutput.number(p.target()), CsvOutput.number(p.power()),
                  CsvOutput.number(p.alpha()), Boolean.toString(p.strict()), Double.toString(p.nPerArm()),
                  Long.toString(p.accountsPerArm()), Double.toString(p.nPerArmArcsine()),
                  Long.toString(p.totalAccounts()), Double.isNaN(p.pace()) ? "" : CsvOutput.number(p.pace()),
                  Double.isNaN(p.pace()) ? "" : Long.toString(p.months()))
              .flush();
          break;
        default:
          out.print(p);
      }
      out.flush();
      return Main.OK;
    }
  }

  /** {@code cskit touch trial assign}: the seeded stratified split, as a list. */
  @Command(
      name = "assign",
      mixinStandardHelpOptions = true,
      description = {
        "Split eligible accounts into play and control at random (seeded), half and half within each tier or band.",
        "Example: cskit touch trial assign --accounts accounts.csv --scores scores.csv --tiers low --stratify band --seed 7"
      })
  public static final class AssignCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--accounts", required = true, paramLabel = "FILE.csv", description = "Accounts CSV.")
    Path accounts;

    @Option(names = "--scores", paramLabel = "FILE.csv", description = "Health scores CSV (account_id, score, band).")
    Path scores;

    @Option(names = "--model", paramLabel = "FILE", defaultValue = "example",
        description = "Touch model; \"example\" for the built-in one (default).")
    Path model;

    @Option(names = "--previous", paramLabel = "FILE.csv", description = "The previous run's tiers: account_id,tier[,since].")
    Path previous;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
        description = "The date of the run (pins, tenure, renewal freeze); default: the as_of of --scores, and "
            + "required without it (never today).")
    LocalDate asOf;

    @Option(names = "--eligible", paramLabel = "FILE.csv",
        description = "Only these accounts (a CSV with account_id); default: every account of --tiers.")
    Path eligible;

    @Option(names = "--tiers", split = ",", paramLabel = "TIER", description = "Only accounts in these tiers (default: all).")
    List<String> tiers;

    @Option(names = "--stratify", defaultValue = "tier", paramLabel = "BY",
        description = "tier, band, tier-band or none (default: ${DEFAULT-VALUE}).")
    String stratify;

    @Option(names = "--seed", required = true, paramLabel = "N", description = "The random seed (write it down).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the list here (CSV) instead of printing it.")
    Path out;

    @CommandLine.Mixin TableFormatOption tableFormat;

    @Override
    public Integer call() {
      String by = stratify.toLowerCase(Locale.ROOT);
      if (!Set.of("tier", "band", "tier-band", "none").contains(by)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--stratify must be tier, band, tier-band or none; found \"" + stratify + "\"");
      }
      TouchModel m = TouchInputs.model(model);
      List<dev.cskit.core.Account> list = Accounts.readCsv(accounts);
      Map<AccountId, PreviousTier> prev = TouchInputs.previous(previous);
      Segmentation s = m.segment(list, TouchInputs.scores(scores), prev,
          TouchInputs.runDate(asOf, scores, spec.commandLine()));
      Set<AccountId> only = eligible == null ? null : readIds(eligible, s);
      Set<String> tierSet = new HashSet<>();
      if (tiers != null) {
        tiers.forEach(t -> tierSet.add(t.trim().toLowerCase(Locale.ROOT)));
      }
      List<TrialCandidate> candidates = new ArrayList<>();
      for (TierAssignment t : s.assignments()) {
        if ((only != null && !only.contains(t.accountId())) || (!tierSet.isEmpty() && !tierSet.contains(t.tier()))) {
          continue;
        }
        String stratum = by.equals("tier") ? t.tier() : by.equals("band") ? t.band()
            : by.equals("tier-band") ? t.tier() + "/" + t.band() : "all";
        candidates.add(new TrialCandidate(t.accountId(), stratum));
      }
      List<String> warnings = new ArrayList<>();
      if (candidates.isEmpty()) {
        throw DataException.of(accounts.toString(), "no account is eligible for the trial (check --tiers and --eligible)",
            null);
      }
      TrialAssignment a = Trials.assign(candidates, seed);
      a.countsByStratum().forEach((k, v) -> {
        if (v[0] + v[1] < 2) {
          warnings.add("stratum " + k + " has a single account: it goes to one arm only");
        }
      });
      warn(spec, warnings);
      if (out != null) {
        StringWriter w = new StringWriter();
        writeCsv(new PrintWriter(w), a);
        writeAtomically(out, w.toString());
        spec.commandLine().getOut().printf("wrote %d accounts (%d play, %d control, seed %d) to %s%n",
            a.assignments().size(), a.count(Arm.PLAY), a.count(Arm.CONTROL), seed, out);
        spec.commandLine().getOut().flush();
        return Main.OK;
      }
      PrintWriter o = spec.commandLine().getOut();
      switch (tableFormat.format) {
        case JSON:
          List<Object> rows = new ArrayList<>();
          for (ArmAssignment x : a.assignments()) {
            rows.add(Json.object("accountId", x.accountId().value(), "stratum", x.stratum(), "arm", x.arm().label()));
          }
          Map<String, Object> strata = new LinkedHashMap<>();
          a.countsByStratum().forEach((k, v) -> strata.put(k, Json.object("play", v[0], "control", v[1])));
          o.println(Json.write(Json.object("seed", seed, "stratify", by, "strata", strata, "assignments", rows,
              "warnings", warnings)));
          break;
        case CSV:
          writeCsv(o, a);
          break;
        default:
          o.print(a);
          TextTable t = TextTable.withHeader("account", "stratum", "arm");
          a.assignments().forEach(x -> t.row(x.accountId().value(), x.stratum(), x.arm().label()));
          o.println();
          o.print(t);
      }
      o.flush();
      return Main.OK;
    }

    private static Set<AccountId> readIds(Path file, Segmentation s) {
      Set<AccountId> ids = new HashSet<>();
      try (CsvInput in = CsvInput.open(file)) {
        in.require("account_id");
        for (CsvInput.Row row : in) {
          AccountId id = AccountId.of(row.required("account_id"));
          if (s.of(id) == null) {
            throw row.error("account_id", "must be an account of --accounts", CskitException.quote(id.value()));
          }
          ids.add(id);
        }
      }
      return ids;
    }

    static void writeCsv(PrintWriter w, TrialAssignment a) {
      CsvOutput csv = new CsvOutput(w).row("account_id", "stratum", "arm");
      for (ArmAssignment x : a.assignments()) {
        csv.row(x.accountId().value(), x.stratum(), x.arm().label());
      }
      csv.flush();
    }

    static void writeAtomically(Path file, String text) {
      dev.cskit.core.io.AtomicFiles.writeString(file, text);
    }
  }

  /** {@code cskit touch trial analyse}: did the play work. */
  @Command(
      name = "analyse",
      aliases = "analyze",
      mixinStandardHelpOptions = true,
      description = {
        "Play against control: did the play work?",
        "The difference with a Newcombe interval, Fisher's exact test, the odds ratio and the probability that "
            + "the play beats control (Beta priors); by tier and band from an outcomes file.",
        "Example: cskit touch trial analyse --play-conversions 15 --play-accounts 100 --control-conversions 8"
            + " --control-accounts 100"
      })
  public static final class AnalyseCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--play-conversions", paramLabel = "N", description = "Accounts that converted in the play arm.")
    Integer playConversions;

    @Option(names = "--play-accounts", paramLabel = "N", description = "Accounts in the play arm.")
    Integer playAccounts;

    @Option(names = "--control-conversions", paramLabel = "N", description = "Accounts that converted in control.")
    Integer controlConversions;

    @Option(names = "--control-accounts", paramLabel = "N", description = "Accounts in the control arm.")
    Integer controlAccounts;

    @Option(names = "--outcomes", paramLabel = "FILE.csv",
        description = "One row per account: account_id, arm (play/control), converted (1/0 or true/false)[, tier, band].")
    Path outcomes;

    @Option(names = "--accounts", paramLabel = "FILE.csv",
        description = "With --outcomes that have no tier/band columns: segment these accounts to analyse by tier and band.")
    Path accounts;

    @Option(names = "--scores", paramLabel = "FILE.csv", description = "Health scores CSV for the bands (with --accounts).")
    Path scores;

    @Option(names = "--model", paramLabel = "FILE", defaultValue = "example",
        description = "Touch model for the tiers (with --accounts); \"example\" (default).")
    Path model;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The date of the segmentation (with --accounts); default: the as_of of --scores, and required without it (never today).")
    LocalDate asOf;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "C", description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--prior-alpha", defaultValue = "1", paramLabel = "A",
        description = "Beta prior alpha for both arms, a whole number (default: ${DEFAULT-VALUE}).")
    double priorAlpha;

    @Option(names = "--prior-beta", defaultValue = "1", paramLabel = "B",
        description = "Beta prior beta for both arms (default: ${DEFAULT-VALUE}).")
    double priorBeta;

    @CommandLine.Mixin TableFormatOption tableFormat;

    @Override
    public Integer call() {
      boolean counts = playConversions != null || playAccounts != null || controlConversions != null
          || controlAccounts != null;
      if (counts == (outcomes != null)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "give either the four counts (--play-conversions, --play-accounts, --control-conversions,"
                + " --control-accounts) or --outcomes");
      }
      if (counts && (playConversions == null || playAccounts == null || controlConversions == null
          || controlAccounts == null)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "all four counts are needed: --play-conversions, --play-accounts, --control-conversions, --control-accounts");
      }
      Map<String, String> flags = Map.of("play accounts", "--play-accounts", "control accounts", "--control-accounts",
          "play conversions", "--play-conversions", "control conversions", "--control-conversions",
          "confidence", "--confidence", "prior alpha", "--prior-alpha", "prior beta", "--prior-beta");
      BetaPrior prior;
      try {
        prior = BetaPrior.of(priorAlpha, priorBeta);
      } catch (CskitException e) {
        throw usage(spec, e, flags);
      }
      TrialAnalysis a;
      if (counts) {
        try {
          a = Trials.analyse(playConversions, playAccounts, controlConversions, controlAccounts, confidence, prior,
              prior);
        } catch (CskitException e) {
          throw usage(spec, e, flags);
        }
      } else {
        List<TrialOutcome> rows = readOutcomes(outcomes);
        if (accounts != null) {
          rows = withTiersAndBands(rows);
        }
        try {
          a = Trials.analyse(rows, confidence, prior, prior);
        } catch (CskitException e) {
          if (e.where() != null && e.where().equals("confidence")) {
            throw usage(spec, e, flags);
          }
          throw DataException.of(outcomes.toString(), e.where() + " " + e.rule(), e.found());
        }
      }
      warn(spec, a.warnings());
      print(spec.commandLine().getOut(), a, tableFormat.format);
      return Main.OK;
    }

    /** Fills each outcome's missing tier and band from the segmentation of --accounts. */
    private List<TrialOutcome> withTiersAndBands(List<TrialOutcome> rows) {
      TouchModel m = TouchInputs.model(model);
      Segmentation s = m.segment(Accounts.readCsv(accounts), TouchInputs.scores(scores), Map.of(),
          TouchInputs.runDate(asOf, scores, spec.commandLine()));
      List<TrialOutcome> out = new ArrayList<>();
      for (TrialOutcome o : rows) {
        TierAssignment t = s.of(o.accountId());
        if (t == null) {
          throw DataException.of(outcomes.toString(), "every account must be in --accounts",
              CskitException.quote(o.accountId().value()));
        }
        String tier = o.tier() == null || o.tier().isEmpty() ? t.tier() : o.tier();
        String band = o.band() == null || o.band().isEmpty() ? t.band() : o.band();
        out.add(new TrialOutcome(o.accountId(), o.arm(), tier, band, o.converted()));
      }
      return out;
    }

    static List<TrialOutcome> readOutcomes(Path file) {
      List<TrialOutcome> out = new ArrayList<>();
      Set<AccountId> seen = new HashSet<>();
      try (CsvInput in = CsvInput.open(file)) {
        in.require("account_id", "arm", "converted");
        for (CsvInput.Row row : in) {
          AccountId id = AccountId.of(row.required("account_id"));
          if (!seen.add(id)) {
            throw row.error("account_id", "each account may appear once", CskitException.quote(id.value()));
          }
          Arm arm = Arm.parse(row.required("arm"));
          if (arm == null) {
            throw row.error("arm", "must be play or control", CskitException.quote(row.text("arm")));
          }
          String c = row.required("converted").toLowerCase(Locale.ROOT);
          boolean converted;
          if (c.equals("1") || c.equals("true") || c.equals("yes")) {
            converted = true;
          } else if (c.equals("0") || c.equals("false") || c.equals("no")) {
            converted = false;
          } else {
            throw row.error("converted", "must be 1/0, true/false or yes/no", CskitException.quote(c));
          }
          String tier = in.has("tier") ? row.text("tier") : null;
          String band = in.has("band") ? row.text("band") : null;
          out.add(new TrialOutcome(id, arm, tier, band, converted));
        }
      }
      if (out.isEmpty()) {
        throw DataException.of(file.toString(), "needs at least one account", "no rows");
      }
      return out;
    }

    static void print(PrintWriter out, TrialAnalysis a, OutputFormat format) {
      switch (format) {
        case JSON:
          out.println(Json.write(json(a)));
          break;
        case CSV:
          CsvOutput csv = new CsvOutput(out).row("group", "play_conversions", "play_accounts", "control_conversions",
              "control_accounts", "play_rate", "play_lower", "play_upper", "control_rate", "control_lower",
              "control_upper", "difference", "difference_lower", "difference_upper", "fisher_p", "odds_ratio",
              "odds_ratio_lower", "odds_ratio_upper", "probability_play_better", "warnings");
          for (ArmComparison c : a.all()) {
            csv.row(c.group(), Integer.toString(c.playConversions()), Integer.toString(c.playAccounts()),
                Integer.toString(c.controlConversions()), Integer.toString(c.controlAccounts()), d(c.playRate()),
                d(c.playLower()), d(c.playUpper()), d(c.controlRate()), d(c.controlLower()), d(c.controlUpper()),
                d(c.difference()), d(c.differenceLower()), d(c.differenceUpper()), d(c.fisherP()), d(c.oddsRatio()),
                d(c.oddsRatioLower()), d(c.oddsRatioUpper()), d(c.probabilityPlayBetter()),
                String.join("; ", c.warnings()));
          }
          csv.flush();
          break;
        default:
          out.print(a);
      }
      out.flush();
    }

    private static String d(double v) {
      return Double.isInfinite(v) ? "Inf" : Double.toString(v);
    }

    static Map<String, Object> json(TrialAnalysis a) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("confidence", a.confidence());
      out.put("prior", Json.object("alpha", a.playPrior().alpha(), "beta", a.playPrior().beta()));
      out.put("overall", a.overall());
      out.put("strata", a.strata());
      out.put("minExpectedConversions", Trials.MIN_EXPECTED_CONVERSIONS);
      out.put("warnings", a.warnings());
      return out;
    }
  }
}
