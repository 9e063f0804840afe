package dev.cskit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cskit.core.ConfigException;
import dev.cskit.retention.BridgeRow;
import dev.cskit.sample.SampleHistory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's optional sections (revenue retention) end to end on a small {@code init} project, two dates. */
class RunSectionsTest {
  static final LocalDate MAY = LocalDate.of(2026, 5, 31);
  static final LocalDate JUN = LocalDate.of(2026, 6, 30);

  @TempDir static Path shared;
  static Path project;
  static List<RunResult> runs;

  @BeforeAll
  static void twoMonths() {
    project = SampleHistory.generate(200, 3).writeProject(shared.resolve("p"));
    runs = ProjectRunner.run(project, List.of(MAY, JUN), null);
  }

  @Test
  void theRetentionSectionsBridgeReconcilesAndEndsAtTheSubscriptionsMrr() throws IOException {
    RunResult r = runs.get(1);
    RunResult.RetentionOutcome rt = r.retention();
    assertNotNull(rt, "the init project names a subscriptions file");
    assertEquals(YearMonth.of(2026, 6), rt.to());
    assertEquals(YearMonth.of(2025, 7), rt.from());
    List<BridgeRow> rows = rt.bridge().rows();
    assertEquals(12, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      BridgeRow b = rows.get(i);
      assertEquals(b.ending(), b.starting() + b.newMrr() + b.expansion() + b.reactivation() - b.contraction()
          - b.churn(), b.label());
      if (i > 0) {
        assertEquals(rows.get(i - 1).ending(), b.starting(), b.label());
      }
      // independently: the MRR of the line items active at the month's end, read by plain splitting
      assertEquals(mrrAt(project.getParent().resolve("data/subscriptions.csv"), b.lastMonth().atEndOfMonth()),
          b.ending(), "ending MRR of " + b.label());
    }
    assertTrue(rows.get(11).ending() > 0);

    // the CSV in the run folder holds the same bridge, in currency units
    Path dir = project.getParent().resolve("runs/" + JUN);
    List<String> csv = Files.readAllLines(dir.resolve("retention.csv"), StandardCharsets.UTF_8);
    assertEquals(13, csv.size());
    assertTrue(csv.get(0).startsWith("month,starting,new,expansion,reactivation,contraction,churn,ending,"));
    String[] last = csv.get(12).split(",");
    assertEquals("2026-06", last[0]);
    assertEquals(0, new BigDecimal(last[7]).compareTo(BigDecimal.valueOf(rows.get(11).ending(), 2)));

    // summary.json carries the section with the rates of the last month
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("retention");
    assertEquals("2026-06", s.get("to").asText());
    assertEquals(12, s.get("bridge").size());
    assertEquals(rt.rates().nrr(), s.get("nrr").asDouble(), 1e-12);
    assertEquals(rt.rates().grr(), s.get("grr").asDouble(), 1e-12);
    assertTrue(rt.rates().grr() <= rt.rates().nrr() + 1e-12 || Double.isNaN(rt.rates().nrr()));
    assertTrue(Files.readString(dir.resolve("summary.txt")).contains("Revenue retention, MRR bridge 2025-07 to 2026-06"));
  }

  @Test
  void retentionByBandUsesThisSnapshotsBandsAndSaysWhichHorizonsAreNotObserved() {
    RunResult.RetentionOutcome rt = runs.get(1).retention();
    Set<String> bands = new HashSet<>();
    r(runs.get(1)).forEach(bands::add);
    if (rt.byBand() != null) {
      for (var row : rt.byBand().rows()) {
        if (row.dimension().equals("band")) {
          assertTrue(bands.contains(row.group()) || row.group().equals("(none)") || row.group().equals("all"),
              row.group());
        }
      }
    }
    // a horizon the subscriptions reach is observed; one they do not reach is named in a note
    YearMonth lastMonth = runsRevenue().lastMonth();
    assertNotNull(rt.byBand(), rt.notes().toString());
    for (int h : MonthlyRun.RETENTION_HORIZONS) {
      boolean reached = !rt.byBand().baseMonth().plusMonths(h).isAfter(lastMonth);
      final int hh = h;
      assertEquals(!reached, rt.notes().stream().anyMatch(n -> n.contains("over " + hh + " months")),
          "horizon " + h + ", subscriptions to " + lastMonth + ": " + rt.notes());
      assertTrue(rt.byBand().rows().stream().filter(row -> row.horizonMonths() == hh)
          .allMatch(row -> row.observed() == reached), "horizon " + h);
    }
  }

