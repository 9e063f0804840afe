package dev.cskit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cskit.core.CskitException;
import dev.cskit.core.HealthBand;
import dev.cskit.sample.Milestone;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.scoring.ScoringOptions;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.ScorecardSet;
import dev.cskit.scoring.validation.Backtest;
import dev.cskit.scoring.validation.ChurnOutcomes;
import dev.cskit.scoring.validation.DecileLift;
import dev.cskit.scoring.validation.RocPoint;
import dev.cskit.scoring.validation.ScoreSnapshots;
import dev.cskit.scoring.validation.ScoreValidation;
import dev.cskit.scoring.validation.ValidationReport;
import dev.cskit.survey.Nps;
import dev.cskit.ttv.Durations;
import dev.cskit.ttv.MilestoneEvent;
import dev.cskit.ttv.TtvSpec;
import dev.cskit.ttv.stats.ConfType;
import dev.cskit.ttv.stats.KaplanMeier;
import dev.cskit.ttv.stats.KmRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report's charts carry the library's numbers unchanged (no second computation), band colours follow
 * the bands' names, missing inputs are said in words, and the page is self-contained.
 */
class ReportTest {
  static SamplePortfolio p;
  static ScoreTable scores;
  static ValidationReport validation;
  static KaplanMeier km;
  static ReportInputs inputs;
  static Map<String, Figure> figures;

  @BeforeAll
  static void build() {
    p = SamplePortfolio.generate(400, 7);
    scores = ScorecardSet.builtIn("by-stage").compile().score(p.metrics(), ScoringOptions.builder().accounts(p.accounts()).build());
    ChurnOutcomes outcomes = ChurnOutcomes.of(p.outcomes().stream()
        .map(o -> new ChurnOutcomes.Outcome(o.accountId(), o.churnDate(), o.renewalDate())).toList(), "sample");
    validation = ScoreValidation.validate(Backtest.run(ScoreSnapshots.of(scores, p.asOf()), outcomes, 365));
    List<MilestoneEvent> events = new ArrayList<>();
    p.milestones().forEach(m -> events.add(new MilestoneEvent(m.accountId(), m.type(), m.timestamp())));
    km = Durations.fromEvents(events,
        TtvSpec.of(Milestone.CONTRACT_SIGNED, Milestone.FIRST_VALUE, Milestone.CHURNED, p.asOf()))
        .kaplanMeier(ConfType.LOG_LOG, 0.95);
    Map<String, KaplanMeier> cohorts = new LinkedHashMap<>();
    cohorts.put("all", km);
    inputs = ReportInputs.builder()
        .asOf(p.asOf())
        .accounts(p.accounts())
        .scores(scores)
        .validation(validation)
        .timeToValue(cohorts)
        .npsWaves(List.of(new ReportInputs.NpsWave("2026-05", Nps.ofCounts(50, 30, 20))))
        .build();
    figures = new HashMap<>();
    for (Section s : Report.sections(inputs)) {
      s.figures().forEach(f -> figures.put(f.id(), f));
    }
  }

  @Test
  void histogramCountsEveryScoredAccountInItsBandsColour() {
    JsonNode opt = figures.get("health-histogram").option();
    Map<HealthBand, Integer> counts = scores.bandCounts();
    for (JsonNode series : opt.get("series")) {
      String band = series.get("name").asText();
      int sum = 0;
      for (JsonNode v : series.get("data")) {
        sum += v.asInt();
      }
      assertEquals(counts.get(HealthBand.of(band)).intValue(), sum, band);
      String colour = series.get("itemStyle").get("color").asText();
      assertEquals(Map.of("red", Style.RED, "yellow", Style.YELLOW, "green", Style.GREEN).get(band), colour, band);
    }
  }

