package dev.cskit.run;

import dev.cskit.survey.SilentRiskOptions;
import dev.cskit.scoring.ScoringOptions;
import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.Configs;
import dev.cskit.core.CskitException;
import dev.cskit.core.HealthBand;
import dev.cskit.core.MetricTable;
import dev.cskit.core.TouchTier;
import dev.cskit.core.UsageAggregator;
import dev.cskit.retention.BandRetention;
import dev.cskit.retention.BandSnapshot;
import dev.cskit.retention.Bridge;
import dev.cskit.retention.MrrHistory;
import dev.cskit.retention.RateRow;
import dev.cskit.retention.Rates;
import dev.cskit.retention.ReportPeriod;
import dev.cskit.retention.RetentionOptions;
import dev.cskit.run.history.AccountSnapshot;
import dev.cskit.run.history.Alert;
import dev.cskit.run.history.HistoryStore;
import dev.cskit.run.history.Snapshot;
import dev.cskit.run.history.SurveyWaveRecord;
import dev.cskit.scoring.BandTracker;
import dev.cskit.scoring.HealthScorer;
import dev.cskit.scoring.ScoreDiff;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.ScorecardSet;
import dev.cskit.scoring.validation.Backtest;
import dev.cskit.scoring.validation.ChurnOutcomes;
import dev.cskit.scoring.validation.ScoreSnapshots;
import dev.cskit.scoring.validation.ScoreValidation;
import dev.cskit.scoring.validation.ScorecardFit;
import dev.cskit.scoring.validation.ValidationReport;
import dev.cskit.scoring.validation.WeightFit;
import dev.cskit.survey.BenchmarkPrior;
import dev.cskit.survey.BetaPrior;
import dev.cskit.survey.EscalationPlan;
import dev.cskit.survey.PlanResult;
import dev.cskit.survey.ResponseModel;
import dev.cskit.survey.SilentCheck;
import dev.cskit.survey.Throttle;
import dev.cskit.touchmodel.AccountHealth;
import dev.cskit.touchmodel.CapacityPlan;
import dev.cskit.touchmodel.PreviousTier;
import dev.cskit.touchmodel.Segmentation;
import dev.cskit.touchmodel.TierAssignment;
import dev.cskit.touchmodel.TouchModel;
import dev.cskit.touchmodel.books.BookAssignment;
import dev.cskit.touchmodel.books.Books;
import dev.cskit.touchmodel.books.InfeasibleRosterException;
import dev.cskit.touchmodel.books.Roster;
import dev.cskit.ttv.AccountDuration;
import dev.cskit.ttv.CheckIn;
import dev.cskit.ttv.CheckInDay;
import dev.cskit.ttv.Durations;
import dev.cskit.ttv.MilestoneEvent;
import dev.cskit.ttv.StalledAccount;
import dev.cskit.ttv.TtvSpec;
import dev.cskit.ttv.stats.AalenJohansen;
import dev.cskit.ttv.stats.ConfType;
import dev.cskit.ttv.stats.KaplanMeier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The monthly run: every capability chained as of a date, on a project's data, remembering in a
 * {@link HistoryStore}.
 *
 * <p>The chain: usage metrics from the events ({@link UsageAggregator}) joined with the account facts
 * ({@code arr}, {@code seats}, {@code tenure_days}, {@code days_to_renewal}) and the extra metric files (each
 * account's latest row at or before the date) -> scores with overrides -> what changed since the previous
 * snapshot (each account's previous metrics re-scored with today's card, so the diff names the measures that
 * moved it: {@link ScoreDiff}) -> bands confirmed by hysteresis over every snapshot ({@link BandTracker}) and
 * drop alerts -> tiers with each account's previous tier and the date it entered it -> capacity -> survey
 * (contacts eligible after throttling, the e-mail rate prior updated by past waves, invitations for the
 * target, the cheapest escalation plan, silent accounts at risk) -> time to value by cohort with churn as a
 * competing risk, and the stalled accounts -> validation per scorecard over past snapshots old enough for the
 * horizon, with fitted weights when the evidence allows.
 *
 * <p>Nothing is written until everything is computed; the snapshot is then written in one transaction. A
 * failure anywhere leaves the history as it was. Immutable and thread-safe (a run reads, then writes once).
 */
public final class MonthlyRun {
  /** A score change of at least this many points makes an account a mover. */
  public static final double MOVER_POINTS = 5.0;
  /** Hours per manager per month when the touch model gives none. */
  public static final double HOURS_PER_MANAGER = 140.0;

  private final Project project;
  private final ProjectData data;
  private final ScorecardSet set;
  private final HealthScorer scorer;
  private final TouchModel touchModel;
  private final EscalationPlan surveyPlan;
  private final MrrHistory revenue;
  private final Roster roster;

  private MonthlyRun(Project project, ProjectData data) {
    this.project = project;
    this.data = data;
    ProjectConfig.Settings s = project.config().configs();
    this.set = loadScorecards(project, s.scorecard());
    this.scorer = set.compile();
    this.touchModel = s.touchModel().equals("example") ? TouchModel.example()
        : TouchModel.read(existingConfig(project, s.touchModel(), "configs.touchModel"));
    this.surveyPlan = s.surveyPlan() == null ? null
        : EscalationPlan.read(existingConfig(project, s.surveyPlan(), "configs.surveyPlan"));
    String subs = project.config().data().subscriptions();
    this.revenue = subs == null ? null
        : MrrHistory.readSubscriptions(existingConfig(project, subs, "data.subscriptions"), RetentionOptions.defaults());
    String rosterFile = project.config().data().roster();
    this.roster = rosterFile == null ? null : Roster.readCsv(existingConfig(project, rosterFile, "data.roster"));
  }

  /** The touch model the run tiers with. */
  public TouchModel touchModel() {
    return touchModel;
  }

  /** The revenue history from the project's subscriptions file, or null when it names none. */
  public MrrHistory revenue() {
    return revenue;
  }

  /** Prepares runs of a project: reads its configs and data files (not the events, streamed per run). */
  public static MonthlyRun of(Project project) {
    return new MonthlyRun(project, ProjectData.read(project));
  }

  /** The project's data. */
  public ProjectData data() {
    return data;
  }

  /** The scorecard set the run scores with (a single card is a set of one). */
  public ScorecardSet scorecards() {
    return set;
  }

  private static Path existingConfig(Project p, String path, String configPath) {
    Path f = p.resolve(path);
    if (!Files.isRegularFile(f)) {
      throw new ConfigException(p.file().toString(), configPath, -1,
          "must name an existing file (relative to the project file) or a built-in", f.toString());
    }
    return f;
  }

  static ScorecardSet loadScorecards(Project p, String spec) {
    Path file = p.resolve(spec);
    if (!Files.exists(file)) {
      if (ScorecardSet.BUILT_IN.contains(spec)) {
        return ScorecardSet.builtIn(spec);
      }
      if (Scorecard.BUILT_IN.contains(spec)) {
        return ScorecardSet.of(Scorecard.builtIn(spec));
      }
      throw new ConfigException(p.file().toString(), "configs.scorecard", -1,
          "must name a scorecard file or a built-in (" + String.join(", ", ScorecardSet.BUILT_IN) + ", "
              + String.join(", ", Scorecard.BUILT_IN) + ")", CskitException.quote(spec));
    }
    // a set by its top-level fields; an unreadable file goes to the scorecard reader, which names the problem
    java.util.Set<String> top = Configs.topLevelFields(file);
    if (top.contains("scorecards") || top.contains("selectors") || top.contains("default")) {
      return ScorecardSet.read(file);
    }
    return ScorecardSet.of(Scorecard.read(file));
  }

  /**
   * Runs as of a date and writes its snapshot (replacing one of the same date).
   *
   * @throws CskitException naming the file, row, column or config path of bad input; the history is untouched
   */
  public RunResult run(LocalDate asOf, HistoryStore store) {
    RunResult r = compute(asOf, store);
    store.write(r.snapshot());
    return r;
  }

  /** The result objects a run collects for its report (local to one computation). */
  private static final class ChartParts {
    ScoreTable previousScores;
    ValidationReport validation;
    int validationEvaluated = -1;
    final Map<String, KaplanMeier> km = new TreeMap<>();
    AalenJohansen incidence;
    CheckInDay checkIn;
    List<CheckIn.Chance> checkInCurve = List.of();
    ResponseModel surveyModel;
    long surveyEligible;
    PlanResult surveyPlan;
  }

  /** Everything a run decides, without writing it. */
  public RunResult compute(LocalDate asOf, HistoryStore store) {
    ProjectConfig.Settings cfg = project.config().configs();
    List<String> warnings = new ArrayList<>();
    ChartParts parts = new ChartParts();
    List<Account> active = data.accountsAt(asOf);
    if (active.isEmpty()) {
      throw new CskitException(project.resolve(project.config().data().accounts()).toString(),
          "must hold at least one account that is a customer on " + asOf, "none started and not churned by then");
    }
    Set<AccountId> activeIds = new HashSet<>();
    active.forEach(a -> activeIds.add(a.id()));

    // 1. metrics: account facts, extra files, usage
    MetricTable metrics = metricsAt(active, asOf, cfg, activeIds);
    checkInputs(metrics);

    // 2. scores with overrides
    Instant at = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    ScoreTable scores = scorer.score(metrics, ScoringOptions.builder().accounts(active).overrides(data.overrides())
        .asOf(at).build());

    // 3. what changed since the previous snapshot
    LocalDate prevDate = store.previousDate(asOf).orElse(null);
    Snapshot prev = prevDate == null ? null : store.read(prevDate).orElseThrow();
    List<RunResult.Mover> movers = new ArrayList<>();
    if (prev != null) {
      if (!prev.scorecard().equals(set.ref())) {
        warnings.add("the scorecard changed since " + prevDate + " (" + prev.scorecard() + " -> " + set.ref()
            + "): the previous metrics are re-scored with today's card for the diff");
      }
      // every account of the previous snapshot, so percentile measures see the same population as then
      List<Account> both = data.accountsAt(prevDate);
      MetricTable prevMetrics = metricsFromSnapshot(prev, both);
      if (prevMetrics != null) {
        Instant prevAt = prevDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
        ScoreTable before = scorer.score(prevMetrics, ScoringOptions.builder().accounts(both)
            .overrides(data.overrides()).asOf(prevAt).build());
        parts.previousScores = before;
        for (ScoreDiff d : scores.diff(before)) {
          if (!activeIds.contains(d.accountId()) || before.rowOf(d.accountId()) < 0) {
            continue;
          }
          if (Math.abs(d.change()) >= MOVER_POINTS) {
            List<ScoreDiff.Line> lines = new ArrayList<>(d.lines());
            lines.sort(Comparator.comparingDouble((ScoreDiff.Line l) -> -Math.abs(l.points())));
            movers.add(new RunResult.Mover(d.accountId(), d.after().name(), d.scoreBefore(), d.scoreAfter(), lines));
          }
        }
        movers.sort(Comparator.comparingDouble((RunResult.Mover m) -> -Math.abs(m.change()))
            .thenComparing(RunResult.Mover::accountId));
      } else {
        warnings.add("the previous snapshot (" + prevDate + ") lacks some of today's metrics: no score diff");
      }
    }

    // 4. bands confirmed across snapshots, drop alerts
    ProjectConfig.Bands bc = cfg.bands();
    BandTracker.Builder tb = BandTracker.builder().margin(bc.margin()).dropAlert(bc.dropPoints(), bc.dropDays());
    if (bc.confirmations() > 1) {
      tb.confirmations(bc.confirmations());
    }
    BandTracker tracker = tb.build();
    Map<AccountId, List<BandTracker.Reading>> series = readings(store, asOf, activeIds);
    List<Alert> alerts = new ArrayList<>();
    String[] tracked = new String[scores.size()];
    Map<AccountId, AccountHealth> health = new HashMap<>();
    for (int i = 0; i < scores.size(); i++) {
      AccountId id = scores.accountId(i);
      double s = scores.score(i);
      if (Double.isNaN(s)) {
        health.put(id, AccountHealth.of(HealthBand.INSUFFICIENT_DATA));
        tracked[i] = scores.band(i).name();
        continue;
      }
      List<BandTracker.Reading> rs = new ArrayList<>(series.getOrDefault(id, List.of()));
      rs.add(new BandTracker.Reading(asOf, s));
      List<BandTracker.Tracked> t = tracker.track(rs);
      BandTracker.Tracked last = t.get(t.size() - 1);
      tracked[i] = last.band().name();
      health.put(id, AccountHealth.of(s, last.band()));
      if (last.bandChanged() && t.size() > 1) {
        alerts.add(new Alert(id, "band_change", t.get(t.size() - 2).band().name() + " -> " + last.band().name()));
      }
      if (last.dropAlert()) {
        alerts.add(new Alert(id, "score_drop", String.format(java.util.Locale.ROOT,
            "score %.1f fell at least %.0f points within %d days", s, bc.dropPoints(), bc.dropDays())));
      }
    }

    // 5. tiers with previous tier and since; capacity
    Map<AccountId, PreviousTier> previousTiers = new HashMap<>();
    if (prev != null) {
      for (AccountSnapshot a : prev.accounts()) {
        if (a.tier() != null && a.tierSince() != null && activeIds.contains(a.accountId())) {
          previousTiers.put(a.accountId(), PreviousTier.of(a.tier(), a.tierSince()));
        }
      }
    }
    Segmentation seg = touchModel.segment(active, health, previousTiers, asOf);
    List<RunResult.TierChange> tierChanges = new ArrayList<>();
    Map<AccountId, LocalDate> since = new HashMap<>();
    for (TierAssignment t : seg.assignments()) {
      PreviousTier p = previousTiers.get(t.accountId());
      boolean same = p != null && p.tier().equals(t.tier());
      since.put(t.accountId(), PreviousTier.since(p, t.tier(), asOf));
      if (p != null && !same) {
        tierChanges.add(new RunResult.TierChange(t.accountId(), p.tier(), t.tier(), t.reason(), t.band()));
        alerts.add(new Alert(t.accountId(), "tier_change", p.tier() + " -> " + t.tier() + ": " + t.reason()));
      }
    }
    CapacityPlan capacity = CapacityPlan.of(touchModel, seg, HOURS_PER_MANAGER);

    // 5b. books of business: last month's managers kept within the tolerances, loads balanced
    BookAssignment books = null;
    if (roster != null) {
      Map<AccountId, String> previousManagers = new HashMap<>();
      if (prev != null) {
        for (AccountSnapshot a : prev.accounts()) {
          if (a.manager() != null && activeIds.contains(a.accountId())) {
            previousManagers.put(a.accountId(), a.manager());
          }
        }
      }
      try {
        books = Books.assign(roster, Books.accounts(seg, touchModel, active, previousManagers));
        books.warnings().forEach(w -> warnings.add("books: " + w));
      } catch (InfeasibleRosterException e) {
        warnings.add("books of business not assigned: " + e.getMessage());
      }
    }

    // 6. survey
    RunResult.SurveyOutcome survey = survey(asOf, cfg.survey(), activeIds, seg, scores, metrics, warnings,
        parts);

    // 7. time to value
    RunResult.TtvOutcome ttv = ttv(asOf, cfg.ttv(), warnings, parts);

    // 8. validation over past snapshots old enough for the horizon
    List<RunResult.CardValidation> validation = validate(asOf, cfg.validation(), store, activeIds, parts);

    // 9. revenue retention
    RunResult.RetentionOutcome retention = null;
    if (revenue != null) {
      Map<String, String> bandOf = new HashMap<>();
      Map<String, String> tierOf = new HashMap<>();
      for (int i = 0; i < scores.size(); i++) {
        bandOf.put(scores.accountId(i).value(), tracked[i]);
        TierAssignment t = seg.of(scores.accountId(i));
        if (t != null) {
          tierOf.put(scores.accountId(i).value(), t.tier());
        }
      }
      retention = retention(revenue, new BandSnapshot(asOf, bandOf, tierOf));
    }

    // the snapshot
    List<String> measures = scores.measureIds();
    double[][] subCols = new double[measures.size()][];
    for (int m = 0; m < measures.size(); m++) {
      subCols[m] = scores.measureColumn(measures.get(m));
    }
    List<String> metricNames = metrics.metrics();
    double[][] metricCols = new double[metricNames.size()][];
    for (int m = 0; m < metricNames.size(); m++) {
      metricCols[m] = metrics.column(metricNames.get(m));
    }
    List<AccountSnapshot> rows = new ArrayList<>(scores.size());
    for (int i = 0; i < scores.size(); i++) {
      AccountId id = scores.accountId(i);
      int mr = metrics.rowOf(id);
      double[] mv = new double[metricNames.size()];
      for (int m = 0; m < mv.length; m++) {
        mv[m] = metricCols[m][mr];
      }
      double[] sv = new double[measures.size()];
      for (int m = 0; m < sv.length; m++) {
        sv[m] = subCols[m][i];
      }
      TierAssignment t = seg.of(id);
      var card = scores.scorecard(i);
      rows.add(new AccountSnapshot(id, card == null ? null : card.name(), card == null ? null : card.version(),
          card == null ? null : card.hash(), scores.score(i), scores.band(i).name(), tracked[i],
          t == null ? null : t.tier(), t == null ? null : since.get(id), mv, sv,
          books == null ? null : books.managerOf(id)));
    }
    List<SurveyWaveRecord> waves = survey.pastWaves();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("asOf", asOf.toString());
    summary.put("previousAsOf", prevDate == null ? null : prevDate.toString());
    summary.put("accounts", active.size());
    summary.put("movers", movers.size());
    summary.put("tierChanges", tierChanges.size());
    summary.put("alerts", alerts.size());
    summary.put("managers", books == null ? null : books.managers().size());
    Snapshot snapshot = new Snapshot(asOf, Instant.now(), set.ref(), metricNames, measures, rows, alerts, waves,
        Json.write(summary));
    return new RunResult(asOf, prevDate, active.size(), scores, movers, alerts, seg, tierChanges, capacity, survey,
        ttv, validation, retention, books, new RunResult.Charts(parts.previousScores, metrics, parts.validation, parts.km,
        parts.incidence, parts.checkIn, parts.checkInCurve, parts.surveyModel, parts.surveyEligible,
        parts.surveyPlan), warnings, snapshot);
  }

  /** The horizons (months) of retention by band. */
  static final int[] RETENTION_HORIZONS = {3, 6, 12};

  /**
   * The retention section: the bridge of the 12 months up to the last month ended on or before the as-of date
   * (cut at the subscriptions' last month), the rates of its last month, and retention by band after the
   * snapshot with a note for each horizon the subscriptions do not reach.
   */
  static RunResult.RetentionOutcome retention(MrrHistory revenue, BandSnapshot bands) {
    LocalDate asOf = bands.asOf();
    List<String> notes = new ArrayList<>();
    YearMonth base = asOf.equals(YearMonth.from(asOf).atEndOfMonth()) ? YearMonth.from(asOf)
        : YearMonth.from(asOf).minusMonths(1);
    YearMonth to = base;
    if (to.isAfter(revenue.lastMonth())) {
      to = revenue.lastMonth();
      notes.add("the subscriptions end in " + to + ", before the as-of month " + base + ": the bridge stops there");
    }
    if (to.isBefore(revenue.firstMonth())) {
      to = revenue.firstMonth();
      notes.add("the subscriptions start in " + to + ", after the as-of month " + base);
    }
    YearMonth from = to.minusMonths(11);
    Bridge bridge = revenue.bridge(ReportPeriod.MONTH, from, to);
    Rates rates = revenue.rates(ReportPeriod.MONTH, from, to);
    RateRow last = rates.rows().get(rates.rows().size() - 1);
    BandRetention byBand = null;
    try {
      byBand = revenue.byBand(bands, RETENTION_HORIZONS);
      for (int h : RETENTION_HORIZONS) {
        YearMonth end = byBand.baseMonth().plusMonths(h);
        if (end.isAfter(revenue.lastMonth())) {
          notes.add("retention by band over " + h + " months is not observed yet: it needs the subscriptions to "
              + end + " (they reach " + revenue.lastMonth() + ")");
        }
      }
      notes.addAll(byBand.warnings());
    } catch (CskitException e) {
      notes.add("no retention by band: " + e.getMessage());
    }
    return new RunResult.RetentionOutcome(from, to, bridge, last, byBand, notes);
  }

  private MetricTable metricsAt(List<Account> active, LocalDate asOf, ProjectConfig.Settings cfg,
      Set<AccountId> activeIds) {
    int[] windows = cfg.usage().windows().stream().mapToInt(Integer::intValue).toArray();
    int longest = 0;
    for (int w : windows) {
      longest = Math.max(longest, w);
    }
    UsageAggregator agg = UsageAggregator.builder().asOf(asOf).windows(windows).build();
    MetricTable metrics = data.accountFacts(active, asOf);
    for (MetricTable extra : data.extraMetrics(active, asOf)) {
      metrics = joinReplacing(metrics, extra);
    }
    MetricTable usage;
    try (ProjectData.Events events = data.events(asOf.minusDays(2L * longest - 1), asOf, activeIds::contains)) {
      usage = agg.aggregate(active, events);
    }
    return usage.join(metrics);
  }

  /** Joins, letting a file's metric replace an account fact of the same name. */
  private static MetricTable joinReplacing(MetricTable base, MetricTable extra) {
    List<String> keep = new ArrayList<>();
    for (String m : base.metrics()) {
      if (!extra.hasMetric(m)) {
        keep.add(m);
      }
    }
    return base.select(keep.toArray(new String[0])).join(extra);
  }

  /** Every input of the scorecards must be a metric: the error names the files that provide metrics. */
  private void checkInputs(MetricTable metrics) {
    for (String input : scorer.inputs()) {
      if (!metrics.hasMetric(input)) {
        StringBuilder where = new StringBuilder("usage events (");
        where.append(String.join(", ", List.of("active_days_Nd", "events_Nd", "penetration_Nd", "{type}_Nd")))
            .append("), the accounts file (arr, seats, tenure_days, days_to_renewal)");
        data.metricFiles().forEach((f, ms) -> where.append(", ").append(f).append(' ').append(ms));
        throw new ConfigException(project.file().toString(), "configs.scorecard", -1,
            "every input of the scorecard must be a metric; metrics come from " + where
                + "; add a metric file under data.metrics that provides it",
            CskitException.quote(input) + " (scorecard " + set.ref() + ")");
      }
    }
  }

  private static MetricTable metricsFromSnapshot(Snapshot prev, List<Account> accounts) {
    List<String> names = prev.metricNames();
    MetricTable.Builder b = MetricTable.builder(names);
    Map<AccountId, AccountSnapshot> idx = prev.index();
    for (Account a : accounts) {
      AccountSnapshot s = idx.get(a.id());
      if (s != null) {
        b.addRow(a.id(), s.metrics());
      }
    }
    return b.build();
  }

  private static Map<AccountId, List<BandTracker.Reading>> readings(HistoryStore store, LocalDate asOf,
      Set<AccountId> ids) {
    Map<AccountId, List<BandTracker.Reading>> out = new HashMap<>();
    for (LocalDate d : store.dates()) {
      if (!d.isBefore(asOf)) {
        continue;
      }
      Snapshot s = store.read(d).orElseThrow();
      for (AccountSnapshot a : s.accounts()) {
        if (ids.contains(a.accountId()) && !Double.isNaN(a.score())) {
          out.computeIfAbsent(a.accountId(), k -> new ArrayList<>()).add(new BandTracker.Reading(d, a.score()));
        }
      }
    }
    return out;
  }

  private RunResult.SurveyOutcome survey(LocalDate asOf, ProjectConfig.Survey cfg, Set<AccountId> activeIds,
      Segmentation seg, ScoreTable scores, MetricTable metrics, List<String> warnings, ChartParts parts) {
    List<Throttle.Event> history = new ArrayList<>();
    Map<String, long[]> waveCounts = new TreeMap<>();
    LocalDate lastWave = null;
    for (ProjectData.Response r : data.responses()) {
      if (r.invitedOn().isAfter(asOf)) {
        continue;
      }
      history.add(new Throttle.Event(r.contactId(), r.accountId(), r.invitedOn(), Throttle.Kind.INVITATION));
      boolean answered = r.responded() && r.respondedOn() != null && !r.respondedOn().isAfter(asOf);
      if (answered) {
        history.add(new Throttle.Event(r.contactId(), r.accountId(), r.respondedOn(), Throttle.Kind.RESPONSE));
      }
      long[] c = waveCounts.computeIfAbsent(r.invitedOn() + "\t" + r.channel(), k -> new long[2]);
      c[0]++;
      c[1] += answered ? 1 : 0;
      if (lastWave == null || r.invitedOn().isAfter(lastWave)) {
        lastWave = r.invitedOn();
      }
    }
    List<SurveyWaveRecord> waves = new ArrayList<>();
    long invited = 0;
    long responded = 0;
    for (Map.Entry<String, long[]> e : waveCounts.entrySet()) {
      String[] k = e.getKey().split("\t");
      waves.add(new SurveyWaveRecord(LocalDate.parse(k[0]), k[1], e.getValue()[0], e.getValue()[1]));
      if (k[1].equals("email")) {
        invited += e.getValue()[0];
        responded += e.getValue()[1];
      }
    }
    List<Throttle.Candidate> candidates = new ArrayList<>();
    for (ProjectData.Contact c : data.contacts()) {
      if (activeIds.contains(c.accountId())) {
        candidates.add(Throttle.Candidate.of(c.contactId(), c.accountId()));
      }
    }
    Throttle throttle = new Throttle(cfg.throttleDays(), Throttle.DEFAULT.daysSinceResponse(),
        Throttle.DEFAULT.maxPerAccountPerQuarter());
    Throttle.Decisions decisions = throttle.decide(candidates, history, asOf);
    Map<String, Long> excluded = new TreeMap<>();
    decisions.excluded().forEach(d -> excluded.merge(d.reason(), 1L, Long::sum));
    long eligible = decisions.eligible().size();
    BetaPrior prior = BenchmarkPrior.FIRST_SURVEY.prior().update(invited, responded);
    parts.surveyModel = ResponseModel.betaBinomial(prior);
    parts.surveyEligible = eligible;
    Long invitations = null;
    if (eligible > 0) {
      try {
        invitations = ResponseModel.betaBinomial(prior).invitationsFor(cfg.targetResponses(), cfg.probability(),
            eligible).invitations();
      } catch (CskitException e) {
        warnings.add("survey: " + eligible + " eligible contacts cannot bring " + cfg.targetResponses()
            + " answers with probability " + cfg.probability());
      }
    }
    String planText = null;
    double planCost = Double.NaN;
    if (surveyPlan != null && eligible > 0) {
      Map<TouchTier, Long> byTier = new LinkedHashMap<>();
      for (Throttle.Decision d : decisions.eligible()) {
        String t = seg.tierOf(d.accountId());
        byTier.merge(TouchTier.of(t == null ? "tech" : t), 1L, Long::sum);
      }
      try {
        PlanResult plan = EscalationPlan.of(EscalationPlan.Population.ofTiers(byTier), surveyPlan.target(),
            surveyPlan.waves()).cheapest();
        planText = plan.statement();
        parts.surveyPlan = plan;
        planCost = plan.expectedCost();
      } catch (CskitException e) {
        planText = "no plan: " + e.getMessage();
      }
    }
    // silent accounts of the last wave
    List<AccountId> silentAtRisk = new ArrayList<>();
    if (lastWave != null && metrics.hasMetric("events_change_30d") && metrics.hasMetric("events_30d")) {
      Set<AccountId> surveyed = new HashSet<>();
      Set<AccountId> answered = new HashSet<>();
      for (ProjectData.Response r : data.responses()) {
        if (r.invitedOn().equals(lastWave) && activeIds.contains(r.accountId())) {
          surveyed.add(r.accountId());
          if (r.responded() && r.respondedOn() != null && !r.respondedOn().isAfter(asOf)) {
            answered.add(r.accountId());
          }
        }
      }
      List<AccountId> silent = surveyed.stream().filter(a -> !answered.contains(a)).sorted().toList();
      Map<AccountId, Double> h = new HashMap<>();
      Map<AccountId, HealthBand> b = new HashMap<>();
      for (int i = 0; i < scores.size(); i++) {
        h.put(scores.accountId(i), scores.score(i));
        b.put(scores.accountId(i), scores.band(i));
      }
      SilentRiskOptions risk = SilentRiskOptions.builder().health(h).healthBelow(40).bands(b)
          .lowBands(Set.of(HealthBand.RED)).usage(metrics).usageChangeMetric("events_change_30d").declineBelow(-0.3)
          .activityMetric("events_30d").build();
      for (SilentCheck.SilentAccount s : SilentCheck.atRisk(silent, risk)) {
        if (s.atRisk()) {
          silentAtRisk.add(s.accountId());
        }
      }
    }
    return new RunResult.SurveyOutcome(candidates.size(), eligible, excluded, waves, prior.mean(), prior.alpha(),
        prior.beta(), cfg.targetResponses(), invitations, planText, planCost, silentAtRisk);
  }

  private RunResult.TtvOutcome ttv(LocalDate asOf, ProjectConfig.Ttv cfg, List<String> warnings,
      ChartParts parts) {
    List<MilestoneEvent> events = data.milestonesAt(asOf);
    if (events.isEmpty()) {
      return new RunResult.TtvOutcome(List.of(), Double.NaN, List.of());
    }
    TtvSpec spec = TtvSpec.of(cfg.start(), cfg.value(), cfg.churn(), asOf);
    Durations all = Durations.fromEvents(events, spec);
    List<RunResult.TtvCohort> cohorts = new ArrayList<>();
    cohorts.add(cohort("all", all));
    for (String column : cfg.cohorts()) {
      Map<String, List<MilestoneEvent>> byValue = new TreeMap<>();
      for (MilestoneEvent e : events) {
        Account a = data.account(e.accountId());
        String v = a == null ? "(unknown)" : a.attribute(column);
        byValue.computeIfAbsent(column + "=" + (v == null ? "(none)" : v), k -> new ArrayList<>()).add(e);
      }
      for (Map.Entry<String, List<MilestoneEvent>> e : byValue.entrySet()) {
        Durations d = Durations.fromEvents(e.getValue(), spec);
        if (!d.accounts().isEmpty()) {
          cohorts.add(cohort(e.getKey(), d));
          if (d.competingStatus().length > 0 && java.util.Arrays.stream(d.competingStatus()).anyMatch(x -> x == 1)) {
            try {
              parts.km.put(e.getKey(), d.kaplanMeier(ConfType.LOG_LOG, 0.95));
            } catch (CskitException ex) {
              // a cohort the estimator cannot draw is left out of the chart; its row stays in ttv.csv
            }
          }
        }
      }
    }
    double checkInDay = Double.NaN;
    List<StalledAccount> stalled = List.of();
    try {
      AalenJohansen aj = all.cumulativeIncidence(ConfType.LOG_LOG, 0.95);
      CheckInDay ci = CheckIn.recommend(aj, 7, 0.1);
      checkInDay = ci.day();
      parts.incidence = aj;
      parts.checkIn = ci;
      parts.checkInCurve = CheckIn.chanceCurve(aj, 7);
      if (!Double.isNaN(checkInDay)) {
        Map<AccountId, Double> renewal = new HashMap<>();
        for (AccountDuration a : all.accounts()) {
          Account acc = data.account(a.accountId());
          LocalDate r = acc == null ? null : ProjectData.nextRenewal(acc, asOf);
          if (r != null) {
            renewal.put(a.accountId(),
                (r.atStartOfDay(ZoneOffset.UTC).toEpochSecond() - a.start().getEpochSecond()) / 86400.0);
          }
        }
        stalled = CheckIn.stalled(all, aj, checkInDay, renewal);
      }
    } catch (CskitException e) {
      warnings.add("time to value: " + e.getMessage());
    }
    return new RunResult.TtvOutcome(cohorts, checkInDay, stalled);
  }

  private static RunResult.TtvCohort cohort(String name, Durations d) {
    int[] status = d.competingStatus();
    int value = 0;
    int churn = 0;
    for (int s : status) {
      value += s == 1 ? 1 : 0;
      churn += s == 2 ? 1 : 0;
    }
    double median = Double.NaN;
    double v30 = Double.NaN;
    double c30 = Double.NaN;
    if (value > 0) {
      KaplanMeier km = d.kaplanMeier();
      median = km.median().value();
      AalenJohansen aj = d.cumulativeIncidence(ConfType.LOG_LOG, 0.95);
      v30 = aj.incidence(1, 30).value();
      c30 = churn > 0 ? aj.incidence(2, 30).value() : 0.0;
    }
    return new RunResult.TtvCohort(name, d.accounts().size(), value, churn, median, v30, c30);
  }

  private List<RunResult.CardValidation> validate(LocalDate asOf, ProjectConfig.Validation cfg, HistoryStore store,
      Set<AccountId> activeIds, ChartParts parts) {
    int h = cfg.horizonDays();
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d : store.dates()) {
      if (!d.plusDays(h).isAfter(asOf)) {
        dates.add(d);
      }
    }
    if (dates.isEmpty()) {
      return List.of();
    }
    // outcomes: churn dates from the status history; known active through today for current customers,
    // through the day before its churn for a churned account, through its last status record otherwise
    ChurnOutcomes.Builder ob = ChurnOutcomes.builder().source("status history and snapshots");
    Set<AccountId> seen = new HashSet<>();
    for (Account a : data.allAccounts()) {
      AccountId id = a.id();
      LocalDate churn = data.churnDates().get(id);
      if (churn != null && churn.isAfter(asOf)) {
        churn = null; // not known yet at this date
      }
      LocalDate active = activeIds.contains(id) ? asOf : churn != null ? churn.minusDays(1) : data.lastActive().get(id);
      if (churn == null && active == null) {
        continue;
      }
      ob.add(id, churn, null, active);
      seen.add(id);
    }
    ChurnOutcomes outcomes = ob.build();
    // snapshots per card
    Map<String, ScoreSnapshots.Builder> perCard = new LinkedHashMap<>();
    Map<String, List<String>> measuresPerCard = new HashMap<>();
    for (Scorecard c : set.usedScorecards()) {
      List<String> ms = new ArrayList<>();
      c.measures().forEach(m -> ms.add(m.id()));
      measuresPerCard.put(c.name(), ms);
      perCard.put(c.name(), ScoreSnapshots.builder(ms).source("history " + c.name()));
    }
    for (LocalDate d : dates) {
      Snapshot s = store.read(d).orElseThrow();
      for (AccountSnapshot a : s.accounts()) {
        ScoreSnapshots.Builder b = a.cardName() == null ? null : perCard.get(a.cardName());
        if (b == null) {
          continue;
        }
        List<String> ms = measuresPerCard.get(a.cardName());
        double[] sub = new double[ms.size()];
        for (int m = 0; m < sub.length; m++) {
          int k = s.measureIndex(ms.get(m));
          sub[m] = k < 0 ? Double.NaN : a.subScore(k);
        }
        b.add(a.accountId(), d, a.score(), a.band() == null ? HealthBand.INSUFFICIENT_DATA : HealthBand.of(a.band()),
            sub);
      }
    }
    List<RunResult.CardValidation> out = new ArrayList<>();
    for (Map.Entry<String, ScoreSnapshots.Builder> e : perCard.entrySet()) {
      ScoreSnapshots snaps = e.getValue().build();
      if (snaps.size() == 0) {
        continue;
      }
      Backtest bt = Backtest.run(snaps, outcomes, h);
      Map<String, Integer> leftOut = new LinkedHashMap<>();
      leftOut.put("nothing known at the horizon's end", bt.count(Backtest.Label.NO_OUTCOME_IN_HORIZON));
      leftOut.put("no outcome for the account", bt.count(Backtest.Label.NO_OUTCOME_ROW));
      leftOut.put("already churned", bt.count(Backtest.Label.ALREADY_CHURNED));
      double auc = Double.NaN;
      double lo = Double.NaN;
      double hi = Double.NaN;
      String note = null;
      Map<String, Double> fitted = new LinkedHashMap<>();
      int churned = bt.churnedCount();
      int retained = bt.evaluatedCount() - churned;
      try {
        ValidationReport r = ScoreValidation.validate(bt);
        if (bt.evaluatedCount() > parts.validationEvaluated) {
          parts.validation = r;
          parts.validationEvaluated = bt.evaluatedCount();
        }
        auc = r.auc().auc();
        lo = r.auc().lower();
        hi = r.auc().upper();
        if (churned >= cfg.minChurned() && retained >= cfg.minChurned()) {
          ScorecardFit.Result fit = ScorecardFit.fit(set.scorecard(e.getKey()), snaps, outcomes, h,
              WeightFit.DEFAULT_STRENGTH, null);
          for (WeightFit.WeightChange c : fit.weights().weights()) {
            fitted.put(c.id(), Math.round(c.fitted() * 1000.0) / 1000.0);
          }
        } else {
          note = "fitted weights need at least " + cfg.minChurned() + " churned and " + cfg.minChurned()
              + " retained snapshots; found " + churned + " and " + retained;
        }
      } catch (CskitException ex) {
        note = ex.getMessage();
      }
      List<LocalDate> used = new ArrayList<>(new java.util.TreeSet<>(snaps.dates()));
      out.add(new RunResult.CardValidation(e.getKey(), used, h, bt.evaluatedCount(), churned, leftOut, auc, lo, hi,
          fitted, note));
    }
    return out;
  }

  static long days(LocalDate a, LocalDate b) {
    return ChronoUnit.DAYS.between(a, b);
  }
}
