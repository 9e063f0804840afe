package dev.cskit.run;

import dev.cskit.core.CskitException;
import dev.cskit.core.io.CsvOutput;
import dev.cskit.touchmodel.books.AccountBook;
import dev.cskit.touchmodel.books.BookAssignment;
import dev.cskit.touchmodel.books.ManagerBook;
import dev.cskit.retention.BandRow;
import dev.cskit.retention.BridgeRow;
import dev.cskit.run.history.Alert;
import dev.cskit.run.history.HistoryStore;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.touchmodel.TierAssignment;
import dev.cskit.ttv.StalledAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs a project for one date or a range of dates: opens its history store (a DuckDB file beside the
 * project, or a PostgreSQL URL), runs each date in order, and writes one folder per date under the project's
 * output folder ({@code scores.csv}, {@code movers.csv}, {@code tiers.csv}, {@code capacity.csv}, {@code alerts.csv}, {@code ttv.csv},
 * {@code survey.json}, {@code validation.json}, {@code summary.json}, {@code summary.txt}, {@code report.html}; with a roster
 * {@code books.csv} and {@code book_accounts.csv}; with a subscriptions file {@code retention.csv} and {@code retention_by_band.csv}). A folder appears only
 * complete (written to a temporary folder, moved when the snapshot is committed); a failing date leaves
 * neither its folder nor its snapshot, and stops the backfill.
 */
public final class ProjectRunner {
  private ProjectRunner() {}

  /** How often a backfill takes a snapshot. */
  public enum Every {
    /** Each month end from the first date's month. */
    MONTH,
    /** Every seven days from the first date. */
    WEEK
  }

  /** The dates of a backfill: {@code from}, then every month end (or week) up to and including {@code to}. */
  public static List<LocalDate> dates(LocalDate from, LocalDate to, Every every) {
    if (to.isBefore(from)) {
      throw new CskitException("--to", "must not be before --from (" + from + ")", to.toString());
    }
    List<LocalDate> out = new ArrayList<>();
    if (every == Every.WEEK) {
      for (LocalDate d = from; !d.isAfter(to); d = d.plusWeeks(1)) {
        out.add(d);
      }
      return out;
    }
    boolean monthEnd = from.equals(from.with(TemporalAdjusters.lastDayOfMonth()));
    for (LocalDate d = from; !d.isAfter(to); ) {
      out.add(d);
      LocalDate next = d.plusMonths(1);
      d = monthEnd ? next.with(TemporalAdjusters.lastDayOfMonth()) : next;
    }
    return out;
  }

  /** Opens the project's history store. */
  public static HistoryStore openStore(Project project) {
    String h = project.config().history();
    if (project.historyIsJdbc()) {
      if (!h.startsWith("jdbc:postgresql:")) {
        throw new dev.cskit.core.ConfigException(project.file().toString(), "history", -1,
            "must be a DuckDB file or a jdbc:postgresql: URL", h);
      }
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(h);
      return HistoryStore.open(ds);
    }
    return HistoryStore.duckDb(project.resolve(h));
  }

  /**
   * Runs every date in order on the project's store and writes each date's folder.
   *
   * @param progress receives each date's result as it is written (may be null)
   * @return every date's result (each holds its whole portfolio: for a long backfill of a large portfolio use
   *     {@link #runEach}, which keeps none of them)
   */
  public static List<RunResult> run(Path projectFile, List<LocalDate> dates, java.util.function.Consumer<RunResult> progress) {
    List<RunResult> out = new ArrayList<>();
    runEach(projectFile, dates, r -> {
      out.add(r);
      if (progress != null) {
        progress.accept(r);
      }
    });
    return out;
  }