  private static dev.cskit.retention.MrrHistory runsRevenue() {
    return MonthlyRun.of(Project.read(project)).revenue();
  }

  @Test
  void eachRunFolderHoldsAReportWithEverySectionsChartContainer() throws IOException {
    Set<String> ids = new HashSet<>();
    for (dev.cskit.report.Section sec : dev.cskit.report.Report.sections(dev.cskit.report.ReportInputs.builder().build())) {
      sec.figures().forEach(f -> ids.add(f.id()));
    }
    assertTrue(ids.contains("revenue-bridge"));
    for (LocalDate d : List.of(MAY, JUN)) {
      String html = Files.readString(project.getParent().resolve("runs/" + d + "/report.html"), StandardCharsets.UTF_8);
      for (String id : ids) {
        // the movers figure is drawn as one waterfall per top account (health-mover-1, ...)
        String shown = id.equals("health-movers") && html.contains("id=\"health-mover-") ? "health-mover-1" : id;
        assertTrue(html.contains("id=\"" + shown + "\""), d + ": " + id);
      }
      for (String key : dev.cskit.report.Report.sections(dev.cskit.report.ReportInputs.builder().build()).stream()
          .map(dev.cskit.report.Section::key).toList()) {
        assertTrue(html.contains("href=\"#" + key + "\""), d + ": section " + key);
      }
      JsonNode specs = options(html);
      Set<String> drawn = new HashSet<>();
      specs.forEach(sp -> drawn.add(sp.get("id").asText()));
      // drawn from the run: portfolio, histogram, tiers, time to value, survey, revenue
      for (String id : List.of("portfolio-segment", "health-histogram", "touch-hours", "ttv-km", "survey-outlook",
          "revenue-bridge")) {
        assertTrue(drawn.contains(id), d + ": " + id + " drawn; drawn " + drawn);
      }
      // over the history: the first run has no earlier snapshot, the second has May's
      for (String id : List.of("portfolio-usage-trend", "health-band-shares", "health-transitions")) {
        assertEquals(d.equals(JUN), drawn.contains(id), d + ": " + id + "; drawn " + drawn);
      }
    }
    // the second run has a previous snapshot: its movers and band shares over two dates are drawn
    String jun = Files.readString(project.getParent().resolve("runs/" + JUN + "/report.html"), StandardCharsets.UTF_8);
    assertTrue(jun.contains("As of " + JUN));
  }

  @Test
  void theBridgeWaterfallStepsAreTheBridgesOwnMovements() throws IOException {
    RunResult.RetentionOutcome rt = runs.get(1).retention();
    String html = Files.readString(project.getParent().resolve("runs/" + JUN + "/report.html"), StandardCharsets.UTF_8);
    JsonNode spec = null;
    for (JsonNode sp : options(html)) {
      if (sp.get("id").asText().equals("revenue-bridge")) {
        spec = sp;
      }
    }
    assertNotNull(spec);
    JsonNode series = spec.findValue("series");
    JsonNode base = series.get(0).get("data");
    JsonNode bars = series.get(1).get("data");
    List<BridgeRow> rows = rt.bridge().rows();
    long start = rows.get(0).starting();
    long end = rows.get(rows.size() - 1).ending();
    assertEquals(start / 100.0, bars.get(0).get("value").asDouble(), 1e-9);
    assertEquals(end / 100.0, bars.get(6).get("value").asDouble(), 1e-9);
    long churn = rows.stream().mapToLong(BridgeRow::churn).sum();
    assertEquals(churn / 100.0, bars.get(5).get("value").asDouble(), 1e-9);
    // the last movement lands on the ending MRR
    assertEquals(end / 100.0, base.get(5).asDouble(), 1e-6);
  }

  @Test
  void theReportOfAStoredRunIsTheRunsOwnReport(@TempDir Path out) throws IOException {
    Path file = out.resolve("sub/report.html");
    LocalDate used = ProjectReports.write(project, LocalDate.of(2026, 6, 15), file);
    assertEquals(MAY, used, "the latest snapshot at or before the date");
    assertEquals(Files.readString(project.getParent().resolve("runs/" + MAY + "/report.html")), Files.readString(file));
    try (var files = Files.list(out.resolve("sub"))) {
      assertEquals(1, files.count(), "no temporary file left");
    }
    assertEquals(JUN, ProjectReports.write(project, null, file));
    dev.cskit.core.CskitException e = assertThrows(dev.cskit.core.CskitException.class,
        () -> ProjectReports.write(project, LocalDate.of(2020, 1, 1), out.resolve("none.html")));
    assertTrue(e.getMessage().contains("2020-01-01"), e.getMessage());
    assertTrue(Files.notExists(out.resolve("none.html")));
  }

