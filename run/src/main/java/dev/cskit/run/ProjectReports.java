package dev.cskit.run;

import dev.cskit.core.Account;
import dev.cskit.core.CskitException;
import dev.cskit.core.HealthBand;
import dev.cskit.core.MetricTable;
import dev.cskit.report.Report;
import dev.cskit.report.ReportInputs;
import dev.cskit.run.history.AccountSnapshot;
import dev.cskit.run.history.HistoryStore;
import dev.cskit.run.history.Snapshot;
import dev.cskit.touchmodel.TouchModel;
import dev.cskit.touchmodel.UsageGroups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML report of a run ({@link Report}): built from the run's own results and the history before it (band
 * shares over time and the usage trend over every earlier snapshot in the store, movers against the previous
 * snapshot). Sections whose inputs the run lacks say what is missing.
 */
public final class ProjectReports {
  private ProjectReports() {}

  /**
   * The report's inputs for a run: its scores, tiers, validation, time to value, survey and retention, with
   * the band shares and usage of every snapshot in the store before the run's date.
   *
   * @param project the project (its name titles the page; its survey probability is the outlook's)
   * @param accounts the accounts that were customers at the run's date
   * @param touchModel the touch model (its usage groups)
   */
  public static ReportInputs inputs(Project project, RunResult r, HistoryStore store, List<Account> accounts,
      TouchModel touchModel) {
    String title = title(project, r.asOf());
    List<ReportInputs.BandSnapshot> bands = new ArrayList<>();
    List<ReportInputs.UsageSnapshot> usage = new ArrayList<>();
    for (LocalDate d : store.dates()) {
      if (!d.isBefore(r.asOf())) {
        continue;
      }
      Snapshot s = store.read(d).orElseThrow();
      bands.add(new ReportInputs.BandSnapshot(d, bandCounts(s)));
      usage.add(new ReportInputs.UsageSnapshot(d, metrics(s)));
    }
    RunResult.Charts c = r.charts();
    bands.add(ReportInputs.BandSnapshot.of(r.asOf(), r.scores()));
    usage.add(new ReportInputs.UsageSnapshot(r.asOf(), c.metrics()));
    ReportInputs.Builder b = ReportInputs.builder().title(title).asOf(r.asOf()).accounts(accounts)
        .usageHistory(usage).scores(r.scores()).bandHistory(bands).segmentation(r.tiers())
        .timeToValue(c.timeToValue());
    if (c.previousScores() != null && r.previousAsOf() != null) {
      b.previousScores(c.previousScores(), r.previousAsOf());
    }
    if (c.validation() != null) {
      b.validation(c.validation());
    }
    try {
      b.usageGroups(UsageGroups.of(c.metrics(), touchModel.usageGroups()));
    } catch (CskitException e) {
      // the touch model's usage groups need metrics this run lacks: the chart says it is missing
    }
    if (c.incidence() != null) {
      b.incidence(c.incidence());
    }
    if (c.checkIn() != null) {
      b.checkIn(new ReportInputs.CheckInView(c.checkIn(), c.checkInCurve()));
    }
    if (c.surveyModel() != null && c.surveyEligible() > 0) {
      b.surveyOutlook(new ReportInputs.SurveyOutlook(c.surveyModel(), r.survey().targetResponses(),
          project.config().configs().survey().probability(), c.surveyEligible()));
    }
    if (c.surveyPlan() != null) {
      b.surveyPlan(c.surveyPlan());
    }
    if (r.retention() != null) {
      b.revenueBridge(r.retention().bridge());
    }
    return b.build();
  }

  /**
   * The report of a stored run: the latest snapshot at or before {@code asOf} (null: the latest), recomputed
   * from the project's data and the history before it (the run is deterministic, so this is the run's report).
   *
   * @throws CskitException when the store holds no snapshot at or before the date
   */
  public static String html(Project project, HistoryStore store, LocalDate asOf) {
    LocalDate date = snapshotDate(project, store, asOf);
    MonthlyRun runner = MonthlyRun.of(project);
    RunResult r = runner.compute(date, store);
    return Report.html(inputs(project, r, store, runner.data().accountsAt(date), runner.touchModel()));
  }

  /** The snapshot a report draws: the latest at or before {@code asOf} (null: the latest). */
  public static LocalDate snapshotDate(Project project, HistoryStore store, LocalDate asOf) {
    LocalDate found = null;
    for (LocalDate d : store.dates()) {
      if (asOf == null || !d.isAfter(asOf)) {
        found = d;
      }
    }
    if (found == null) {
      throw new CskitException(project.file().toString(), "must have a stored run " + (asOf == null ? ""
          : "at or before " + asOf + " ") + "to report (run cskit run first)", "no snapshot in " + store.name());
    }
    return found;
  }

  /**
   * Writes the report of a stored run to {@code out} atomically (a temporary file beside it, then moved).
   *
   * @return the snapshot's date
   */
  public static LocalDate write(Path projectFile, LocalDate asOf, Path out) {
    Project project = Project.read(projectFile);
    try (HistoryStore store = ProjectRunner.openStore(project)) {
      String html = html(project, store, asOf);
      writeAtomically(out, html);
      return snapshotDate(project, store, asOf);
    }
  }

  static String title(Project project, LocalDate date) {
    return "cskit: " + project.config().name() + ", run of " + date;
  }

  static void writeAtomically(Path out, String html) {
    try {
      Files.createDirectories(out.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dev.cskit.core.io.AtomicFiles.writeString(out, html);
  }

  private static Map<HealthBand, Integer> bandCounts(Snapshot s) {
    Map<HealthBand, Integer> m = new java.util.LinkedHashMap<>();
    for (AccountSnapshot a : s.accounts()) {
      HealthBand band = a.band() == null ? HealthBand.INSUFFICIENT_DATA : HealthBand.of(a.band());
      m.merge(band, 1, Integer::sum);
    }
    return m;
  }

  private static MetricTable metrics(Snapshot s) {
    MetricTable.Builder b = MetricTable.builder(s.metricNames());
    for (AccountSnapshot a : s.accounts()) {
      b.addRow(a.accountId(), a.metrics());
    }
    return b.build();
  }
}