  @Test
  void validationChartsCarryTheReportsNumbers() {
    JsonNode roc = figures.get("validation-roc").option().get("series").get(0).get("data");
    List<RocPoint> points = validation.roc();
    assertEquals(points.size(), roc.size());
    for (int i = 0; i < points.size(); i++) {
      assertEquals(100 * points.get(i).falsePositiveRate(), roc.get(i).get(0).asDouble(), 1e-4);
      assertEquals(100 * points.get(i).truePositiveRate(), roc.get(i).get(1).asDouble(), 1e-4);
    }
    JsonNode lift = figures.get("validation-lift").option().get("series").get(0).get("data");
    List<DecileLift> deciles = validation.liftByDecile();
    for (int d = 0; d < 10; d++) {
      assertEquals(deciles.get(d).lift(), lift.get(d).get("value").asDouble(), 0.005);
    }
    JsonNode bars = figures.get("validation-bands").option().get("series").get(0).get("data");
    JsonNode whiskers = figures.get("validation-bands").option().get("series").get(1).get("data");
    for (int b = 0; b < validation.bands().size(); b++) {
      ValidationReport.BandRow row = validation.bands().get(b);
      assertEquals(100 * row.churnRate(), bars.get(b).get("value").asDouble(), 0.0501);
      assertEquals(Style.bandColour(row.band()), bars.get(b).get("itemStyle").get("color").asText());
      double[] ci = row.churnRateInterval(0.95);
      assertEquals(100 * ci[0], whiskers.get(b).get(0).asDouble(), 0.005);
      assertEquals(100 * ci[1], whiskers.get(b).get(4).asDouble(), 0.005);
    }
    assertTrue(figures.get("validation-roc").reading().contains(Style.two(validation.auc().auc())));
  }

  @Test
  void kaplanMeierCurveIsOneMinusTheSurvivalTable() {
    JsonNode line = figures.get("ttv-km").option().get("series").get(0).get("data");
    List<KmRow> table = km.table();
    assertEquals(table.size() + 1, line.size());
    for (int i = 0; i < table.size(); i++) {
      assertEquals(100 * (1 - table.get(i).survival()), line.get(i + 1).get(1).asDouble(), 1e-4);
    }
    assertTrue(figures.get("ttv-km").reading().contains("median " + Style.one(km.median().value())));
  }

  @Test
  void missingInputsAreSaidInWordsNamingWhatToPass() {
    for (String id : List.of("health-movers", "health-transitions", "health-band-shares", "portfolio-usage-trend",
        "touch-hours", "touch-usage-groups", "ttv-cif", "ttv-checkin", "ttv-payback", "survey-outlook",
        "survey-plan")) {
      Figure f = figures.get(id);
      assertNotNull(f, id);
      assertFalse(f.drawn(), id);
      assertTrue(f.reading().startsWith("Not drawn"), id + ": " + f.reading());
      assertTrue(f.reading().contains("ReportInputs."), id + ": " + f.reading());
    }
    // nothing at all: every figure says what it needs
    for (Section s : Report.sections(ReportInputs.builder().build())) {
      for (Figure f : s.figures()) {
        assertFalse(f.drawn(), f.id());
        assertTrue(f.reading().contains("ReportInputs."), f.id());
      }
    }
  }

  @Test
  void pageIsSelfContainedWithEveryDrawnOption() throws Exception {
    String html = Report.html(inputs);
    assertTrue(html.contains(Report.echarts().substring(0, 200)), "ECharts inlined");
    assertFalse(Pattern.compile("<script[^>]+src=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no external script");
    assertFalse(Pattern.compile("<link[^>]+href=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no external style");
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"cskit-options\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertTrue(m.find());
    JsonNode specs = new ObjectMapper().readTree(m.group(1).replace("<\\/", "</"));
    long drawn = figures.values().stream().filter(Figure::drawn).count();
    assertEquals(drawn, specs.size());
    for (JsonNode spec : specs) {
      assertTrue(html.contains("id=\"" + spec.get("id").asText() + "\""), spec.get("id").asText());
    }
    // every figure's reading is on the page
    figures.values().forEach(f -> assertTrue(html.contains(Report.escape(f.reading())), f.id()));
  }

  @Test
  void sectionFragmentsHaveTheirOwnIds() {
    String a = Report.sectionHtml(inputs, "health");
    String b = Report.sectionHtml(inputs, "health");
    Matcher ma = Pattern.compile("id=\"(cskit\\d+-)health-histogram\"").matcher(a);
    Matcher mb = Pattern.compile("id=\"(cskit\\d+-)health-histogram\"").matcher(b);
    assertTrue(ma.find() && mb.find());
    assertFalse(ma.group(1).equals(mb.group(1)));
    assertThrows(CskitException.class, () -> Report.sectionHtml(inputs, "nope"));
  }
}
