package dev.cskit.report;

import static dev.cskit.report.Json.a;
import static dev.cskit.report.Json.o;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.core.CskitException;
import dev.cskit.survey.Nps;
import dev.cskit.survey.PlanResult;
import dev.cskit.survey.ResponseModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The survey section: chance of reaching the target, the escalation plan, NPS over waves. */
final class SurveyCharts {
  /** Points on the invitations axis. */
  static final int STEPS = 60;
  /** The level of the NPS intervals. */
  static final double LEVEL = 0.95;

  private SurveyCharts() {}

  static Section section(ReportInputs in) {
    List<Figure> f = new ArrayList<>();
    if (in.surveyOutlook().isPresent()) {
      f.add(outlook(in.surveyOutlook().get()));
    } else {
      f.add(Figure.missing("survey-outlook", "Chance of reaching the target",
          "Not drawn: no response model was given. Fit one from a past wave (ResponseModel.betaBinomial on the"
              + " updated rate) and pass it with the target as ReportInputs.surveyOutlook."));
    }
    if (in.surveyPlan().isPresent()) {
      f.add(plan(in.surveyPlan().get()));
    } else {
      f.add(Figure.missing("survey-plan", "Escalation plan",
          "Not drawn: no escalation plan was given. Plan one (cskit survey plan, or EscalationPlan.cheapest) and"
              + " pass the PlanResult as ReportInputs.surveyPlan."));
    }
    if (in.npsWaves().isEmpty()) {
      f.add(Figure.missing("survey-nps", "NPS over waves",
          "Not drawn: no NPS answers were given. Pass each wave's Nps as ReportInputs.npsWaves."));
    } else {
      f.add(nps(in.npsWaves()));
    }
    return new Section("survey", "Survey", f);
  }

  private static Figure outlook(ReportInputs.SurveyOutlook s) {
    ResponseModel m = s.model();
    long max = Math.max(s.targetResponses(), s.maxInvitations());
    long step = Math.max(1, max / STEPS);
    ArrayNode data = a();
    for (long n = 0; n <= max; n += step) {
      data.add(Json.xy(n, 100 * m.probabilityAtLeast(n, s.targetResponses())));
    }
    ResponseModel.Invitations needed = null;
    try {
      needed = m.invitationsFor(s.targetResponses(), s.probability(), max);
    } catch (CskitException e) {
      // not reachable with the contacts available: said in the reading
    }
    ArrayNode marks = a(o().put("yAxis", Json.round(100 * s.probability(), 2)).set("label",
        o().put("formatter", "wanted: " + Math.round(100 * s.probability()) + "%").put("position", "insideStartTop")));
    if (needed != null) {
      marks.add(o().put("xAxis", needed.invitations()).<ObjectNode>set("lineStyle", o().put("color", Style.GREEN)
          .put("width", 2)).set("label", o().put("formatter", "invite " + needed.invitations()).put("position", "insideMiddleTop").put("color", Style.GREEN)
              .put("fontWeight", "bold")));
    }
    ObjectNode opt = Style.base();
    opt.set("xAxis", Style.valueAxis("contacts invited").put("min", 0));
    opt.set("yAxis", Style.percentAxis("chance of at least " + s.targetResponses() + " answers").put("nameGap", 44));
    opt.set("series", a(o().put("name", m.isUncertain() ? "beta-binomial (rate uncertain)" : "binomial")
        .put("type", "line").put("symbol", "none").<ObjectNode>set("lineStyle", o().put("width", 2.5))
        .<ObjectNode>set("itemStyle", o().put("color", Style.BLUE))
        .<ObjectNode>set("markLine", o().put("symbol", "none").<ObjectNode>set("lineStyle",
            o().put("color", Style.GREY).put("type", "dashed")).set("data", marks))
        .set("data", data)));
    String reading = needed == null
        ? String.format(Locale.ROOT, "Even all %d contacts give less than a %s chance of %d answers at a mean rate of %s.",
            max, Style.pct(s.probability()), s.targetResponses(), Style.pct(m.meanRate()))
        : String.format(Locale.ROOT, "Invite %d contacts for a %s chance of at least %d answers (mean response rate %s;"
            + " %s answers expected).", needed.invitations(), Style.pct(needed.probability()), s.targetResponses(),
            Style.pct(m.meanRate()), Style.one(needed.expectedResponses()));
    return Figure.chart("survey-outlook", "Chance of reaching the target vs invitations", reading, opt);
  }

