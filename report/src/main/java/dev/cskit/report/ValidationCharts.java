package dev.cskit.report;

import static dev.cskit.report.Json.a;
import static dev.cskit.report.Json.o;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.scoring.validation.Calibration;
import dev.cskit.scoring.validation.DecileLift;
import dev.cskit.scoring.validation.RocPoint;
import dev.cskit.scoring.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The validation section: ROC, churn per band, reliability, lift by decile. */
final class ValidationCharts {
  /** The level of the churn-rate intervals. */
  static final double LEVEL = 0.95;

  private ValidationCharts() {}

  static Section section(ReportInputs in) {
    List<Figure> f = new ArrayList<>();
    if (in.validation().isEmpty()) {
      String why = "Not drawn: no validation was given. It needs churn outcomes (who churned or renewed after"
          + " each scored snapshot): run cskit score validate, or ScoreValidation.validate on a Backtest, and pass"
          + " the ValidationReport as ReportInputs.validation.";
      f.add(Figure.missing("validation-roc", "ROC curve", why));
      f.add(Figure.missing("validation-bands", "Churn rate per band", why));
      f.add(Figure.missing("validation-reliability", "Reliability", why));
      f.add(Figure.missing("validation-lift", "Lift by decile", why));
    } else {
      ValidationReport r = in.validation().get();
      f.add(roc(r));
      f.add(bands(r));
      f.add(reliability(r));
      f.add(lift(r));
    }
    return new Section("validation", "Validation: does the score predict churn?", f);
  }

  private static Figure roc(ValidationReport r) {
    ArrayNode pts = a();
    for (RocPoint p : r.roc()) {
      pts.add(Json.xy(100 * p.falsePositiveRate(), 100 * p.truePositiveRate()));
    }
    ObjectNode opt = Style.base();
    opt.set("tooltip", o().put("trigger", "item"));
    opt.set("xAxis", Style.percentAxis("retained accounts flagged (false-positive rate)").put("nameGap", 30));
    opt.set("yAxis", Style.percentAxis("churned accounts flagged (true-positive rate)").put("nameGap", 44));
    String auc = String.format(Locale.ROOT, "AUC %s (%d%% CI %s to %s)", Style.two(r.auc().auc()),
        Math.round(100 * r.auc().level()), Style.two(r.auc().lower()), Style.two(r.auc().upper()));
    opt.set("series", a(
        o().put("name", "health score: " + auc).put("type", "line").put("symbol", "none")
            .<ObjectNode>set("lineStyle", o().put("width", 2.5)).<ObjectNode>set("itemStyle", o().put("color", Style.BLUE))
            .<ObjectNode>set("areaStyle", o().put("opacity", 0.08)).set("data", pts),
        o().put("name", "chance").put("type", "line").put("symbol", "none")
            .<ObjectNode>set("lineStyle", o().put("type", "dashed").put("width", 1))
            .<ObjectNode>set("itemStyle", o().put("color", Style.GREY)).set("data", a(Json.xy(0, 0), Json.xy(100, 100)))));
    String reading = String.format(Locale.ROOT,
        "%s on %d snapshots (%d churned within %d days): a churned account scored lower than a retained one %s"
            + " of the time (0.5 is chance).",
        auc, r.evaluated(), r.churned(), r.horizonDays(), Style.pct(r.auc().auc()));
    return Figure.chart("validation-roc", "ROC curve", reading, opt);
  }

  private static Figure bands(ValidationReport r) {
    ArrayNode cats = a();
    ArrayNode bars = a();
    ArrayNode whiskers = a();
    ValidationReport.BandRow worst = null;
    ValidationReport.BandRow best = null;
    for (ValidationReport.BandRow b : r.bands()) {
      cats.add(Style.bandLabel(b.band()) + " (" + b.accounts() + ")");
      ObjectNode bar = o();
      Json.putNumber(bar, "value", 100 * b.churnRate(), 1);
      bars.add(bar.set("itemStyle", o().put("color", Style.bandColour(b.band()))));
      double[] ci = b.churnRateInterval(LEVEL);
      double v = 100 * b.churnRate();
      whiskers.add(a(Json.round(100 * ci[0], 2), Json.round(v, 2), Json.round(v, 2), Json.round(v, 2),
          Json.round(100 * ci[1], 2)));
      if (b.accounts() > 0 && !b.band().equals("INSUFFICIENT_DATA")) {
        if (worst == null) {
          worst = b;
        }
        best = b;
      }
    }
    ObjectNode opt = Style.base();
    opt.remove("legend");
    opt.set("tooltip", o().put("trigger", "item"));
    opt.set("xAxis", Style.x(Style.categoryAxis("band (snapshots)", cats), 30));
    opt.set("yAxis", Style.valueAxis("churned within " + r.horizonDays() + " days").put("nameGap", 44)
        .put("min", 0).set("axisLabel", o().put("formatter", "{value}%")));
    opt.set("series", a(
        o().put("name", "churn rate").put("type", "bar").put("barWidth", "45%")
            .<ObjectNode>set("label", o().put("show", true).put("position", "insideBottom").put("formatter", "{c}%")
                .put("color", "#222"))
            .set("data", bars),
        o().put("name", Math.round(100 * LEVEL) + "% interval (Wilson)").put("type", "boxplot").<ObjectNode>set("boxWidth", a(1, 1))
            .<ObjectNode>set("itemStyle", o().put("color", "#222").put("borderColor", "#222").put("borderWidth", 1.5))
            .set("data", whiskers)));
    String reading = worst == null ? "No band has cases."
        : String.format(Locale.ROOT, "%s accounts churned at %s, %s at %s (base rate %s); churn %s from red to green.",
            Style.bandLabel(worst.band()), Style.pct(worst.churnRate()), Style.bandLabel(best.band()),
            Style.pct(best.churnRate()), Style.pct(r.baseRate()), r.monotone() ? "falls steadily" : "does not fall steadily");
    return Figure.chart("validation-bands", "Churn rate per band", reading, opt);
  }

