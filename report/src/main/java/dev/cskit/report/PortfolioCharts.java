package dev.cskit.report;

import static dev.cskit.report.Json.a;
import static dev.cskit.report.Json.o;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.core.Account;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.MetricTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The portfolio section: accounts and ARR by segment and by stage; usage over the snapshots. */
final class PortfolioCharts {
  private PortfolioCharts() {}

  static Section section(ReportInputs in) {
    List<Figure> f = new ArrayList<>();
    if (in.accounts().isPresent() && !in.accounts().get().isEmpty()) {
      List<Account> accounts = in.accounts().get();
      f.add(byGroup("portfolio-segment", "Accounts and ARR by segment", "segment", accounts,
          a -> a.attribute("segment") == null ? "(none)" : a.attribute("segment"), null));
      List<String> stageOrder = new ArrayList<>();
      for (LifecycleStage s : LifecycleStage.values()) {
        stageOrder.add(s.id());
      }
      f.add(byGroup("portfolio-stage", "Accounts and ARR by lifecycle stage", "lifecycle stage", accounts,
          a -> a.stage().id(), stageOrder));
    } else {
      String why = "No accounts were given. Pass them as ReportInputs.accounts (for example from an accounts CSV).";
      f.add(Figure.missing("portfolio-segment", "Accounts and ARR by segment", why));
      f.add(Figure.missing("portfolio-stage", "Accounts and ARR by lifecycle stage", why));
    }
    f.add(usageTrend(in));
    return new Section("portfolio", "Portfolio", f);
  }

  private static Figure byGroup(String id, String title, String axisName, List<Account> accounts,
      Function<Account, String> key, List<String> order) {
    Map<String, double[]> groups = new LinkedHashMap<>();
    if (order != null) {
      order.forEach(k -> groups.put(k, new double[2]));
    }
    double totalArr = 0;
    for (Account a : accounts) {
      double[] g = groups.computeIfAbsent(key.apply(a), k -> new double[2]);
      g[0]++;
      g[1] += a.arr();
      totalArr += a.arr();
    }
    if (order == null) {
      // largest ARR first
      List<Map.Entry<String, double[]>> e = new ArrayList<>(groups.entrySet());
      e.sort((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1]));
      groups.clear();
      e.forEach(x -> groups.put(x.getKey(), x.getValue()));
    } else {
      groups.values().removeIf(g -> g[0] == 0);
    }
    ArrayNode cats = a();
    ArrayNode count = a();
    ArrayNode arr = a();
    String currency = accounts.get(0).currency();
    String topArr = null;
    double topArrValue = -1;
    for (Map.Entry<String, double[]> e : groups.entrySet()) {
      cats.add(e.getKey());
      count.add((long) e.getValue()[0]);
      arr.add(Json.round(e.getValue()[1] / 1000, 1));
      if (e.getValue()[1] > topArrValue) {
        topArrValue = e.getValue()[1];
        topArr = e.getKey();
      }
    }
    ObjectNode opt = Style.base();
    opt.set("xAxis", Style.x(Style.categoryAxis(axisName, cats), 30));
    ObjectNode left = Style.valueAxis("accounts").put("nameGap", 48);
    ObjectNode right = Style.valueAxis("ARR (" + currency + " thousands)").put("nameGap", 56);
    right.set("splitLine", o().put("show", false));
    opt.set("yAxis", a(left, right));
    opt.set("series", a(
        o().put("name", "accounts").put("type", "bar").put("yAxisIndex", 0).put("barGap", "10%")
            .<ObjectNode>set("itemStyle", o().put("color", Style.BLUE)).set("data", count),
        o().put("name", "ARR (" + currency + " k)").put("type", "bar").put("yAxisIndex", 1)
            .<ObjectNode>set("itemStyle", o().put("color", Style.TEAL)).set("data", arr)));
    double[] top = groups.get(topArr);
    String reading = String.format(Locale.ROOT,
        "%d accounts, ARR %s %s in total; %s holds the most ARR: %s of it, with %s of the accounts.",
        accounts.size(), Style.amount(totalArr), currency, topArr, Style.pct(top[1] / totalArr),
        Style.pct(top[0] / accounts.size()));
    return Figure.chart(id, title, reading, opt);
  }

  private static Figure usageTrend(ReportInputs in) {
    String title = "Usage over the snapshots";
    List<ReportInputs.UsageSnapshot> h = in.usageHistory();
    if (h.size() < 2) {
      return Figure.missing("portfolio-usage-trend", title,
          "Not drawn: the usage trend needs the usage of two or more snapshots and this report has "
              + h.size() + ". Run cskit monthly (cskit run keeps each month's snapshot) and pass the snapshots"
              + " as ReportInputs.usageHistory.");
    }
    ArrayNode dates = a();
    ArrayNode events = a();
    ArrayNode active = a();
    double firstEvents = Double.NaN;
    double lastEvents = Double.NaN;
    for (ReportInputs.UsageSnapshot s : h) {
      MetricTable u = s.usage();
      if (!u.hasMetric("events_30d")) {
        return Figure.missing("portfolio-usage-trend", title,
            "Not drawn: the usage of " + s.date() + " has no events_30d column (UsageAggregator with a 30-day window"
                + " writes it).");
      }
      double sum = 0;
      int n = 0;
      for (double v : u.column("events_30d")) {
        if (!Double.isNaN(v)) {
          sum += v;
          if (v > 0) {
            n++;
          }
        }
      }
      dates.add(s.date().toString());
      events.add(Math.round(sum));
      active.add(n);
      if (Double.isNaN(firstEvents)) {
        firstEvents = sum;
      }
      lastEvents = sum;
    }
    ObjectNode opt = Style.base();
    opt.set("xAxis", Style.x(Style.categoryAxis("snapshot", dates), 30));
    ObjectNode right = Style.valueAxis("accounts with events").put("nameGap", 48);
    right.set("splitLine", o().put("show", false));
    opt.set("yAxis", a(Style.valueAxis("events in 30 days").put("nameGap", 56), right));
    opt.set("series", a(
        o().put("name", "events in 30 days").put("type", "line").put("yAxisIndex", 0)
            .<ObjectNode>set("itemStyle", o().put("color", Style.BLUE)).set("data", events),
        o().put("name", "accounts with events").put("type", "line").put("yAxisIndex", 1)
            .<ObjectNode>set("itemStyle", o().put("color", Style.ORANGE)).set("data", active)));
    String reading = String.format(Locale.ROOT, "Events in 30 days went from %s to %s (%+.0f%%) over %d snapshots.",
        Style.amount(firstEvents), Style.amount(lastEvents), 100 * (lastEvents / firstEvents - 1), h.size());
    return Figure.chart("portfolio-usage-trend", title, reading, opt);
  }
}