  private static Figure plan(PlanResult p) {
    ArrayNode cats = a();
    ArrayNode base = a();
    ArrayNode add = a();
    ArrayNode rate = a();
    double cum = 0;
    for (PlanResult.WaveOutcome w : p.waves()) {
      cats.add(w.name());
      base.add(Json.round(cum, 1));
      add.add(Json.round(w.responses(), 1));
      cum += w.responses();
      rate.add(Json.round(100 * w.cumulativeRate(), 1));
    }
    ObjectNode opt = Style.base();
    opt.set("tooltip", o().put("trigger", "axis").set("axisPointer", o().put("type", "shadow")));
    opt.set("legend", o().put("top", 4).set("data", a("responses this wave", "cumulative response rate")));
    ObjectNode xAxis = Style.x(Style.categoryAxis("wave", cats), 36);
    xAxis.set("axisLabel", o().put("interval", 0).put("fontSize", 11));
    opt.set("xAxis", xAxis);
    ObjectNode right = Style.valueAxis("cumulative response rate").put("nameGap", 44).put("min", 0)
        .put("max", 100);
    right.set("axisLabel", o().put("formatter", "{value}%"));
    right.set("splitLine", o().put("show", false));
    opt.set("yAxis", a(Style.valueAxis("expected answers (cumulative)").put("nameGap", 48).put("min", 0), right));
    ObjectNode invisible = o().put("color", "transparent");
    ObjectNode target = o().put("symbol", "none").<ObjectNode>set("lineStyle", o().put("color", Style.RED)
        .put("type", "dashed")).set("data", a(o().put("yAxis", p.targetResponses()).set("label",
            o().put("formatter", "target " + p.targetResponses()).put("position", "insideStartTop").put("color", Style.RED))));
    opt.set("series", a(
        o().put("name", "before").put("type", "bar").put("stack", "w").put("silent", true)
            .<ObjectNode>set("itemStyle", invisible).<ObjectNode>set("emphasis", o().set("itemStyle", invisible))
            .<ObjectNode>set("tooltip", o().put("show", false)).set("data", base),
        o().put("name", "responses this wave").put("type", "bar").put("stack", "w").put("barWidth", "55%")
            .<ObjectNode>set("itemStyle", o().put("color", Style.TEAL))
            .<ObjectNode>set("label", o().put("show", true).put("position", "top").put("formatter", "+{c}"))
            .<ObjectNode>set("markLine", target).set("data", add),
        o().put("name", "cumulative response rate").put("type", "line").put("yAxisIndex", 1)
            .<ObjectNode>set("itemStyle", o().put("color", Style.ORANGE)).set("data", rate)));
    return Figure.chart("survey-plan", "Escalation plan: cumulative answers per wave", p.statement(), opt);
  }

  private static Figure nps(List<ReportInputs.NpsWave> waves) {
    ArrayNode cats = a();
    ArrayNode point = a();
    ArrayNode whiskers = a();
    Nps.Interval last = null;
    for (ReportInputs.NpsWave w : waves) {
      Nps.Interval i = w.nps().interval(LEVEL);
      cats.add(w.label() + " (" + w.nps().total() + " answers)");
      point.add(Json.round(i.nps(), 1));
      whiskers.add(a(Json.round(i.lower(), 1), Json.round(i.nps(), 1), Json.round(i.nps(), 1), Json.round(i.nps(), 1),
          Json.round(i.upper(), 1)));
      last = i;
    }
    ObjectNode opt = Style.base();
    opt.set("tooltip", o().put("trigger", "item"));
    opt.set("xAxis", Style.x(Style.categoryAxis("wave", cats), 30));
    opt.set("yAxis", Style.valueAxis("NPS (-100 to 100)").put("nameGap", 40).put("min", -100).put("max", 100));
    opt.set("series", a(
        o().put("name", "NPS").put("type", "line").put("symbolSize", 12)
            .<ObjectNode>set("itemStyle", o().put("color", Style.BLUE))
            .<ObjectNode>set("label", o().put("show", true).put("position", "right").put("fontWeight", "bold"))
            .set("data", point),
        o().put("name", Math.round(100 * LEVEL) + "% interval (" + last.method().name().toLowerCase(Locale.ROOT)
                .replace('_', '-') + ")").put("type", "boxplot").<ObjectNode>set("boxWidth", a(1, 1))
            .<ObjectNode>set("itemStyle", o().put("color", Style.BLUE).put("borderColor", Style.BLUE).put("borderWidth", 1.5))
            .set("data", whiskers)));
    String reading = String.format(Locale.ROOT, "Latest NPS %s (95%% CI %s to %s)%s", Style.one(last.nps()),
        Style.one(last.lower()), Style.one(last.upper()),
        waves.size() < 2 ? "; one wave so far: a trend needs a second wave." : " over " + waves.size() + " waves.");
    return Figure.chart("survey-nps", "NPS over waves", reading, opt);
  }
}
