package dev.cskit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigException;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.run.history.AccountSnapshot;
import dev.cskit.run.history.DuckDbDataSource;
import dev.cskit.run.history.HistoryException;
import dev.cskit.run.history.HistoryStore;
import dev.cskit.run.history.Snapshot;
import dev.cskit.sample.SampleHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monthly run end to end on the sample project, against what its data files say. */
class MonthlyRunTest {
  static final LocalDate JAN = LocalDate.of(2026, 1, 31);
  static final LocalDate JUN = LocalDate.of(2026, 6, 30);

  @TempDir static Path shared;
  static Path project;
  static List<RunResult> backfill;
  static Map<String, LocalDate> churn = new HashMap<>();

  @BeforeAll
  static void backfillSixMonths() throws IOException {
    project = SampleHistory.generate(150, 7).writeProject(shared.resolve("p"));
    backfill = ProjectRunner.run(project, ProjectRunner.dates(JAN, JUN, ProjectRunner.Every.MONTH), null);
    List<String> status = Files.readAllLines(shared.resolve("p/data/status.csv"));
    for (String line : status.subList(1, status.size())) {
      String[] f = line.split(",");
      if (f[2].equals("churned")) {
        churn.put(f[0], LocalDate.parse(f[1]));
      }
    }
  }

  static Path copyProject(Path to) throws IOException {
    return SampleHistory.generate(60, 11).writeProject(to);
  }

