package dev.cskit.cli;

import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.io.TextTable;
import dev.cskit.core.io.CsvInput;
import dev.cskit.core.io.CsvOutput;
import dev.cskit.ttv.stats.AalenJohansen;
import dev.cskit.ttv.stats.CifRow;
import dev.cskit.ttv.stats.ConfType;
import dev.cskit.ttv.stats.KaplanMeier;
import dev.cskit.ttv.stats.KmRow;
import dev.cskit.ttv.stats.LogRank;
import dev.cskit.ttv.stats.LogRankResult;
import dev.cskit.ttv.stats.NaiveIncidence;
import dev.cskit.ttv.stats.Quantile;
import dev.cskit.ttv.stats.RestrictedMean;
import dev.cskit.ttv.stats.RmstDifference;
import dev.cskit.ttv.AccountDuration;
import dev.cskit.ttv.CheckIn;
import dev.cskit.ttv.CheckInDay;
import dev.cskit.ttv.DailySeries;
import dev.cskit.ttv.Durations;
import dev.cskit.ttv.MilestoneEvent;
import dev.cskit.ttv.Payback;
import dev.cskit.ttv.PaybackPoint;
import dev.cskit.ttv.PaybackSummary;
import dev.cskit.ttv.StalledAccount;
import dev.cskit.ttv.TtvSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit ttv}: time to value with survival analysis. */
@Command(
    name = "ttv",
    mixinStandardHelpOptions = true,
    description = {
      "Time to value, censoring-aware: Kaplan-Meier, competing risks of churn, check-in timing, payback, "
          + "and durations from milestone events.",
      "Numbers match R's survival package."
    },
    subcommands = {
      TtvCommand.Km.class,
      TtvCommand.Cif.class,
      TtvCommand.Checkin.class,
      TtvCommand.PaybackCmd.class,
      TtvCommand.FromEvents.class,
      TtvBottlenecksCommand.class,
      TtvShareCommand.class,
    })
