package dev.cskit.report;

import static dev.cskit.report.Json.a;
import static dev.cskit.report.Json.o;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.touchmodel.Segmentation;
import dev.cskit.touchmodel.TierAssignment;
import dev.cskit.touchmodel.TierSummary;
import dev.cskit.touchmodel.UsageGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The touch-model section: hours per tier, accounts per tier by band, usage groups. */
final class TouchCharts {
  private TouchCharts() {}

  static Section section(ReportInputs in) {
    List<Figure> f = new ArrayList<>();
    if (in.segmentation().isPresent()) {
      f.add(hours(in.segmentation().get()));
      f.add(tiersByBand(in.segmentation().get()));
    } else {
      String why = "Not drawn: no segmentation was given. Run a touch model (cskit segment, or TouchModel.segment)"
          + " and pass the Segmentation as ReportInputs.segmentation.";
      f.add(Figure.missing("touch-hours", "Hours needed vs available per tier", why));
      f.add(Figure.missing("touch-bands", "Accounts per tier by band", why));
    }
    if (in.usageGroups().isPresent()) {
      f.add(groups(in.usageGroups().get()));
    } else {
      f.add(Figure.missing("touch-usage-groups", "Usage groups",
          "Not drawn: no usage groups were given. Group the accounts (UsageGroups.of on the usage metrics) and"
              + " pass them as ReportInputs.usageGroups."));
    }
    return new Section("touchModel", "Touch model", f);
  }

  private static Figure hours(Segmentation s) {
    ArrayNode cats = a();
    ArrayNode needed = a();
    ArrayNode available = a();
    StringBuilder r = new StringBuilder();
    for (TierSummary t : s.tiers()) {
      cats.add(t.tier() + " (" + t.accounts() + ")");
      needed.add(Json.round(t.hoursNeeded(), 1));
      if (Double.isInfinite(t.hoursAvailable())) {
        available.add("-");
        r.append(r.length() == 0 ? "" : "; ").append(t.tier()).append(": ").append(Style.one(t.hoursNeeded()))
            .append(" h needed, no limit");
      } else {
        available.add(Json.round(t.hoursAvailable(), 1));
        r.append(r.length() == 0 ? "" : "; ").append(t.tier()).append(": ").append(Style.one(t.hoursNeeded()))
            .append(" of ").append(Style.one(t.hoursAvailable())).append(" h (")
            .append(String.format(Locale.ROOT, "%.0f%%", 100 * t.utilisation())).append(')');
      }
    }
    ObjectNode opt = Style.base();
    opt.set("xAxis", Style.x(Style.categoryAxis("tier (accounts)", cats), 30));
    opt.set("yAxis", Style.valueAxis("hours per month").put("nameGap", 48));
    opt.set("series", a(
        o().put("name", "hours needed").put("type", "bar").<ObjectNode>set("itemStyle", o().put("color", Style.ORANGE))
            .<ObjectNode>set("label", o().put("show", true).put("position", "top")).set("data", needed),
        o().put("name", "hours available").put("type", "bar").<ObjectNode>set("itemStyle", o().put("color", Style.TEAL))
            .<ObjectNode>set("label", o().put("show", true).put("position", "top")).set("data", available)));
    return Figure.chart("touch-hours", "Hours needed vs available per tier", "Per month: " + r + ".", opt);
  }

  private static Figure tiersByBand(Segmentation s) {
    List<String> tiers = new ArrayList<>();
    s.tiers().forEach(t -> tiers.add(t.tier()));
    Set<String> bands = new LinkedHashSet<>();
    Map<String, Integer> cells = new HashMap<>();
    for (TierAssignment a : s.assignments()) {
      String band = a.band() == null ? "INSUFFICIENT_DATA" : a.band();
      bands.add(band);
      cells.merge(a.tier() + "\u0000" + band, 1, Integer::sum);
      if (!tiers.contains(a.tier())) {
        tiers.add(a.tier());
      }
    }
    ArrayNode cats = a();
    tiers.forEach(cats::add);
    ArrayNode series = a();
    for (String band : HealthCharts.bandOrder(bands)) {
      ArrayNode data = a();
      for (String t : tiers) {
        data.add(cells.getOrDefault(t + "\u0000" + band, 0));
      }
      series.add(o().put("name", Style.bandLabel(band)).put("type", "bar").put("stack", "bands").put("barWidth", "50%")
          .<ObjectNode>set("itemStyle", o().put("color", Style.bandColour(band))).set("data", data));
    }
    int red = 0;
    for (String t : tiers) {
      red += cells.getOrDefault(t + "\u0000red", 0);
    }
    StringBuilder r = new StringBuilder();
    for (String t : tiers) {
      int n = cells.getOrDefault(t + "\u0000red", 0);
      r.append(r.length() == 0 ? "" : ", ").append(n).append(" in ").append(t);
    }
    ObjectNode opt = Style.base();
    opt.set("xAxis", Style.x(Style.categoryAxis("tier", cats), 30));
    opt.set("yAxis", Style.valueAxis("accounts").put("nameGap", 44));
    opt.set("series", series);
    return Figure.chart("touch-bands", "Accounts per tier by band",
        red + " red accounts: " + r + ".", opt);
  }

  private static Figure groups(UsageGroups g) {
    ArrayNode cats = a();
    ArrayNode data = a();
    int total = 0;
    String biggest = null;
    int biggestN = -1;
    for (Map.Entry<String, Integer> e : g.counts().entrySet()) {
      cats.add(e.getKey() + " " + UsageGroups.code(e.getKey()));
      data.add(e.getValue());
      total += e.getValue();
      if (e.getValue() > biggestN) {
        biggestN = e.getValue();
        biggest = e.getKey();
      }
    }
    ObjectNode opt = Style.base();
    opt.remove("legend");
    opt.set("grid", o().put("left", 16).put("right", 40).put("top", 16).put("bottom", 16).put("containLabel", true));
    ObjectNode y = Style.categoryAxis("", cats).put("inverse", true);
    opt.set("yAxis", y);
    opt.set("xAxis", Style.valueAxis("accounts").put("nameGap", 28));
    opt.set("series", a(o().put("name", "accounts").put("type", "bar").put("barWidth", "60%")
        .<ObjectNode>set("itemStyle", o().put("color", Style.PURPLE))
        .<ObjectNode>set("label", o().put("show", true).put("position", "right")).set("data", data)));
    int notStarted = g.counts().getOrDefault("not-started", 0);
    String reading = String.format(Locale.ROOT,
        "Groups by utilization, engagement and penetration (U/E/P, + above the median): the largest is %s (%d of"
            + " %d); %d accounts have not started (phone them).", biggest, biggestN, total, notStarted);
    return Figure.chart("touch-usage-groups", "Usage groups", reading, opt);
  }
}
