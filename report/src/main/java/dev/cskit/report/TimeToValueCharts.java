package dev.cskit.report;

import static dev.cskit.report.Json.a;
import static dev.cskit.report.Json.o;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.ttv.CheckIn;
import dev.cskit.ttv.CheckInDay;
import dev.cskit.ttv.Payback;
import dev.cskit.ttv.PaybackPoint;
import dev.cskit.ttv.stats.AalenJohansen;
import dev.cskit.ttv.stats.CifRow;
import dev.cskit.ttv.stats.KaplanMeier;
import dev.cskit.ttv.stats.KmRow;
import dev.cskit.ttv.stats.Quantile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The time-to-value section: KM per cohort, cumulative incidence, check-in day, payback. */
final class TimeToValueCharts {
  private TimeToValueCharts() {}

  static Section section(ReportInputs in) {
    List<Figure> f = new ArrayList<>();
    if (in.timeToValue().isEmpty()) {
      f.add(Figure.missing("ttv-km", "Time to first value by cohort",
          "Not drawn: no time-to-value curves were given. Fit them from onboarding milestones (cskit ttv, or"
              + " Durations.kaplanMeier) and pass them per cohort as ReportInputs.timeToValue."));
    } else {
      f.add(kaplanMeier(in.timeToValue()));
    }
    if (in.incidence().isPresent()) {
      f.add(incidence(in.incidence().get()));
    } else {
      f.add(Figure.missing("ttv-cif", "Value and churn before value",
          "Not drawn: no cumulative incidence was given. It needs churn milestones besides first value"
              + " (Durations.cumulativeIncidence); pass it as ReportInputs.incidence."));
    }
    if (in.checkIn().isPresent()) {
      f.add(checkIn(in.checkIn().get()));
    } else {
      f.add(Figure.missing("ttv-checkin", "Check-in day",
          "Not drawn: no check-in day was given. Compute it with CheckIn.recommend and CheckIn.chanceCurve and"
              + " pass both as ReportInputs.checkIn."));
    }
    if (in.payback().isPresent()) {
      f.add(payback(in.payback().get()));
    } else {
      f.add(Figure.missing("ttv-payback", "Payback",
          "Not drawn: no payback curve was given. It needs the onboarding costs and the benefit per day"
              + " (Payback.expected on the time-to-value curve); pass it as ReportInputs.payback."));
    }
    return new Section("timeToValue", "Time to value", f);
  }

  private static double pct(double share) {
    return 100 * share;
  }

  private static Figure kaplanMeier(Map<String, KaplanMeier> cohorts) {
    ArrayNode series = a();
    ArrayNode legend = a();
    StringBuilder r = new StringBuilder();
    double maxDay = 0;
    int k = 0;
    for (Map.Entry<String, KaplanMeier> e : cohorts.entrySet()) {
      String colour = Style.SERIES[k % Style.SERIES.length];
      KaplanMeier km = e.getValue();
      ArrayNode line = a(Json.xy(0, 0));
      ArrayNode lower = a(Json.xy(0, 0));
      ArrayNode upper = a(Json.xy(0, 0));
      for (KmRow row : km.table()) {
        double reached = 1 - row.survival();
        line.add(Json.xy(row.time(), pct(reached)));
        // the interval of S turned into one of 1 - S; undefined limits (no one left at risk) are left out
        if (Double.isFinite(row.upper()) && Double.isFinite(row.lower())) {
          lower.add(Json.xy(row.time(), pct(1 - row.upper())));
          upper.add(Json.xy(row.time(), pct(1 - row.lower())));
        }
        maxDay = Math.max(maxDay, row.time());
      }
      Quantile median = km.median();
      String name = e.getKey() + (Double.isFinite(median.value()) ? ": median " + Style.one(median.value()) + " d" : "");
      legend.add(name);
      ObjectNode main = o().put("name", name).put("type", "line").put("step", "end").put("symbol", "none")
          .put("z", 3).<ObjectNode>set("lineStyle", o().put("width", 2.5))
          .<ObjectNode>set("itemStyle", o().put("color", colour));
      if (Double.isFinite(median.value())) {
        main.set("markPoint", o().put("symbol", "circle").put("symbolSize", 9)
            .<ObjectNode>set("itemStyle", o().put("color", colour).put("borderColor", "#fff").put("borderWidth", 1.5))
            .<ObjectNode>set("label", o().put("show", false))
            .set("data", a(o().set("coord", Json.xy(median.value(), 50)))));
      }
      if (k == 0) {
        main.set("markLine", o().put("symbol", "none").put("silent", true)
            .<ObjectNode>set("lineStyle", o().put("color", Style.GREY).put("type", "dotted"))
            .set("data", a(o().put("yAxis", 50).set("label", o().put("formatter", "half reached value (median)")
                .put("position", "insideEndBottom").put("color", "#666")))));
      }
      main.set("data", line);
      series.add(main);
      for (ArrayNode limit : List.of(lower, upper)) {
        series.add(o().put("name", name).put("type", "line").put("step", "end").put("symbol", "none")
            .put("silent", true).<ObjectNode>set("lineStyle", o().put("width", 1).put("type", "dashed").put("opacity", 0.6))
            .<ObjectNode>set("itemStyle", o().put("color", colour)).<ObjectNode>set("tooltip", o().put("show", false))
            .set("data", limit));
      }
      r.append(r.length() == 0 ? "" : "; ").append(e.getKey()).append(" (").append(km.n()).append(" accounts): ");
      r.append(Double.isFinite(median.value())
          ? "median " + Style.one(median.value()) + " days (95% CI " + Style.one(median.lower()) + " to "
              + (Double.isFinite(median.upper()) ? Style.one(median.upper()) : "not reached") + ")"
          : "median not reached");
      k++;
    }
    ObjectNode opt = Style.base();
    opt.set("legend", o().put("top", 4).set("data", legend));
    opt.set("tooltip", o().put("trigger", "item"));
    int xMax = (int) Math.ceil(Math.min(maxDay, 180));
    opt.set("xAxis", Style.valueAxis("days since contract start").put("min", 0).put("max", xMax));
    opt.set("yAxis", Style.percentAxis("reached first value (Kaplan-Meier)"));
    opt.set("series", series);
    return Figure.chart("ttv-km", "Time to first value by cohort",
        "Dashed: 95% confidence bands; dots: the medians. " + r + ".", opt);
  }