public final class TtvCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: km, cif, checkin, payback, from-events, bottlenecks or share");
  }

  /**
   * Durations and status codes of one group, in file order, in primitive arrays; an account id is kept only
   * where the file has an id column (otherwise it is "row N", built when asked), a renewal only where asked.
   */
  static final class Sample {
    private double[] time = new double[16];
    private int[] status = new int[16];
    private long[] row = new long[16];
    private double[] renewal; // null: no renewal column
    private List<String> ids; // null: "row N"
    private int size;

    Sample(boolean withIds, boolean withRenewal) {
      ids = withIds ? new ArrayList<>() : null;
      renewal = withRenewal ? new double[16] : null;
    }

    void add(double t, int s, long rowNumber, String id, double renewalDay) {
      if (size == time.length) {
        int n = size * 2;
        time = Arrays.copyOf(time, n);
        status = Arrays.copyOf(status, n);
        row = Arrays.copyOf(row, n);
        if (renewal != null) {
          renewal = Arrays.copyOf(renewal, n);
        }
      }
      time[size] = t;
      status[size] = s;
      row[size] = rowNumber;
      if (renewal != null) {
        renewal[size] = renewalDay;
      }
      if (ids != null) {
        ids.add(id);
      }
      size++;
    }

    int size() {
      return size;
    }

    double time(int i) {
      return time[i];
    }

    String id(int i) {
      return ids != null ? ids.get(i) : "row " + row[i];
    }

    double renewal(int i) {
      return renewal == null ? Double.NaN : renewal[i];
    }

    double[] times() {
      return Arrays.copyOf(time, size);
    }

    int[] statuses() {
      return Arrays.copyOf(status, size);
    }
  }

  /** Options shared by the commands that read durations. */
  static final class InputOptions {
    @Option(names = "--input", paramLabel = "FILE", required = true, description = "Durations CSV.")
    Path input;

    @Option(names = "--time-column", paramLabel = "NAME", description = "Duration column (default: ${DEFAULT-VALUE}).")
    String timeColumn = "time";

    @Option(names = "--event-column", paramLabel = "NAME", description = "Status column (default: ${DEFAULT-VALUE}).")
    String eventColumn = "status";

    @Option(names = "--event-value", paramLabel = "V", split = ",",
        description = "Status value(s) that mean value was reached (default: 1). Given, every value that is not an "
            + "event or churn value is censored, as R's Surv(time, status == 2): --event-value 2 reads R's 1/2 "
            + "coding.")
    List<String> eventValues;

    @Option(names = "--churn-value", paramLabel = "V", split = ",",
        description = "Status value(s) that mean churned first, a competing event (default: 2).")
    List<String> churnValues;

    /** The status code (0 censored, 1 value, 2 churn) of a cell, or -1 when the cell is not a known code. */
    int code(String cell) {
      String v = cell.trim();
      if (eventValues == null && churnValues == null) {
        return v.equals("0") ? 0 : v.equals("1") ? 1 : v.equals("2") ? 2 : -1;
      }
      if ((eventValues == null ? List.of("1") : eventValues).contains(v)) {
        return 1;
      }
      if ((churnValues == null ? List.of("2") : churnValues).contains(v)) {
        return 2;
      }
      if (eventValues != null) {
        return 0;
      }
      return v.equals("0") ? 0 : -1;
    }
  }

  /**
   * Reads durations by group (in {@link LogRank#GROUP_ORDER}; one group "all" without a group column). Errors name
   * the file, row and column: a missing or negative duration, a status outside 0..maxCode, an empty
   * group name, a file without rows.
   */
  static Map<String, Sample> read(
      InputOptions in, String groupColumn, int maxCode, String idColumn, String renewalColumn) {
    return read(in, groupColumn, maxCode, idColumn, renewalColumn, new int[1]);
  }

  /**
   * As {@link #read(InputOptions, String, int, String, String)}; rows whose group is missing (empty or
   * {@code NA}) are dropped and counted in {@code dropped[0]}, as R drops them, instead of forming a group.
   * With {@code maxCode} 1, a churn value counts as censored (Kaplan-Meier with churn censored).
   */
  static Map<String, Sample> read(
      InputOptions in, String groupColumn, int maxCode, String idColumn, String renewalColumn, int[] dropped) {
    // rows find their group by hash; the groups are put in GROUP_ORDER once at the end (it parses names as
    // numbers: too slow to run per row)
    Map<String, Sample> byName = new java.util.HashMap<>();
    try (CsvInput csv = CsvInput.open(in.input)) {
      csv.require(in.timeColumn, in.eventColumn);
      if (groupColumn != null) {
        csv.require(groupColumn);
      }
      if (renewalColumn != null) {
        csv.require(renewalColumn);
      }
      boolean hasId = idColumn != null && csv.has(idColumn);
      int timeAt = csv.indexOf(in.timeColumn);
      int eventAt = csv.indexOf(in.eventColumn);
      int groupAt = groupColumn == null ? -1 : csv.indexOf(groupColumn);
      int renewalAt = renewalColumn == null ? -1 : csv.indexOf(renewalColumn);
      boolean mapped = in.eventValues != null || in.churnValues != null;
      String lastName = null; // the previous row's group name and sample: most files come sorted or in runs
      Sample last = null;
      for (CsvInput.Row row : csv) {
        if (row.text(timeAt).isEmpty()) {
          throw row.error(in.timeColumn, "must not be empty", null);
        }
        double t = row.number(timeAt, in.timeColumn);
        if (!(t >= 0)) {
          throw row.error(in.timeColumn, "a duration must be a number >= 0", String.valueOf(t));
        }
        if (t > Durations.MAX_DAYS) {
          throw row.error(in.timeColumn, "a duration must be at most " + (long) Durations.MAX_DAYS
              + " days (100 years; is the unit days?)", String.valueOf(t));
        }
        String cell = row.text(eventAt);
        if (cell.isEmpty()) {
          throw row.error(in.eventColumn, "must not be empty", null);
        }
        long s = in.code(cell);
        if (mapped && maxCode == 1 && s == 2) {
          s = 0; // churned first: censored for Kaplan-Meier
        }
        if (s < 0 || s > maxCode) {
          throw row.error(in.eventColumn,
              maxCode == 1 ? "status must be 1 (reached value) or 0 (censored) (R's 1/2 coding: --event-value 2)"
                  : "status must be 0 (censored), 1 (reached value) or 2 (churned) (other codings: --event-value, "
                      + "--churn-value)",
              cell);
        }
        String g = groupAt < 0 ? "all" : row.text(groupAt);
        if (g.isBlank() || g.equals("NA")) {
          dropped[0]++;
          continue;
        }
        Sample sample;
        if (g.equals(lastName)) {
          sample = last;
        } else {
          sample = byName.computeIfAbsent(g, k -> new Sample(hasId, renewalColumn != null));
          lastName = g;
          last = sample;
        }
        sample.add(t, (int) s, row.number(), hasId ? row.required(idColumn) : null,
            renewalAt < 0 ? Double.NaN : row.number(renewalAt, renewalColumn));
      }
    }
    Map<String, Sample> groups = new TreeMap<>(LogRank.GROUP_ORDER);
    groups.putAll(byName);
    if (groups.isEmpty()) {
      throw DataException.of(in.input.getFileName().toString(), "at least one data row is required", "none");
    }
    // R's timefix runs on the pooled data before survfit splits it by group
    double[] pooled = pooledTimes(groups);
    double[] fixed = KaplanMeier.timefix(pooled);
    int k = 0;
    for (Sample s : groups.values()) {
      System.arraycopy(fixed, k, s.time, 0, s.size);
      k += s.size;
    }
    return groups;
  }

  /** Says on stderr how many rows were dropped for a missing group (R drops them too). */
  static void warnDropped(CommandLine cl, int dropped, String groupColumn) {
    if (dropped > 0) {
      cl.getErr().println("cskit: warning: " + dropped + " row(s) without a " + groupColumn
          + " dropped (an empty or NA group; R drops them too)");
      cl.getErr().flush();
    }
  }

  /** The options {@code km} and {@code cif} share: cohorts and the kind and level of the intervals. */
  static final class CurveOptions {
    @Option(names = "--group-column", paramLabel = "NAME", description = "Cohort column (optional).")
    String groupColumn;

    @Option(names = "--conf-type", paramLabel = "TYPE", description = "log-log, log or plain (default: ${DEFAULT-VALUE}).")
    String confType = "log-log";

    @Feeds("confidence")
    @Option(names = "--confidence", paramLabel = "LEVEL", description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double confidence = 0.95;
  }

  static ConfType confType(CommandLine cl, String text) {
    try {
      return ConfType.parse(text);
    } catch (CskitException e) {
      throw new CommandLine.ParameterException(cl, "--conf-type must be log-log, log or plain, found " + text);
    }
  }

  /** The confidence level, checked by the library before any data is read. */
  static double confidence(double c) {
    KaplanMeier.checkConfidence(c);
    return c;
  }

  /** {@code cskit ttv km}. */
  @Command(
      name = "km",
      mixinStandardHelpOptions = true,
      description = {
        "Kaplan-Meier time to value per group, with log-rank tests.",
        "Status 1 = reached value, 0 = censored. Table with Greenwood standard errors of S(t) and "
            + "intervals, median and quantiles with limits (as R's quantile.survfit), restricted mean with "
            + "standard error, Nelson-Aalen cumulative hazard, and the log-rank (and Peto-Peto) test for 2+ "
            + "groups, and for exactly 2 groups the difference in restricted means (first - second, in "
            + "group-name order) with its interval. Without --horizon the restricted mean runs to the largest "
            + "observed time of all groups (R's rmean = \"common\", summary.survfit's default). Quantiles "
            + "follow quantile.survfit: where S(t) = 1 - p exactly over a flat stretch, the midpoint."
      })
  static final class Km implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin InputOptions io;
    @CommandLine.Mixin CurveOptions curve;

    @Feeds("horizon")
    @Option(names = "--horizon", paramLabel = "T", description = "Restricted-mean horizon (default: largest observed time).")
    Double horizon;

    @Feeds("p")
    @Option(names = "--quantiles", paramLabel = "P", split = ",", description = "Quantile probabilities (default: 0.25,0.5,0.75).")
    List<Double> quantiles = List.of(0.25, 0.5, 0.75);

    @Option(names = "--format", paramLabel = "FORMAT", description = Output.FORMAT_HELP)
    OutputFormat format = OutputFormat.JSON;

    @Option(names = "--full", description = "The table prints every event time, not the summary at round days.")
    boolean full;

    /**
     * The survival curve at a few round days (7, 14, 30, 60, 90, 180, 365, 730 up to the last time) and its
     * quantiles, for reading: shares reached as percentages, days to one decimal.
     */
    static String summary(KaplanMeier km, List<Double> quantiles) {
      TextTable t = TextTable.withHeader("day", "reached value", "still waiting", "interval of reached", "at risk");
      for (double day : new double[] {7, 14, 30, 60, 90, 180, 365, 730}) {
        if (day > km.lastTime()) {
          break;
        }
        dev.cskit.ttv.stats.Estimate share = km.shareBy(day);
        int atRisk = 0;
        for (KmRow r : km.table()) {
          if (r.time() >= day) {
            atRisk = r.atRisk();
            break;
          }
        }
        t.row(TextTable.number(day), TextTable.percent(share.value()), TextTable.percent(1 - share.value()),
            TextTable.percent(share.lower()) + " - " + TextTable.percent(share.upper()), atRisk);
      }
      TextTable q = TextTable.withHeader("quantile", "days", "lower", "upper");
      for (double p : quantiles) {
        Quantile x = km.quantile(p);
        q.row(TextTable.percent(p), TextTable.fixed(x.value(), 1), TextTable.fixed(x.lower(), 1),
            TextTable.fixed(x.upper(), 1));
      }
      return "Kaplan-Meier, n = " + km.n() + ", events = " + km.events() + ", " + km.confType() + " "
          + TextTable.percent(km.confidence()) + " intervals\n" + t + "\n" + q;
    }

    @Override
    public Integer call() {
      CommandLine cl = spec.commandLine();
      double level = confidence(curve.confidence);
      ConfType type = confType(cl, curve.confType);
      // the library's checks, before any data is read
      quantiles.forEach(KaplanMeier::checkQuantile);
      if (horizon != null) {
        KaplanMeier.checkHorizon(horizon);
      }
      int[] dropped = new int[1];
      Map<String, Sample> groups = read(io, curve.groupColumn, 1, null, null, dropped);
      warnDropped(cl, dropped[0], curve.groupColumn);
      String source = io.input.getFileName().toString();
      Map<String, KaplanMeier> fits = new LinkedHashMap<>();
      double tau = 0;
      for (var e : groups.entrySet()) {
        KaplanMeier km = KaplanMeier.fit(source, e.getValue().times(), e.getValue().statuses(), type, level);
        fits.put(e.getKey(), km);
        tau = Math.max(tau, km.lastTime());
      }
      if (horizon != null) {
        tau = horizon;
      }
      List<Object> out = new ArrayList<>();
      for (var e : fits.entrySet()) {
        KaplanMeier km = e.getValue();
        List<Object> table = new ArrayList<>();
        for (KmRow r : km.table()) {
          table.add(Json.object("time", r.time(), "atRisk", r.atRisk(), "events", r.events(),
              "censored", r.censored(), "survival", r.survival(),
              "stdErr", r.stdErr(), "lower", r.lower(),
              "upper", r.upper()));
        }
        List<Object> qs = new ArrayList<>();
        for (double p : quantiles) {
          Quantile q = km.quantile(p);
          qs.add(Json.object("p", p, "value", q.value(), "lower", q.lower(),
              "upper", q.upper()));
        }
        Quantile med = km.median();
        RestrictedMean rm = km.restrictedMean(tau);
        List<Object> hz = new ArrayList<>();
        km.cumulativeHazard().forEach(h -> hz.add(Json.object("time", h.time(),
            "cumulativeHazard", h.cumulativeHazard(), "stdErr", h.stdErr())));
        out.add(Json.object(
            "group", e.getKey(), "n", km.n(), "events", km.events(), "table", table,
            "median", Json.object("value", med.value(), "lower", med.lower(),
                "upper", med.upper()),
            "quantiles", qs,
            "rmst", Json.object("horizon", rm.horizon(), "value", rm.value(),
                "stdErr", rm.stdErr()),
            "cumulativeHazard", hz));
      }
      Map<String, Object> result = Json.object("groups", out);
      result.put("droppedRows", dropped[0]);
      LogRankResult logRank = null;
      if (groups.size() >= 2) {
        logRank = groupTest(groups, 0);
        result.put("logRank", test(logRank));
        result.put("petoPeto", test(groupTest(groups, 1)));
        if (fits.size() == 2) {
          List<String> names = new ArrayList<>(fits.keySet());
          RmstDifference diff = RmstDifference.between(fits.get(names.get(0)), fits.get(names.get(1)), tau, level);
          result.put("rmstDifference", Json.object("first", names.get(0), "second", names.get(1),
              "horizon", tau, "difference", diff.difference(), "stdErr", diff.stdErr(),
              "lower", diff.lower(), "upper", diff.upper(),
              "pValue", diff.pValue()));
        }
      }
      PrintWriter pw = cl.getOut();
      switch (format) {
        case JSON:
          pw.println(Json.write(result));
          break;
        case CSV: {
          CsvOutput csv = new CsvOutput(pw).row("group", "time", "at_risk", "events", "censored",
              "survival", "std_err", "lower", "upper");
          fits.forEach((g, km) -> km.table().forEach(r -> csv.row(g, CsvOutput.number(r.time()),
              String.valueOf(r.atRisk()), String.valueOf(r.events()), String.valueOf(r.censored()),
              CsvOutput.number(r.survival()), CsvOutput.number(r.stdErr()), CsvOutput.number(r.lower()),
              CsvOutput.number(r.upper()))));
          csv.flush();
          break;
        }
        default:
          final double h = tau;
          fits.forEach((g, km) -> {
            pw.println("== " + g + " ==");
            pw.print(full ? km.toString() : summary(km, quantiles));
            RestrictedMean rm = km.restrictedMean(h);
            pw.println("restricted mean to day " + TextTable.fixed(h, 1) + ": " + TextTable.fixed(rm.value(), 1)
                + " days (std err " + TextTable.fixed(rm.stdErr(), 2) + ")");
            pw.println();
          });
          if (logRank != null) {
            pw.print(logRank);
            pw.println();
            pw.print(groupTest(groups, 1));
          }
          if (!full) {
            pw.println("(a summary at round days; --full prints every event time)");
          }
      }
      pw.flush();
      return Main.OK;
    }

    private static Map<String, Object> test(LogRankResult r) {
      List<Object> gs = new ArrayList<>();
      r.groups().forEach(g -> gs.add(Json.object("group", g.group(), "n", g.n(), "observed", g.observed(),
          "expected", g.expected())));
      return Json.object("chiSquare", r.chiSquare(), "df", r.df(), "pValue", r.pValue(),
          "groups", gs);
    }
  }

  /** Every group's durations, one after the other (in the map's order). */
  static double[] pooledTimes(Map<String, Sample> groups) {
    double[] out = new double[groups.values().stream().mapToInt(Sample::size).sum()];
    int k = 0;
    for (Sample s : groups.values()) {
      System.arraycopy(s.time, 0, out, k, s.size);
      k += s.size;
    }
    return out;
  }

  /** Every group's rows as one sample (in the map's order). */
  static Sample flatten(Map<String, Sample> groups) {
    boolean withIds = groups.values().stream().anyMatch(s -> s.ids != null);
    boolean withRenewal = groups.values().stream().anyMatch(s -> s.renewal != null);
    Sample all = new Sample(withIds, withRenewal);
    for (Sample s : groups.values()) {
      for (int i = 0; i < s.size; i++) {
        all.add(s.time[i], s.status[i], s.row[i], withIds ? s.id(i) : null, s.renewal(i));
      }
    }
    return all;
  }

  /** The G-rho test across the groups: each row's group is its group's position, names compared once. */
  static LogRankResult groupTest(Map<String, Sample> groups, double rho) {
    int n = groups.values().stream().mapToInt(Sample::size).sum();
    double[] t = new double[n];
    int[] st = new int[n];
    int[] g = new int[n];
    int k = 0;
    int gi = 0;
    for (Sample s : groups.values()) {
      System.arraycopy(s.time, 0, t, k, s.size);
      System.arraycopy(s.status, 0, st, k, s.size);
      Arrays.fill(g, k, k + s.size, gi++);
      k += s.size;
    }
    return LogRank.test(t, st, g, new ArrayList<>(groups.keySet()), rho);
  }

  /** {@code cskit ttv cif}. */
  @Command(
      name = "cif",
      mixinStandardHelpOptions = true,
      description = {
        "Cumulative incidence of value and of churn (competing risks).",
        "Aalen-Johansen estimate (status 0 = censored, 1 = reached value, 2 = churned), with "
            + "infinitesimal-jackknife standard errors as R's multi-state survfit. --naive adds 1 - "
            + "Kaplan-Meier with churn censored, flagged as overstating."
      })
  static final class Cif implements Callable<Integer> {
    @CommandLine.Mixin FormatOption format;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin InputOptions io;
    @CommandLine.Mixin CurveOptions curve;

    @Option(names = "--naive", description = "Also report 1 - Kaplan-Meier with churn censored (overstates).")
    boolean naive;

    @Override
    public Integer call() {
      CommandLine cl = spec.commandLine();
      double level = confidence(curve.confidence);
      ConfType type = confType(cl, curve.confType);
      int[] dropped = new int[1];
      Map<String, Sample> groups = read(io, curve.groupColumn, 2, null, null, dropped);
      warnDropped(spec.commandLine(), dropped[0], curve.groupColumn);
      List<Object> out = new ArrayList<>();
      for (var e : groups.entrySet()) {
        Sample s = e.getValue();
        AalenJohansen aj = AalenJohansen.fit(s.times(), s.statuses(), 2, type, level);
        List<Object> table = new ArrayList<>();
        int value = 0;
        int churn = 0;
        for (CifRow r : aj.table()) {
          value += r.events().get(0);
          churn += r.events().get(1);
          table.add(Json.object("time", r.time(), "atRisk", r.atRisk(),
              "valueEvents", r.events().get(0), "churnEvents", r.events().get(1), "censored", r.censored(),
              "eventFree", r.eventFree(),
              "value", cause(r, 0), "churn", cause(r, 1)));
        }
        Map<String, Object> g = Json.object("group", e.getKey(), "n", aj.n(), "valueEvents", value,
            "churnEvents", churn, "table", table);
        if (naive) {
          NaiveIncidence ni = aj.oneMinusKaplanMeier(s.times(), s.statuses(), 1);
          List<Object> rows = new ArrayList<>();
          for (KmRow r : ni.curve().table()) {
            rows.add(Json.object("time", r.time(), "incidence", 1 - r.survival(),
                "lower", 1 - r.upper(), "upper", 1 - r.lower()));
          }
          g.put("oneMinusKm", Json.object("overstates", ni.overstates(), "warning", ni.warning(),
              "table", rows));
        }
        out.add(g);
      }
      PrintWriter pw = cl.getOut();
      Output.document(spec, Json.object("groups", out, "droppedRows", dropped[0]));
      pw.flush();
      return Main.OK;
    }

    private static Map<String, Object> cause(CifRow r, int k) {
      return Json.object("incidence", r.incidence().get(k),
          "stdErr", r.stdErr().get(k), "lower", r.lower().get(k),
          "upper", r.upper().get(k));
    }
  }

  /** {@code cskit ttv checkin}. */
  @Command(
      name = "checkin",
      mixinStandardHelpOptions = true,
      description = {
        "The day for a progress call, and the stalled accounts.",
        "The earliest day where the chance of reaching value in the next --window days, given not yet "
            + "reached, falls below --threshold (after having been at or above it); and the accounts still "
            + "onboarding past that day (status 0), ranked by their chance of reaching value before renewal, "
            + "lowest first. Status: 0 onboarding, 1 value, 2 churned; churn is a competing event "
            + "(Aalen-Johansen: chance = (F(d + k) - F(d)) / P(no event by d))."
      })
  static final class Checkin implements Callable<Integer> {
    @CommandLine.Mixin FormatOption format;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin InputOptions io;

    @Option(names = "--id-column", paramLabel = "NAME", description = "Account id column (default: ${DEFAULT-VALUE}).")
    String idColumn = "account_id";

    @Option(names = "--renewal-column", paramLabel = "NAME",
        description = "Column with each account's renewal as days since its start (optional).")
    String renewalColumn;

    @Feeds("window")
    @Option(names = "--window", paramLabel = "DAYS", description = "Look-ahead window k in days (default: ${DEFAULT-VALUE}).")
    double window = 7;

    @Feeds("threshold")
    @Option(names = "--threshold", paramLabel = "P", description = "Chance threshold (default: ${DEFAULT-VALUE}).")
    double threshold = 0.1;

    @Override
    public Integer call() {
      Map<String, Sample> groups = read(io, null, 2, idColumn, renewalColumn);
      Sample s = groups.get("all");
      int[] st = s.statuses();
      AalenJohansen aj = AalenJohansen.fit(s.times(), st, 2, ConfType.LOG_LOG, 0.95);
      CheckInDay day = CheckIn.recommend(aj, window, threshold);
      List<StalledAccount> stalled = new ArrayList<>();
      if (!Double.isNaN(day.day())) {
        for (int i = 0; i < st.length; i++) {
          if (st[i] == 0 && s.time(i) > day.day()) {
            stalled.add(CheckIn.stalledAccount(aj, AccountId.of(s.id(i)), s.time(i), s.renewal(i)));
          }
        }
      }
      List<Object> rows = new ArrayList<>();
      for (StalledAccount a : CheckIn.rank(stalled)) {
        rows.add(Json.object("accountId", a.accountId().value(), "daysSinceStart", a.daysSinceStart(),
            "renewalDay", a.renewalDay(), "chanceBeforeRenewal", a.chanceBeforeRenewal()));
      }
      Map<String, Object> out = Json.object("checkInDay", day.day(), "window", window,
          "threshold", threshold, "chanceAtDay", day.chanceAtDay(),
          "peakChance", day.peakChance(), "peakDay", day.peakDay(),
          "stalled", rows);
      Output.document(spec, out);
      return Main.OK;
    }
  }

  /** {@code cskit ttv payback}. */
  @Command(
      name = "payback",
      mixinStandardHelpOptions = true,
      description = {
        "Payback: trough and payback day of the cumulative net, discounted and not.",
        "The negative phase after adoption: cumulative net curve (day 0 = upfront cost, then daily "
            + "benefit - cost), its trough and the interpolated payback day, undiscounted and discounted ((1 + "
            + "rate)^(-day/365)). With --ttv-input (time,status of accounts: 1 = reached value, 0 = censored, "
            + "2 = churned) also the expected curve when benefits start the day after value, with the time to "
            + "value from the Aalen-Johansen incidence of value (Kaplan-Meier when nobody churned)."
      })
  static final class PaybackCmd implements Callable<Integer> {
    @CommandLine.Mixin FormatOption format;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Feeds("upfront cost")
    @Option(names = "--upfront", paramLabel = "AMOUNT", description = "Upfront cost on day 0 (default: 0).")
    double upfront = 0;

    @Option(names = "--daily-cost", paramLabel = "AMOUNT", description = "Cost per day (default: 0).")
    double dailyCost = 0;

    @Option(names = "--daily-benefit", paramLabel = "AMOUNT",
        description = "Benefit per day once value is reached (the plateau with --ramp-days).")
    Double dailyBenefit;

    @Feeds("ramp days")
    @Option(names = "--ramp-days", paramLabel = "DAYS", description = "Days for the benefit to ramp up linearly (default: 0).")
    int rampDays = 0;

    @Option(names = "--benefit-file", paramLabel = "FILE",
        description = "CSV with a 'benefit' column: the benefit on day 1, 2, ... (the last repeats).")
    Path benefitFile;

    @Feeds("discount rate")
    @Option(names = "--discount-rate", paramLabel = "RATE", description = "Annual discount rate (default: 0).")
    double discountRate = 0;

    @Feeds("horizon")
    @Option(names = "--horizon", paramLabel = "DAYS", description = "Days to compute (default: ${DEFAULT-VALUE}).")
    int horizon = 365;

    @Option(names = "--ttv-input", paramLabel = "FILE", description = "Durations CSV for the expected curve.")
    Path ttvInput;

    @Option(names = "--time-column", paramLabel = "NAME", description = "Duration column of --ttv-input (default: ${DEFAULT-VALUE}).")
    String timeColumn = "time";

    @Option(names = "--event-column", paramLabel = "NAME", description = "Status column of --ttv-input (default: ${DEFAULT-VALUE}).")
    String eventColumn = "status";

    @Option(names = "--curve", description = "Include the day-by-day curve in the JSON.")
    boolean curve;

    @Override
    public Integer call() {
      CommandLine cl = spec.commandLine();
      if ((dailyBenefit == null) == (benefitFile == null)) {
        throw new CommandLine.ParameterException(cl, "give exactly one of --daily-benefit and --benefit-file");
      }
      Payback.checkHorizon(horizon); // the library's check, before any file is read
      DailySeries benefits;
      if (benefitFile != null) {
        List<Double> b = new ArrayList<>();
        try (CsvInput csv = CsvInput.open(benefitFile)) {
          csv.require("benefit");
          for (CsvInput.Row row : csv) {
            b.add(row.requiredNumber("benefit"));
          }
        }
        if (b.isEmpty()) {
          throw DataException.of(benefitFile.getFileName().toString(), "at least one benefit row is required", "none");
        }
        benefits = DailySeries.of(b.stream().mapToDouble(Double::doubleValue).toArray());
      } else {
        benefits = DailySeries.ramp(dailyBenefit, rampDays);
      }
      DailySeries costs = DailySeries.constant(dailyCost);
      Payback p = Payback.of(upfront, costs, benefits, discountRate, horizon);
      Map<String, Object> out = Json.object("horizon", horizon, "upfront", upfront, "discountRate", discountRate,
          "undiscounted", summary(p.undiscounted()), "discounted", summary(p.discounted()));
      if (curve) {
        out.put("curve", points(p));
      }
      if (ttvInput != null) {
        InputOptions in = new InputOptions();
        in.input = ttvInput;
        in.timeColumn = timeColumn;
        in.eventColumn = eventColumn;
        Sample s = flatten(read(in, null, 2, null, null));
        AalenJohansen aj = AalenJohansen.fit(s.times(), s.statuses(), 2, ConfType.LOG_LOG, 0.95);
        Payback e = Payback.expected(upfront, costs, benefits, discountRate, horizon, aj);
        Map<String, Object> ex = Json.object("undiscounted", summary(e.undiscounted()),
            "discounted", summary(e.discounted()));
        if (curve) {
          ex.put("curve", points(e));
        }
        out.put("expected", ex);
      }
      Output.document(spec, out);
      return Main.OK;
    }

    private static Map<String, Object> summary(PaybackSummary s) {
      return Json.object("troughDay", s.troughDay(), "troughDepth", s.troughDepth(),
          "paybackDay", s.paybackDay());
    }

    private static List<Object> points(Payback p) {
      List<Object> rows = new ArrayList<>();
      for (PaybackPoint pt : p.curve()) {
        rows.add(Json.object("day", pt.day(), "benefit", pt.benefit(), "cost", pt.cost(),
            "cumulativeNet", pt.cumulativeNet(), "discountedCumulativeNet", pt.discountedCumulativeNet()));
      }
      return rows;
    }
  }

  /** {@code cskit ttv from-events}. */
  @Command(
      name = "from-events",
      mixinStandardHelpOptions = true,
      description = {
        "Time-to-value durations from milestone events.",
        "Events CSV: account_id, event_type, timestamp. Days from the first --start milestone to the "
            + "first --value milestone, or to the first --churn milestone (competing event), or to the end of "
            + "the --as-of day (censored). CSV output columns: account_id, start, end, time, status (0 "
            + "onboarding, 1 value, 2 churned; for ttv cif/checkin) and reached_value (1/0; for ttv km "
            + "--event-column reached_value). Accounts without a start milestone are reported on stderr beside "
            + "the CSV, under missingStart in JSON, and below the table."
      })
  static final class FromEvents implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--events", paramLabel = "FILE", required = true, description = "Milestone events CSV.")
    Path events;

    @Option(names = "--start", paramLabel = "TYPE", required = true, split = ",", description = "Start milestone type(s).")
    List<String> start;

    @Option(names = "--value", paramLabel = "TYPE", required = true, split = ",", description = "Value milestone type(s).")
    List<String> value;

    @Option(names = "--churn", paramLabel = "TYPE", split = ",", description = "Churn milestone type(s) (optional).")
    List<String> churn = List.of();

    @Option(names = "--as-of", paramLabel = "DATE", required = true,
        description = "As-of date: accounts still onboarding are censored at the end of this day (UTC).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", description = Output.FORMAT_HELP)
    OutputFormat format = OutputFormat.CSV;

    @Override
    public Integer call() {
      TtvSpec ttvSpec;
      try {
        ttvSpec = new TtvSpec(1, start, value, churn, TtvSpec.endOfDay(asOf));
      } catch (CskitException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      List<MilestoneEvent> list = new ArrayList<>();
      try (CsvInput csv = CsvInput.open(events)) {
        String typeColumn = csv.has("event_type") ? "event_type" : "type";
        csv.require("account_id", typeColumn, "timestamp");
        for (CsvInput.Row row : csv) {
          AccountId id = AccountId.of(row.required("account_id"));
          String type = row.required(typeColumn);
          row.required("timestamp"); // instant() is null for an empty cell
          list.add(new MilestoneEvent(id, type, row.instant("timestamp")));
        }
      }
      Durations d = Durations.fromEvents(list, ttvSpec);
      if (d.accounts().isEmpty()) {
        throw dev.cskit.core.DataException.of(events.toString(), "no account has a start milestone "
            + ttvSpec.start() + " on or before --as-of " + asOf + ": there is nothing to analyse",
            d.missingStart().size() + " accounts without one, " + list.size() + " events");
      }
      dev.cskit.core.Warnings warnings = dev.cskit.core.Warnings.collector();
      if (d.accounts().stream().noneMatch(a -> a.status().code() == 1)) {
        warnings.add(events.toString(), "no account reached a value milestone " + ttvSpec.value()
            + " by --as-of " + asOf + ": every duration is censored (is the milestone's name right?)", null);
      }
      Warn.print(warnings, spec.commandLine().getErr());
      PrintWriter pw = spec.commandLine().getOut();
      switch (format) {
        case JSON: {
          List<Object> rows = new ArrayList<>();
          for (AccountDuration a : d.accounts()) {
            rows.add(Json.object("accountId", a.accountId().value(), "start", a.start().toString(),
                "end", a.end().toString(), "time", a.days(),
                "status", a.status().name().toLowerCase(Locale.ROOT), "code", a.status().code()));
          }
          List<String> missing = new ArrayList<>();
          d.missingStart().forEach(id -> missing.add(id.value()));
          Map<String, Object> counts = new LinkedHashMap<>();
          d.counts().forEach((k, v) -> counts.put(k.name().toLowerCase(Locale.ROOT), v));
          pw.println(Json.write(Json.object("asOf", ttvSpec.asOf().toString(), "counts", counts,
              "accounts", rows, "missingStart", missing, "warnings", warnings.list())));
          break;
        }
        case TABLE:
          pw.print(d);
          if (!d.missingStart().isEmpty()) {
            pw.println("without a start milestone: " + d.missingStart());
          }
          break;
        default: {
          CsvOutput csv = new CsvOutput(pw).row("account_id", "start", "end", "time", "status", "reached_value");
          for (AccountDuration a : d.accounts()) {
            csv.row(a.accountId().value(), a.start().toString(), a.end().toString(), CsvOutput.number(a.days()),
                String.valueOf(a.status().code()), a.status().code() == 1 ? "1" : "0");
          }
          csv.flush();
          if (!d.missingStart().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("cskit: " + d.missingStart().size() + " account(s) without a start milestone "
                + ttvSpec.start() + ", not included: " + d.missingStart());
            err.flush();
          }
        }
      }
      pw.flush();
      return Main.OK;
    }
  }
}