  /**
   * As {@link #run(Path, List, java.util.function.Consumer)}, keeping no result once {@code progress} has seen
   * it: memory stays that of one date however many dates a backfill covers.
   *
   * @return the last date's result
   */
  public static RunResult runEach(Path projectFile, List<LocalDate> dates,
      java.util.function.Consumer<RunResult> progress) {
    Project project = Project.read(projectFile);
    MonthlyRun runner = MonthlyRun.of(project);
    RunResult last = null;
    try (HistoryStore store = openStore(project)) {
      for (LocalDate d : dates) {
        last = null; // the previous date's result may go before this one is computed
        last = run(runner, project, store, d);
        if (progress != null) {
          progress.accept(last);
        }
      }
    }
    return last;
  }

  /** One date: compute, write the folder to a temporary place, commit the snapshot, move the folder. */
  public static RunResult run(MonthlyRun runner, Project project, HistoryStore store, LocalDate asOf) {
    RunResult r = runner.compute(asOf, store);
    Path outRoot = project.resolve(project.config().output());
    Path tmp = outRoot.resolve("." + asOf + ".tmp");
    Path target = outRoot.resolve(asOf.toString());
    try {
      Files.createDirectories(outRoot);
      deleteTree(tmp);
      Files.createDirectories(tmp);
      writeFolder(r, tmp);
      Files.writeString(tmp.resolve("report.html"), dev.cskit.report.Report.html(ProjectReports.inputs(project, r,
          store, runner.data().accountsAt(asOf), runner.touchModel())), StandardCharsets.UTF_8);
      store.write(r.snapshot());
      deleteTree(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        deleteTree(tmp);
      } catch (IOException ignored) {
        // best effort
      }
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  /**
   * Writes {@code books.csv} (one row per manager: accounts, hours, ARR, bands, kept, moved in and out) and
   * {@code book_accounts.csv} (each account's manager, last month's, the move and its reason); returns the
   * section of {@code summary.json}.
   */
  static Map<String, Object> writeBooks(BookAssignment books, Path dir) throws IOException {
    List<Object> managers = new ArrayList<>();
    try (Writer w = Files.newBufferedWriter(dir.resolve("books.csv"), StandardCharsets.UTF_8)) {
      CsvOutput csv = new CsvOutput(w).row("manager", "tier", "accounts", "max_accounts", "hours", "capacity_hours",
          "utilisation", "arr", "by_band", "kept", "moved_in", "new", "moved_out");
      for (ManagerBook m : books.managers()) {
        StringBuilder bands = new StringBuilder();
        m.byBand().forEach((k, v) -> bands.append(bands.length() == 0 ? "" : ";").append(k).append('=').append(v));
        csv.row(m.manager(), m.tier(), Integer.toString(m.accounts()),
            m.maxAccounts() == Integer.MAX_VALUE ? "" : Integer.toString(m.maxAccounts()), CsvOutput.number(m.hours()),
            CsvOutput.number(m.capacityHours()), CsvOutput.number(m.utilisation()), CsvOutput.number(m.arr()),
            bands.toString(), Integer.toString(m.kept()), Integer.toString(m.movedIn().size()),
            Integer.toString(m.newAccounts().size()), Integer.toString(m.movedOut().size()));
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("manager", m.manager());
        j.put("tier", m.tier());
        j.put("accounts", m.accounts());
        j.put("maxAccounts", m.maxAccounts() == Integer.MAX_VALUE ? null : m.maxAccounts());
        j.put("hours", m.hours());
        j.put("capacityHours", m.capacityHours());
        j.put("arr", m.arr());
        j.put("byBand", m.byBand());
        j.put("kept", m.kept());
        j.put("movedIn", m.movedIn());
        j.put("newAccounts", m.newAccounts());
        j.put("movedOut", m.movedOut());
        managers.add(j);
      }
      csv.flush();
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("book_accounts.csv"), StandardCharsets.UTF_8)) {
      CsvOutput csv = new CsvOutput(w).row("account_id", "tier", "manager", "previous_manager", "move", "reason");
      for (AccountBook b : books.accounts()) {
        csv.row(b.accountId().value(), b.tier(), b.manager() == null ? "" : b.manager(),
            b.previousManager() == null ? "" : b.previousManager(), b.move().name().toLowerCase(java.util.Locale.ROOT),
            b.reason());
      }
      csv.flush();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("managers", managers);
    out.put("staying", books.staying());
    out.put("kept", books.keptCount());
    out.put("continuity", books.continuity());
    out.put("warnings", books.warnings());
    return out;
  }

  /**
   * Writes {@code retention.csv} (the monthly bridge, amounts in the currency's units) and
   * {@code retention_by_band.csv}; returns the section of {@code summary.json}.
   */
  static Map<String, Object> writeRetention(RunResult.RetentionOutcome rt, Path dir) throws IOException {
    List<Object> bridge = new ArrayList<>();
    try (Writer w = Files.newBufferedWriter(dir.resolve("retention.csv"), StandardCharsets.UTF_8)) {
      CsvOutput csv = new CsvOutput(w).row("month", "starting", "new", "expansion", "reactivation", "contraction",
          "churn", "ending", "starting_accounts", "new_accounts", "expansion_accounts", "reactivation_accounts",
          "contraction_accounts", "churned_accounts", "ending_accounts");
      for (BridgeRow b : rt.bridge().rows()) {
        csv.row(b.label(), money(b.starting()), money(b.newMrr()), money(b.expansion()), money(b.reactivation()),
            money(b.contraction()), money(b.churn()), money(b.ending()), Integer.toString(b.startingAccounts()),
            Integer.toString(b.newAccounts()), Integer.toString(b.expansionAccounts()),
            Integer.toString(b.reactivationAccounts()), Integer.toString(b.contractionAccounts()),
            Integer.toString(b.churnedAccounts()), Integer.toString(b.endingAccounts()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("month", b.label());
        m.put("starting", b.starting() / 100.0);
        m.put("new", b.newMrr() / 100.0);
        m.put("expansion", b.expansion() / 100.0);
        m.put("reactivation", b.reactivation() / 100.0);
        m.put("contraction", b.contraction() / 100.0);
        m.put("churn", b.churn() / 100.0);
        m.put("ending", b.ending() / 100.0);
        m.put("startingAccounts", b.startingAccounts());
        m.put("endingAccounts", b.endingAccounts());
        bridge.add(m);
      }
      csv.flush();
    }
    List<Object> byBand = new ArrayList<>();
    try (Writer w = Files.newBufferedWriter(dir.resolve("retention_by_band.csv"), StandardCharsets.UTF_8)) {
      CsvOutput csv = new CsvOutput(w).row("by", "group", "horizon_months", "observed", "accounts", "start_mrr",
          "end_mrr", "nrr", "nrr_lower", "nrr_upper", "grr", "grr_lower", "grr_upper", "churned_accounts",
          "logo_churn", "logo_churn_lower", "logo_churn_upper");
      if (rt.byBand() != null) {
        for (BandRow b : rt.byBand().rows()) {
          csv.row(b.dimension(), b.group(), Integer.toString(b.horizonMonths()), Boolean.toString(b.observed()),
              Integer.toString(b.accounts()), money(b.startMrr()), money(b.endMrr()), CsvOutput.number(b.nrr()),
              CsvOutput.number(b.nrrLower()), CsvOutput.number(b.nrrUpper()), CsvOutput.number(b.grr()),
              CsvOutput.number(b.grrLower()), CsvOutput.number(b.grrUpper()), Integer.toString(b.churnedAccounts()),
              CsvOutput.number(b.logoChurn()), CsvOutput.number(b.logoChurnLower()),
              CsvOutput.number(b.logoChurnUpper()));
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("by", b.dimension());
          m.put("group", b.group());
          m.put("horizonMonths", b.horizonMonths());
          m.put("observed", b.observed());
          m.put("accounts", b.accounts());
          m.put("nrr", num(b.nrr()));
          m.put("grr", num(b.grr()));
          m.put("logoChurn", num(b.logoChurn()));
          byBand.add(m);
        }
      }
      csv.flush();
    }
    var rr = rt.rates();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", rt.from().toString());
    out.put("to", rt.to().toString());
    out.put("currency", rt.bridge().currency());
    out.put("bridge", bridge);
    out.put("grr", num(rr.grr()));
    out.put("nrr", num(rr.nrr()));
    out.put("accounts", rr.startingAccounts());
    out.put("grr12", num(rr.grr12()));
    out.put("nrr12", num(rr.nrr12()));
    out.put("accounts12", rr.accounts12());
    out.put("byBand", rt.byBand() == null ? null : byBand);
    out.put("notes", rt.notes());
    return out;
  }

  private static String money(long cents) {
    return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private static Double num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }

  /** Writes a run's parts into a folder. */
  public static void writeFolder(RunResult r, Path dir) throws IOException {
    ScoreTable scores = r.scores();
    try (Writer w = Files.newBufferedWriter(dir.resolve("scores.csv"), StandardCharsets.UTF_8)) {
      CsvOutput csv = new CsvOutput(w).row("account_id", "as_of", "scorecard", "scorecard_version", "score", "band",
          "tracked_band", "tier", "tier_since");
      var idx = r.snapshot().index();
      for (int i = 0; i < scores.size(); i++) {
        var a = idx.get(scores.accountId(i));
        var card = scores.scorecard(i);
        csv.row(scores.accountId(i).value(), r.asOf().toString(), card == null ? "" : card.name(),
            card == null ? "" : Integer.toString(card.version()), CsvOutput.number(scores.score(i)),
            scores.band(i).name(), a.trackedBand(), a.tier() == null ? "" : a.tier(),
            a.tierSince() == null ? "" : a.tierSince().toString());
      }
      csv.flush();
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("movers.csv"), StandardCharsets.UTF_8)) {
      CsvOutput csv = new CsvOutput(w).row("account_id", "scorecard", "before", "after", "change", "measure",
          "points");
      for (RunResult.Mover m : r.movers()) {
        for (var l : m.lines()) {
          csv.row(m.accountId().value(), m.card(), CsvOutput.number(m.before()), CsvOutput.number(m.after()),
              CsvOutput.number(m.change()), l.label(), CsvOutput.number(l.points()));
        }
      }
      csv.flush();
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("tiers.csv"), StandardCharsets.UTF_8)) {
      CsvOutput csv = new CsvOutput(w).row("account_id", "tier", "previous_tier", "changed", "held", "reason",
          "band", "since");
      var idx = r.snapshot().index();
      for (TierAssignment t : r.tiers().assignments()) {
        var a = idx.get(t.accountId());
        csv.row(t.accountId().value(), t.tier(), t.previousTier() == null ? "" : t.previousTier(),
            Boolean.toString(t.changed()), Boolean.toString(t.held()), t.reason(), t.band(),
            a == null || a.tierSince() == null ? "" : a.tierSince().toString());
      }
      csv.flush();
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("capacity.csv"), StandardCharsets.UTF_8)) {
      CsvOutput csv = new CsvOutput(w).row("tier", "accounts", "hours_needed", "hours_available", "managers_needed",
          "managers_available", "accounts_per_manager", "shortfall_hours", "cost");
      for (var c : r.capacity().rows()) {
        csv.row(c.tier(), Integer.toString(c.accounts()), CsvOutput.number(c.hoursNeeded()),
            CsvOutput.number(c.hoursAvailable()), CsvOutput.number(c.managersNeeded()),
            CsvOutput.number(c.managersAvailable()), CsvOutput.number(c.accountsPerManager()),
            CsvOutput.number(c.shortfallHours()), CsvOutput.number(c.cost()));
      }
      csv.flush();
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("alerts.csv"), StandardCharsets.UTF_8)) {
      CsvOutput csv = new CsvOutput(w).row("account_id", "kind", "detail");
      for (Alert a : r.alerts()) {
        csv.row(a.accountId().value(), a.kind(), a.detail());
      }
      csv.flush();
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("ttv.csv"), StandardCharsets.UTF_8)) {
      CsvOutput csv = new CsvOutput(w).row("cohort", "accounts", "reached_value", "churned_first", "median_days",
          "value_by_30", "churn_by_30");
      for (RunResult.TtvCohort c : r.ttv().cohorts()) {
        csv.row(c.cohort(), Integer.toString(c.accounts()), Integer.toString(c.reachedValue()),
            Integer.toString(c.churnedFirst()), CsvOutput.number(c.medianDays()), CsvOutput.number(c.valueBy30()),
            CsvOutput.number(c.churnBy30()));
      }
      csv.flush();
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("stalled.csv"), StandardCharsets.UTF_8)) {
      CsvOutput csv = new CsvOutput(w).row("account_id", "days_since_start", "renewal_day", "chance_before_renewal");
      for (StalledAccount s : r.ttv().stalled()) {
        csv.row(s.accountId().value(), CsvOutput.number(s.daysSinceStart()), CsvOutput.number(s.renewalDay()),
            CsvOutput.number(s.chanceBeforeRenewal()));
      }
      csv.flush();
    }
    RunResult.SurveyOutcome s = r.survey();
    Map<String, Object> survey = new LinkedHashMap<>();
    survey.put("contacts", s.contacts());
    survey.put("eligible", s.eligible());
    survey.put("excludedByReason", s.excludedByReason());
    List<Object> waves = new ArrayList<>();
    s.pastWaves().forEach(wv -> waves.add(Map.of("date", wv.date().toString(), "channel", wv.channel(),
        "invited", wv.invited(), "responded", wv.responded())));
    survey.put("pastWaves", waves);
    survey.put("priorAlpha", s.priorAlpha());
    survey.put("priorBeta", s.priorBeta());
    survey.put("priorMean", s.priorMean());
    survey.put("targetResponses", s.targetResponses());
    survey.put("invitations", s.invitations());
    survey.put("plan", s.plan());
    survey.put("planCost", s.planCost());
    survey.put("silentAtRisk", s.silentAtRisk().stream().map(a -> a.value()).toList());
    Files.writeString(dir.resolve("survey.json"), Json.write(survey), StandardCharsets.UTF_8);
    List<Object> validation = new ArrayList<>();
    for (RunResult.CardValidation v : r.validation()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scorecard", v.card());
      m.put("snapshots", v.snapshots().stream().map(LocalDate::toString).toList());
      m.put("horizonDays", v.horizonDays());
      m.put("evaluated", v.evaluated());
      m.put("churned", v.churned());
      m.put("leftOut", v.leftOut());
      m.put("auc", v.auc());
      m.put("aucLower", v.aucLower());
      m.put("aucUpper", v.aucUpper());
      m.put("fittedWeights", v.fittedWeights());
      m.put("note", v.note());
      validation.add(m);
    }
    Files.writeString(dir.resolve("validation.json"), Json.write(validation), StandardCharsets.UTF_8);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("asOf", r.asOf().toString());
    summary.put("previousAsOf", r.previousAsOf() == null ? null : r.previousAsOf().toString());
    summary.put("accounts", r.accounts());
    Map<String, Object> bands = new LinkedHashMap<>();
    scores.bandCounts().forEach((b, n) -> bands.put(b.name(), n));
    summary.put("bands", bands);
    summary.put("movers", r.movers().size());
    summary.put("alerts", r.alerts().size());
    summary.put("tierChanges", r.tierChanges().size());
    summary.put("surveyInvitations", s.invitations());
    summary.put("stalledAccounts", r.ttv().stalled().size());
    summary.put("validation", validation);
    if (r.books() != null) {
      summary.put("books", writeBooks(r.books(), dir));
    }
    if (r.retention() != null) {
      summary.put("retention", writeRetention(r.retention(), dir));
    }
    summary.put("warnings", r.warnings());
    Files.writeString(dir.resolve("summary.json"), Json.write(summary), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("summary.txt"), r.toString(), StandardCharsets.UTF_8);
  }
}