  private static Figure incidence(AalenJohansen aj) {
    // drawn stacked by hand: the churn area (value + churn) first, the value area painted over it, both opaque
    ArrayNode value = a(Json.xy(0, 0));
    ArrayNode both = a(Json.xy(0, 0));
    double last = 0;
    for (CifRow row : aj.table()) {
      double v = row.incidence().get(0);
      double c = row.incidence().size() > 1 ? row.incidence().get(1) : 0;
      value.add(Json.xy(row.time(), pct(v)));
      both.add(Json.xy(row.time(), pct(v + c)));
      last = row.time();
    }
    ObjectNode opt = Style.base();
    opt.set("tooltip", o().put("trigger", "item"));
    opt.set("xAxis", Style.valueAxis("days since contract start").put("min", 0)
        .put("max", (int) Math.ceil(Math.min(last, 180))));
    opt.set("yAxis", Style.percentAxis("share of accounts (stacked)"));
    opt.set("series", a(
        o().put("name", "churned before value").put("type", "line").put("step", "end").put("symbol", "none")
            .<ObjectNode>set("areaStyle", o().put("opacity", 1).put("color", "#e8918f"))
            .<ObjectNode>set("lineStyle", o().put("width", 1.5))
            .<ObjectNode>set("itemStyle", o().put("color", Style.RED)).set("data", both),
        o().put("name", "reached first value").put("type", "line").put("step", "end").put("symbol", "none")
            .<ObjectNode>set("areaStyle", o().put("opacity", 1).put("color", "#8fcfa6"))
            .<ObjectNode>set("lineStyle", o().put("width", 1.5))
            .<ObjectNode>set("itemStyle", o().put("color", Style.GREEN)).set("data", value)));
    double d30 = Math.min(30, last);
    double d90 = Math.min(90, last);
    String reading = String.format(Locale.ROOT,
        "By day %.0f, %s had reached value and %s had churned first; by day %.0f, %s and %s (Aalen-Johansen,"
            + " churn a competing risk). The rest are still onboarding.",
        d30, Style.pct(aj.incidence(1, d30).value()), Style.pct(aj.incidenceValue(2, d30)), d90,
        Style.pct(aj.incidence(1, d90).value()), Style.pct(aj.incidenceValue(2, d90)));
    return Figure.chart("ttv-cif", "Value and churn before value", reading, opt);
  }

