package dev.cskit.cli;

import dev.cskit.core.Account;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.MetricTable;
import dev.cskit.core.io.TextTable;
import dev.cskit.sample.SamplePortfolio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The demo's first section: the sample portfolio and its aggregated usage. */
final class PortfolioSection implements DemoSection {
  @Override
  public String key() {
    return "portfolio";
  }

  @Override
  public String title() {
    return "Portfolio";
  }

  @Override
  public Result run(DemoContext context) {
    SamplePortfolio p = context.portfolio();
    Map<String, double[]> bySegment = new TreeMap<>();
    Map<LifecycleStage, Integer> byStage = new EnumMap<>(LifecycleStage.class);
    double arr = 0;
    for (Account a : p.accounts()) {
      double[] s = bySegment.computeIfAbsent(a.attribute("segment"), k -> new double[3]);
      s[0]++;
      s[1] += a.arr();
      s[2] += a.seats();
      byStage.merge(a.stage(), 1, Integer::sum);
      arr += a.arr();
    }
    MetricTable usage = p.usage();
    double[] events = usage.column("events_30d");
    double[] activeDays = usage.column("active_days_30d");
    double[] penetration = usage.column("penetration_30d");
    double[] change = usage.column("events_change_30d");
    int inactive = 0;
    int falling = 0;
    double totalEvents = 0;
    for (int i = 0; i < events.length; i++) {
      totalEvents += events[i];
      if (events[i] == 0) {
        inactive++;
      }
      if (change[i] <= -0.3) {
        falling++;
      }
    }

    List<Object> segments = new ArrayList<>();
    TextTable seg = TextTable.withHeader("segment", "accounts", "arr", "seats");
    for (Map.Entry<String, double[]> e : bySegment.entrySet()) {
      double[] s = e.getValue();
      seg.row(e.getKey(), (long) s[0], s[1], (long) s[2]);
      segments.add(Json.object("segment", e.getKey(), "accounts", (long) s[0], "arr", s[1], "seats", (long) s[2]));
    }
    Map<String, Object> stages = new LinkedHashMap<>();
    TextTable st = TextTable.withHeader("stage", "accounts");
    for (Map.Entry<LifecycleStage, Integer> e : byStage.entrySet()) {
      stages.put(e.getKey().id(), e.getValue());
      st.row(e.getKey().id(), e.getValue());
    }
    double medianActiveDays = median(activeDays);
    double medianPenetration = median(penetration);
    String text =
        String.format(Locale.ROOT,
            "%d accounts, ARR %s USD, as of %s (seed %d)%n%n%s%n%s%n"
                + "Usage, last 30 days: %s events; median active days %s; median seat penetration %s;%n"
                + "%d accounts with no activity, %d with events down 30%% or more on the previous 30 days.",
            p.size(), TextTable.number(arr), p.asOf(), p.seed(), seg, st, TextTable.number(totalEvents),
            TextTable.number(medianActiveDays), TextTable.number(medianPenetration), inactive, falling);
    Map<String, Object> json =
        Json.object(
            "seed", p.seed(),
            "asOf", p.asOf().toString(),
            "accounts", p.size(),
            "arr", arr,
            "segments", segments,
            "stages", stages,
            "usage", Json.object(
                "metrics", usage.metrics().size(),
                "events30d", totalEvents,
                "medianActiveDays30d", medianActiveDays,
                "medianPenetration30d", medianPenetration,
                "inactiveAccounts30d", inactive,
                "fallingAccounts30d", falling));
    return new Result(text, json);
  }

  /** The median of the present (non-NaN) values, NaN when none. */
  static double median(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}