  @Test
  void aBackfillWritesOneSnapshotAndOneFolderPerMonth() throws IOException {
    assertEquals(6, backfill.size());
    assertEquals(ProjectRunner.dates(JAN, JUN, ProjectRunner.Every.MONTH),
        backfill.stream().map(RunResult::asOf).toList());
    assertNull(backfill.get(0).previousAsOf());
    for (int i = 1; i < 6; i++) {
      assertEquals(backfill.get(i - 1).asOf(), backfill.get(i).previousAsOf());
    }
    try (HistoryStore store = HistoryStore.duckDb(project.getParent().resolve("history.duckdb"))) {
      assertEquals(backfill.stream().map(RunResult::asOf).toList(), store.dates());
    }
    try (Stream<Path> s = Files.list(project.getParent().resolve("runs"))) {
      List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of("2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"), names);
    }
    Path last = project.getParent().resolve("runs/2026-06-30");
    for (String f : List.of("scores.csv", "movers.csv", "tiers.csv", "capacity.csv", "alerts.csv", "ttv.csv", "stalled.csv",
        "survey.json", "validation.json", "summary.json", "summary.txt")) {
      assertTrue(Files.isRegularFile(last.resolve(f)), f);
    }
    assertTrue(Files.readString(last.resolve("scores.csv")).startsWith(
        "account_id,as_of,scorecard,scorecard_version,score,band,tracked_band,tier,tier_since\n"));
  }

  @Test
  void customersAreThoseStartedAndNotChurnedByTheDate() throws IOException {
    Map<String, LocalDate> start = new HashMap<>();
    List<String> lines = Files.readAllLines(project.getParent().resolve("data/accounts.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    int startCol = header.indexOf("contract_start");
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      start.put(f[0], LocalDate.parse(f[startCol]));
    }
    for (RunResult r : backfill) {
      long expected = start.entrySet().stream().filter(e -> !e.getValue().isAfter(r.asOf()))
          .filter(e -> churn.get(e.getKey()) == null || churn.get(e.getKey()).isAfter(r.asOf())).count();
      assertEquals(expected, r.accounts(), "customers on " + r.asOf());
      assertEquals(expected, r.snapshot().accounts().size());
    }
  }

  @Test
  void extraMetricsTakeEachAccountsLatestRowAtOrBeforeTheDate() throws IOException {
    // crm.csv read here by plain string splitting, independently of the run's reader
    Map<String, TreeMap<LocalDate, String>> tickets = new HashMap<>();
    List<String> lines = Files.readAllLines(project.getParent().resolve("data/crm.csv"));
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      tickets.computeIfAbsent(f[0], k -> new TreeMap<>()).put(LocalDate.parse(f[1]), f[2]);
    }
    for (RunResult r : backfill) {
      Snapshot s = r.snapshot();
      int col = s.metricIndex("open_tickets");
      for (AccountSnapshot a : s.accounts()) {
        var row = tickets.get(a.accountId().value()).floorEntry(r.asOf());
        double expected = row == null ? Double.NaN : Double.parseDouble(row.getValue());
        assertEquals(expected, a.metric(col), 0.0, a.accountId() + " on " + r.asOf());
      }
    }
  }

  @Test
  void moversAreExplainedByTheMeasuresThatMovedThem() {
    int movers = 0;
    for (RunResult r : backfill.subList(1, 6)) {
      double lastChange = Double.POSITIVE_INFINITY;
      for (RunResult.Mover m : r.movers()) {
        movers++;
        assertTrue(Math.abs(m.change()) >= MonthlyRun.MOVER_POINTS);
        assertTrue(Math.abs(m.change()) <= lastChange, "largest move first");
        lastChange = Math.abs(m.change());
        double sum = m.lines().stream().mapToDouble(l -> l.points()).sum();
        assertEquals(m.change(), sum, 1e-9, m.accountId() + ": the lines add up to the change");
        // the score before is the previous snapshot's score (same card, re-scored from its metrics)
        AccountSnapshot before = backfill.get(backfill.indexOf(r) - 1).snapshot().account(m.accountId()).orElseThrow();
        if (m.card().equals(before.cardName())) {
          assertEquals(before.score(), m.before(), 1e-9, m.accountId().value());
        }
      }
    }
    assertTrue(movers > 0, "the sample's scores move from month to month");
  }

  @Test
  void tiersRememberWhenEachAccountEnteredThem() {
    for (AccountSnapshot a : backfill.get(0).snapshot().accounts()) {
      assertEquals(JAN, a.tierSince(), "the first run starts every tier");
    }
    for (int i = 1; i < backfill.size(); i++) {
      Map<AccountId, AccountSnapshot> prev = backfill.get(i - 1).snapshot().index();
      RunResult r = backfill.get(i);
      for (AccountSnapshot a : r.snapshot().accounts()) {
        AccountSnapshot p = prev.get(a.accountId());
        if (p == null || !p.tier().equals(a.tier())) {
          assertEquals(r.asOf(), a.tierSince(), a.accountId() + " entered its tier today");
        } else {
          assertEquals(p.tierSince(), a.tierSince(), a.accountId() + " keeps its since");
        }
      }
      for (RunResult.TierChange c : r.tierChanges()) {
        assertFalse(c.from().equals(c.to()));
        assertEquals(c.from(), prev.get(c.accountId()).tier());
        assertNotNull(c.reason());
      }
    }
  }

  @Test
  void validationCountsMatchTheStatusHistory() {
    RunResult june = backfill.get(5);
    int h = 90;
    int expectedSnapshots = 0;
    int expectedChurned = 0;
    for (RunResult r : backfill) {
      if (r.asOf().plusDays(h).isAfter(JUN)) {
        continue;
      }
      for (AccountSnapshot a : r.snapshot().accounts()) {
        if (a.cardName() == null) {
          continue;
        }
        expectedSnapshots++;
        LocalDate c = churn.get(a.accountId().value());
        if (c != null && c.isAfter(r.asOf()) && !c.isAfter(r.asOf().plusDays(h))) {
          expectedChurned++;
        }
      }
    }
    assertTrue(expectedChurned > 0, "some accounts churn within the horizon");
    int evaluated = june.validation().stream().mapToInt(RunResult.CardValidation::evaluated).sum();
    int churned = june.validation().stream().mapToInt(RunResult.CardValidation::churned).sum();
    assertEquals(expectedSnapshots, evaluated, "every snapshot's outcome is known: churned, or active today");
    assertEquals(expectedChurned, churned);
    for (RunResult.CardValidation v : june.validation()) {
      assertEquals(List.of(JAN, JAN.plusMonths(1).withDayOfMonth(28), LocalDate.of(2026, 3, 31)), v.snapshots());
      v.leftOut().values().forEach(n -> assertEquals(0, n));
    }
  }

  @Test
  void aCorruptEventsFileLeavesNoPartialSnapshot(@TempDir Path dir) throws IOException {
    Path p = copyProject(dir.resolve("p"));
    ProjectRunner.run(p, List.of(JAN), null);
    Files.writeString(p.getParent().resolve("data/events.csv"), "A00001,A00001-u1,login,yesterday\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    DataException e = assertThrows(DataException.class,
        () -> ProjectRunner.run(p, List.of(LocalDate.of(2026, 2, 28)), null));
    assertTrue(e.getMessage().contains("events.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("timestamp"), e.getMessage());
    assertTrue(e.row() > 1, "names the row");
    try (HistoryStore store = HistoryStore.duckDb(p.getParent().resolve("history.duckdb"))) {
      assertEquals(List.of(JAN), store.dates());
    }
    assertEquals(List.of("2026-01-31"), folders(p));
  }

  @Test
  void aStoreThatRefusesTheWriteLeavesNoSnapshotAndNoFolder(@TempDir Path dir) throws IOException {
    Path p = copyProject(dir.resolve("p"));
    ProjectRunner.run(p, List.of(JAN), null);
    Project project = Project.read(p);
    MonthlyRun runner = MonthlyRun.of(project);
    try (DuckDbDataSource ds = DuckDbDataSource.open(p.getParent().resolve("history.duckdb"))) {
      HistoryStore refusing = HistoryStore.open(dev.cskit.run.history.RefusingCommits.of(ds));
      HistoryException e = assertThrows(HistoryException.class,
          () -> ProjectRunner.run(runner, project, refusing, LocalDate.of(2026, 2, 28)));
      assertTrue(e.getMessage().contains("refused the snapshot of 2026-02-28"), e.getMessage());
      assertEquals(List.of(JAN), HistoryStore.open(ds).dates());
    }
    assertEquals(List.of("2026-01-31"), folders(p));
  }

  @Test
  void rerunningADateReplacesItsSnapshot(@TempDir Path dir) throws IOException {
    Path p = copyProject(dir.resolve("p"));
    RunResult first = ProjectRunner.run(p, List.of(JAN), null).get(0);
    RunResult again = ProjectRunner.run(p, List.of(JAN), null).get(0);
    assertNull(again.previousAsOf(), "the same date is not its own previous snapshot");
    try (HistoryStore store = HistoryStore.duckDb(p.getParent().resolve("history.duckdb"))) {
      assertEquals(List.of(JAN), store.dates());
      assertEquals(first.snapshot().accounts(), store.read(JAN).orElseThrow().accounts());
    }
  }

  @Test
  void aBadProjectFileNamesThePathAndLine(@TempDir Path dir) throws IOException {
    Path p = copyProject(dir.resolve("p"));
    String yaml = Files.readString(p);
    Files.writeString(p, yaml.replace("  usage:\n", "  usgae:\n"));
    ConfigException e = assertThrows(ConfigException.class, () -> Project.read(p));
    assertTrue(e.getMessage().contains("usgae"), e.getMessage());
    assertTrue(e.getMessage().contains("cskit.yaml"), e.getMessage());
    Files.writeString(p, yaml.replace("data/events.csv", "data/missing.csv"));
    CskitException e2 = assertThrows(CskitException.class, () -> MonthlyRun.of(Project.read(p)));
    assertTrue(e2.getMessage().contains("data.events"), e2.getMessage());
    assertTrue(e2.getMessage().contains("missing.csv"), e2.getMessage());
  }

  @Test
  void aMissingMetricSaysWhichFilesProvideMetrics(@TempDir Path dir) throws IOException {
    Path p = copyProject(dir.resolve("p"));
    Files.writeString(p.getParent().resolve("card.yaml"), """
        name: needs-nps
        version: 1
        measures:
          - {id: nps, metric: nps_score, weight: 1,
             rule: {type: linear, points: [[-100, 0], [100, 100]]}}
        """);
    Files.writeString(p, Files.readString(p).replace("scorecard: by-stage", "scorecard: card.yaml"));
    CskitException e = assertThrows(CskitException.class,
        () -> ProjectRunner.run(p, List.of(JAN), null));
    assertTrue(e.getMessage().contains("nps_score"), e.getMessage());
    assertTrue(e.getMessage().contains("crm.csv"), e.getMessage());
    assertFalse(Files.exists(p.getParent().resolve("history.duckdb")) && hasSnapshots(p), "nothing written");
  }

  private static boolean hasSnapshots(Path p) {
    try (HistoryStore store = HistoryStore.duckDb(p.getParent().resolve("history.duckdb"))) {
      return !store.dates().isEmpty();
    }
  }

  private static List<String> folders(Path p) throws IOException {
    Path runs = p.getParent().resolve("runs");
    try (Stream<Path> s = Files.list(runs)) {
      return s.map(x -> x.getFileName().toString()).sorted().toList();
    }
  }

  /** Events in Parquet (read through DuckDB) give the same snapshots as the same events in CSV. */
  @Test
  void parquetEventsGiveTheSameSnapshotsAsCsv(@TempDir Path dir) throws Exception {
    Path csvProject = copyProject(dir.resolve("csv"));
    Path pqProject = copyProject(dir.resolve("pq"));
    Path csv = pqProject.getParent().resolve("data/events.csv").toAbsolutePath();
    Path pq = pqProject.getParent().resolve("data/events.parquet").toAbsolutePath();
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = c.createStatement()) {
      st.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, columns = {'account_id': 'VARCHAR',"
          + " 'user_id': 'VARCHAR', 'event_type': 'VARCHAR', 'timestamp': 'TIMESTAMP'})) TO '" + pq
          + "' (FORMAT parquet)");
    }
    Files.delete(csv);
    Files.writeString(pqProject, Files.readString(pqProject).replace("data/events.csv", "data/events.parquet"));
    List<LocalDate> dates = List.of(JAN, LocalDate.of(2026, 2, 28));
    List<RunResult> a = ProjectRunner.run(csvProject, dates, null);
    List<RunResult> b = ProjectRunner.run(pqProject, dates, null);
    for (int i = 0; i < dates.size(); i++) {
      assertEquals(a.get(i).snapshot().metricNames(), b.get(i).snapshot().metricNames());
      assertEquals(a.get(i).snapshot().accounts(), b.get(i).snapshot().accounts(), dates.get(i).toString());
    }
    Files.writeString(pqProject, Files.readString(pqProject).replace("data/accounts.csv", "data/few.csv"));
    List<String> accounts = Files.readAllLines(pqProject.getParent().resolve("data/accounts.csv"));
    Files.write(pqProject.getParent().resolve("data/few.csv"), accounts.subList(0, 10));
    DataException e = assertThrows(DataException.class,
        () -> ProjectRunner.run(pqProject, List.of(LocalDate.of(2026, 3, 31)), null));
    assertTrue(e.getMessage().contains("events.parquet"), e.getMessage());
    assertTrue(e.getMessage().contains("must name an account of the accounts file"), e.getMessage());
  }
}