  static JsonNode options(String html) throws IOException {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "<script type=\"application/json\" id=\"cskit-options\">(.*?)</script>", java.util.regex.Pattern.DOTALL)
        .matcher(html);
    assertTrue(m.find());
    return new ObjectMapper().readTree(m.group(1).replace("<\\/", "</"));
  }

  @Test
  void booksKeepLastMonthsManagersFromTheHistoryAndStayWithinCapacity() throws IOException {
    RunResult may = runs.get(0);
    RunResult jun = runs.get(1);
    assertNotNull(may.books(), may.warnings().toString());
    assertNotNull(jun.books(), jun.warnings().toString());
    dev.cskit.touchmodel.books.Roster roster = dev.cskit.touchmodel.books.Roster.readCsv(
        project.getParent().resolve("data/roster.csv"));
    for (var m : jun.books().managers()) {
      var spec = roster.manager(m.manager());
      assertTrue(m.hours() <= spec.hours() + 1e-9, m.manager() + " within hours");
      assertTrue(m.accounts() <= spec.maxAccounts(), m.manager() + " within count");
    }
    // the snapshot stores each account's manager, and June's previous manager is May's stored one
    try (var store = ProjectRunner.openStore(Project.read(project))) {
      var stored = store.read(MAY).orElseThrow().index();
      int staying = 0;
      int kept = 0;
      for (var b : jun.books().accounts()) {
        var before = stored.get(b.accountId());
        String mayManager = before == null ? null : before.manager();
        assertEquals(mayManager, b.previousManager(), b.accountId().value());
        if (b.manager() != null && mayManager != null && before.tier().equals(b.tier())) {
          staying++;
          kept += b.manager().equals(mayManager) ? 1 : 0;
        }
      }
      assertTrue(staying > 0, "accounts stay in their tier from May to June");
      assertTrue(kept >= 0.9 * staying, kept + " of " + staying + " kept their manager");
      var junStored = store.read(JUN).orElseThrow().index();
      for (var b : jun.books().accounts()) {
        assertEquals(b.manager(), junStored.get(b.accountId()).manager(), b.accountId().value());
      }
    }
    Path dir = project.getParent().resolve("runs/" + JUN);
    List<String> csv = Files.readAllLines(dir.resolve("books.csv"), StandardCharsets.UTF_8);
    assertEquals(jun.books().managers().size() + 1, csv.size());
    assertTrue(csv.get(0).startsWith("manager,tier,accounts,max_accounts,hours,"));
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("books");
    assertEquals(jun.books().managers().size(), s.get("managers").size());
    assertEquals(jun.books().keptCount(), s.get("kept").asInt());
    assertTrue(Files.readString(dir.resolve("summary.txt")).contains("Books of business"));
  }

  private static List<String> r(RunResult run) {
    return run.snapshot().accounts().stream().map(a -> a.trackedBand()).distinct().toList();
  }

  @Test
  void aMissingSubscriptionsFileIsAConfigErrorNamingItsPath(@TempDir Path dir) throws IOException {
    Path p = SampleHistory.generate(30, 5).writeProject(dir.resolve("p"));
    Files.delete(dir.resolve("p/data/subscriptions.csv"));
    ConfigException e = assertThrows(ConfigException.class, () -> MonthlyRun.of(Project.read(p)));
    assertTrue(e.getMessage().contains("data.subscriptions"), e.getMessage());
  }

  /** Sum of each line item's MRR (amount / months of its period, half-even to the cent) active at the day's end. */
  static long mrrAt(Path subscriptions, LocalDate day) throws IOException {
    List<String> lines = Files.readAllLines(subscriptions, StandardCharsets.UTF_8);
    List<String> h = List.of(lines.get(0).split(","));
    long sum = 0;
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      LocalDate start = LocalDate.parse(f[h.indexOf("start_date")]);
      String e = f[h.indexOf("end_date")];
      if (start.isAfter(day) || (!e.isEmpty() && !LocalDate.parse(e).isAfter(day))) {
        continue;
      }
      int months = switch (f[h.indexOf("billing_period")]) {
        case "month" -> 1;
        case "quarter" -> 3;
        case "year" -> 12;
        default -> throw new AssertionError(l);
      };
      sum += new BigDecimal(f[h.indexOf("amount")]).divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_EVEN)
          .movePointRight(2).longValueExact();
    }
    return sum;
  }
}