  private static Figure reliability(ValidationReport r) {
    Calibration c = r.calibration();
    ArrayNode iso = a();
    ArrayNode platt = a();
    for (Calibration.ReliabilityRow row : c.reliability()) {
      if (row.accounts() == 0) {
        continue;
      }
      iso.add(o().<ObjectNode>set("value", Json.xy(100 * row.isotonic(), 100 * row.observedRate()))
          .put("accounts", row.accounts()));
      platt.add(Json.xy(100 * row.platt(), 100 * row.observedRate()));
    }
    ObjectNode opt = Style.base();
    opt.set("tooltip", o().put("trigger", "item"));
    double top = 0;
    for (Calibration.ReliabilityRow row : c.reliability()) {
      if (row.accounts() > 0) {
        top = Math.max(top, Math.max(row.observedRate(), Math.max(row.isotonic(), row.platt())));
      }
    }
    int max = (int) Math.min(100, Math.ceil(top * 10 + 0.5) * 10);
    opt.set("xAxis", Style.valueAxis("predicted churn probability (per score bin)").put("nameGap", 30).put("min", 0)
        .put("max", max).set("axisLabel", o().put("formatter", "{value}%")));
    opt.set("yAxis", Style.valueAxis("observed churn rate").put("nameGap", 44).put("min", 0).put("max", max)
        .set("axisLabel", o().put("formatter", "{value}%")));
    opt.set("series", a(
        o().put("name", "isotonic").put("type", "line").put("symbolSize", 8)
            .<ObjectNode>set("itemStyle", o().put("color", Style.BLUE)).set("data", iso),
        o().put("name", "Platt (logistic)").put("type", "line").put("symbolSize", 8).put("symbol", "triangle")
            .<ObjectNode>set("itemStyle", o().put("color", Style.ORANGE)).set("data", platt),
        o().put("name", "perfect calibration").put("type", "line").put("symbol", "none")
            .<ObjectNode>set("lineStyle", o().put("type", "dashed").put("width", 1))
            .<ObjectNode>set("itemStyle", o().put("color", Style.GREY)).set("data", a(Json.xy(0, 0), Json.xy(max, max)))));
    String reading = String.format(Locale.ROOT,
        "Each point is a 10-point score bin: closer to the diagonal is better. Brier score: isotonic %s, Platt %s,"
            + " base rate alone %s; %s.",
        three(c.brierIsotonic()), three(c.brierPlatt()), three(c.brierBaseRate()),
        c.read(35));
    return Figure.chart("validation-reliability", "Reliability: predicted vs observed churn", reading, opt);
  }

  private static String three(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static Figure lift(ValidationReport r) {
    ArrayNode cats = a();
    ArrayNode data = a();
    for (DecileLift d : r.liftByDecile()) {
      cats.add(String.valueOf(d.decile()));
      data.add(o().put("value", Json.round(d.lift(), 2)).set("itemStyle",
          o().put("color", d.lift() >= 1 ? Style.RED : Style.BLUE)));
    }
    ObjectNode opt = Style.base();
    opt.remove("legend");
    opt.set("xAxis", Style.x(Style.categoryAxis("decile of accounts by score (1 = lowest scores)", cats), 30));
    double maxLift = r.liftByDecile().stream().mapToDouble(DecileLift::lift).filter(Double::isFinite).max().orElse(1);
    opt.set("yAxis", Style.valueAxis("lift (churn rate / base rate)").put("min", 0)
        .put("max", Math.ceil(maxLift * 1.2 * 2) / 2));
    opt.set("series", a(o().put("name", "lift").put("type", "bar").put("barWidth", "60%")
        .<ObjectNode>set("label", o().put("show", true).put("position", "top").put("formatter", "{c}x"))
        .<ObjectNode>set("markLine", o().put("symbol", "none").<ObjectNode>set("label", o().put("formatter", "base rate").put("position", "insideEndTop"))
            .<ObjectNode>set("lineStyle", o().put("color", Style.GREY).put("type", "dashed"))
            .set("data", a(o().put("yAxis", 1))))
        .set("data", data)));
    String reading = String.format(Locale.ROOT,
        "The lowest-scored tenth churned at %sx the base rate (%s); the highest-scored tenth at %sx.",
        Style.two(r.topDecileLift()), Style.pct(r.baseRate()),
        Style.two(r.liftByDecile().get(r.liftByDecile().size() - 1).lift()));
    return Figure.chart("validation-lift", "Lift by decile", reading, opt);
  }
}