  private static Figure checkIn(ReportInputs.CheckInView v) {
    CheckInDay day = v.day();
    ArrayNode data = a();
    double last = 0;
    for (CheckIn.Chance c : v.curve()) {
      if (Double.isFinite(c.chance())) {
        data.add(Json.xy(c.day(), pct(c.chance())));
        last = c.day();
      }
    }
    ArrayNode marks = a(o().put("yAxis", Json.round(pct(day.threshold()), 2))
        .set("label", o().put("formatter", "threshold " + Math.round(100 * day.threshold()) + "%")
            .put("position", "insideEndTop")));
    if (Double.isFinite(day.day())) {
      marks.add(o().put("xAxis", Json.round(day.day(), 2)).<ObjectNode>set("lineStyle", o().put("color", Style.RED)
          .put("width", 2)).set("label", o().put("formatter", "check in: day " + Style.one(day.day()))
              .put("position", "insideMiddleTop").put("color", Style.RED).put("fontWeight", "bold")));
    }
    ObjectNode opt = Style.base();
    opt.set("xAxis", Style.valueAxis("day since contract start (still onboarding)").put("nameGap", 30).put("min", 0)
        .put("max", (int) Math.ceil(Math.min(last, 180))));
    opt.set("yAxis", Style.valueAxis("chance of value within " + days(day.windowDays()) + " days")
        .put("nameGap", 44).put("min", 0).set("axisLabel", o().put("formatter", "{value}%")));
    opt.set("series", a(o().put("name", "chance of value within " + Math.round(day.windowDays()) + " days")
        .put("type", "line").put("step", "end").put("symbol", "none")
        .<ObjectNode>set("itemStyle", o().put("color", Style.BLUE)).<ObjectNode>set("lineStyle", o().put("width", 2.5))
        .<ObjectNode>set("markLine", o().put("symbol", "none").<ObjectNode>set("lineStyle", o().put("color", Style.GREY)
            .put("type", "dashed")).set("data", marks))
        .set("data", data)));
    String reading = Double.isFinite(day.day())
        ? String.format(Locale.ROOT,
            "Call on day %s: from then on an account still onboarding has less than a %s chance (%s on the day) of"
                + " reaching value within %s days on its own; the chance peaks at %s on day %s.",
            Style.one(day.day()), Style.pct(day.threshold()), Style.pct(day.chanceAtDay()), days(day.windowDays()),
            Style.pct(day.peakChance()), Style.one(day.peakDay()))
        : String.format(Locale.ROOT, "The chance never falls below %s after reaching it: no check-in day (peak %s on"
            + " day %s).", Style.pct(day.threshold()), Style.pct(day.peakChance()), Style.one(day.peakDay()));
    return Figure.chart("ttv-checkin", "Check-in day on the conditional chance of value", reading, opt);
  }

  private static String days(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : Style.one(d);
  }

  private static Figure payback(Payback p) {
    ArrayNode net = a();
    ArrayNode disc = a();
    for (PaybackPoint pt : p.curve()) {
      net.add(Json.xy(pt.day(), pt.cumulativeNet()));
      disc.add(Json.xy(pt.day(), pt.discountedCumulativeNet()));
    }
    ObjectNode lineMarks = o().put("symbol", "none")
        .<ObjectNode>set("lineStyle", o().put("color", Style.GREY).put("type", "dashed"));
    ArrayNode marks = a(o().put("yAxis", 0).set("label", o().put("formatter", "break-even").put("position", "insideStartTop")));
    if (Double.isFinite(p.undiscounted().paybackDay())) {
      marks.add(o().put("xAxis", Json.round(p.undiscounted().paybackDay(), 1)).<ObjectNode>set("lineStyle",
          o().put("color", Style.GREEN).put("width", 2)).set("label", o().put("formatter",
              "pays back: day " + Style.one(p.undiscounted().paybackDay())).put("position", "insideMiddleTop").put("color", Style.GREEN).put("fontWeight", "bold")));
    }
    lineMarks.set("data", marks);
    ObjectNode trough = o().put("symbol", "pin").put("symbolSize", 44)
        .<ObjectNode>set("itemStyle", o().put("color", Style.RED))
        .set("data", a(o().<ObjectNode>set("coord", Json.xy(p.undiscounted().troughDay(), p.undiscounted().troughDepth()))
            .put("value", Style.amount(p.undiscounted().troughDepth()))));
    ObjectNode opt = Style.base();
    opt.set("xAxis", Style.valueAxis("days since contract start").put("min", 0).put("max", p.curve().size() - 1));
    opt.set("yAxis", Style.valueAxis("cumulative net value per account").put("nameGap", 56));
    opt.set("series", a(
        o().put("name", "cumulative net").put("type", "line").put("symbol", "none")
            .<ObjectNode>set("lineStyle", o().put("width", 2.5)).<ObjectNode>set("itemStyle", o().put("color", Style.BLUE))
            .<ObjectNode>set("markLine", lineMarks).<ObjectNode>set("markPoint", trough).set("data", net),
        o().put("name", "discounted (" + Style.pct(p.annualDiscountRate()) + " a year)").put("type", "line")
            .put("symbol", "none").<ObjectNode>set("lineStyle", o().put("type", "dashed").put("width", 1.5))
            .<ObjectNode>set("itemStyle", o().put("color", Style.PURPLE)).set("data", disc)));
    String reading = String.format(Locale.ROOT,
        "The negative phase bottoms out on day %d at %s per account and pays back on day %s (discounted: %s).",
        p.undiscounted().troughDay(), Style.amount(p.undiscounted().troughDepth()),
        Double.isFinite(p.undiscounted().paybackDay()) ? Style.one(p.undiscounted().paybackDay()) : "never within the horizon",
        Double.isFinite(p.discounted().paybackDay()) ? "day " + Style.one(p.discounted().paybackDay()) : "not within the horizon");
    return Figure.chart("ttv-payback", "Payback: the J-curve of an adoption", reading, opt);
  }
}
