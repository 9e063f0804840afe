package dev.cskit.report;

import static dev.cskit.report.Json.a;
import static dev.cskit.report.Json.o;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import dev.cskit.scoring.ScoreDiff;
import dev.cskit.scoring.ScoreTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The health section: histogram by band, band shares over time, movers, band transitions. */
final class HealthCharts {
  /** The number of movers drawn as waterfalls: the largest falls, then the largest rise. */
  static final int MOVERS = 4;

  private HealthCharts() {}

  static Section section(ReportInputs in) {
    List<Figure> f = new ArrayList<>();
    if (in.scores().isEmpty()) {
      f.add(Figure.missing("health-histogram", "Health scores by band",
          "Not drawn: no scores were given. Score the portfolio (cskit score, or HealthScorer) and pass the"
              + " ScoreTable as ReportInputs.scores."));
    } else {
      f.add(histogram(in.scores().get()));
    }
    f.add(bandShares(in));
    if (in.scores().isPresent() && in.previousScores().isPresent()) {
      f.addAll(movers(in));
      f.add(transitions(in));
    } else {
      String why = "Not drawn: this needs the previous snapshot's scores as well as the current ones. Run cskit"
          + " monthly (cskit run keeps each month's scores) and pass last month's as ReportInputs.previousScores.";
      f.add(Figure.missing("health-movers", "Movers since the last snapshot", why));
      f.add(Figure.missing("health-transitions", "Band transitions since the last snapshot", why));
    }
    return new Section("health", "Health", f);
  }

  /** The bands in display order: red, yellow, green first, other known bands, insufficient data last. */
  static List<String> bandOrder(Set<String> present) {
    List<String> out = new ArrayList<>();
    for (String b : List.of("red", "yellow", "green")) {
      if (present.contains(b)) {
        out.add(b);
      }
    }
    for (String b : present) {
      if (!out.contains(b) && !b.equals(HealthBand.INSUFFICIENT_DATA.name())) {
        out.add(b);
      }
    }
    if (present.contains(HealthBand.INSUFFICIENT_DATA.name())) {
      out.add(HealthBand.INSUFFICIENT_DATA.name());
    }
    return out;
  }

  private static Figure histogram(ScoreTable s) {
    int bins = 10;
    Set<String> present = new LinkedHashSet<>();
    for (Map.Entry<HealthBand, Integer> e : s.bandCounts().entrySet()) {
      if (e.getValue() > 0) {
        present.add(e.getKey().name());
      }
    }
    List<String> order = bandOrder(present);
    order.remove(HealthBand.INSUFFICIENT_DATA.name());
    Map<String, int[]> counts = new HashMap<>();
    order.forEach(b -> counts.put(b, new int[bins]));
    for (int i = 0; i < s.size(); i++) {
      double v = s.score(i);
      if (Double.isNaN(v)) {
        continue;
      }
      int bin = Math.min(bins - 1, Math.max(0, (int) Math.floor(v / (100.0 / bins))));
      counts.get(s.band(i).name())[bin]++;
    }
    ArrayNode cats = a();
    for (int b = 0; b < bins; b++) {
      cats.add((b * 10) + "-" + (b * 10 + 10));
    }
    ArrayNode series = a();
    for (String band : order) {
      ArrayNode data = a();
      for (int c : counts.get(band)) {
        data.add(c);
      }
      series.add(o().put("name", Style.bandLabel(band)).put("type", "bar").put("stack", "bands")
          .put("barCategoryGap", "8%")
          .<ObjectNode>set("itemStyle", o().put("color", Style.bandColour(band))).set("data", data));
    }
    ObjectNode opt = Style.base();
    ObjectNode hx = Style.x(Style.categoryAxis("health score (points, 0-100)", cats), 30);
    hx.set("axisLabel", o().put("interval", 0).put("fontSize", 11));
    opt.set("xAxis", hx);
    opt.set("yAxis", Style.valueAxis("accounts").put("nameGap", 44));
    opt.set("series", series);
    StringBuilder r = new StringBuilder();
    Map<HealthBand, Integer> bc = s.bandCounts();
    for (String band : bandOrder(present)) {
      int n = bc.get(HealthBand.of(band));
      r.append(r.length() == 0 ? "" : ", ").append(n).append(' ').append(Style.bandLabel(band)).append(" (")
          .append(Style.pct(n / (double) s.size())).append(')');
    }
    return Figure.chart("health-histogram", "Health scores by band", "Of " + s.size() + " accounts: " + r + ".", opt);
  }

  private static Figure bandShares(ReportInputs in) {
    String title = "Band shares over time";
    List<ReportInputs.BandSnapshot> h = in.bandHistory();
    if (h.size() < 2) {
      return Figure.missing("health-band-shares", title,
          "Not drawn: band shares over time need two or more snapshots and this report has " + h.size()
              + ". Run cskit monthly (cskit run keeps a history of snapshots) and pass their band counts as"
              + " ReportInputs.bandHistory.");
    }
    Set<String> present = new LinkedHashSet<>();
    h.forEach(s -> s.counts().forEach((b, n) -> {
      if (n > 0) {
        present.add(b.name());
      }
    }));
    ArrayNode dates = a();
    h.forEach(s -> dates.add(s.date().toString()));
    ArrayNode series = a();
    for (String band : bandOrder(present)) {
      ArrayNode data = a();
      for (ReportInputs.BandSnapshot s : h) {
        int total = s.counts().values().stream().mapToInt(Integer::intValue).sum();
        data.add(Json.round(100.0 * s.counts().getOrDefault(HealthBand.of(band), 0) / total, 2));
      }
      series.add(o().put("name", Style.bandLabel(band)).put("type", "line").put("stack", "share")
          .<ObjectNode>set("areaStyle", o().put("opacity", 0.85)).put("symbol", "none")
          .<ObjectNode>set("itemStyle", o().put("color", Style.bandColour(band)))
          .<ObjectNode>set("lineStyle", o().put("width", 0)).set("data", data));
    }
    ObjectNode opt = Style.base();
    opt.set("xAxis", Style.x(Style.categoryAxis("snapshot", dates), 30).put("boundaryGap", false));
    ((ObjectNode) opt.get("grid")).put("right", 48).put("left", 28);
    opt.set("yAxis", Style.percentAxis("share of accounts").put("nameGap", 44));
    opt.set("series", series);
    ReportInputs.BandSnapshot first = h.get(0);
    ReportInputs.BandSnapshot last = h.get(h.size() - 1);
    String reading = String.format(Locale.ROOT, "Red went from %s of accounts on %s to %s on %s.",
        Style.pct(share(first, HealthBand.RED)), first.date(), Style.pct(share(last, HealthBand.RED)), last.date());
    return Figure.chart("health-band-shares", title, reading, opt);
  }

  private static double share(ReportInputs.BandSnapshot s, HealthBand b) {
    int total = s.counts().values().stream().mapToInt(Integer::intValue).sum();
    return total == 0 ? Double.NaN : s.counts().getOrDefault(b, 0) / (double) total;
  }

  private static List<Figure> movers(ReportInputs in) {
    ScoreTable now = in.scores().get();
    ScoreTable before = in.previousScores().get();
    Map<AccountId, Account> byId = new HashMap<>();
    in.accounts().ifPresent(l -> l.forEach(a -> byId.put(a.id(), a)));
    List<ScoreDiff> diffs = new ArrayList<>();
    for (ScoreDiff d : now.diff(before)) {
      if (Double.isFinite(d.change()) && d.change() != 0) {
        diffs.add(d);
      }
    }
    // the largest falls first (up to MOVERS - 1), then the largest rise
    diffs.sort(Comparator.comparingDouble(ScoreDiff::change).thenComparing(d -> d.accountId().value()));
    List<ScoreDiff> chosen = new ArrayList<>();
    for (ScoreDiff d : diffs) {
      if (d.change() < 0 && chosen.size() < MOVERS - 1) {
        chosen.add(d);
      }
    }
    if (!diffs.isEmpty() && diffs.get(diffs.size() - 1).change() > 0) {
      chosen.add(diffs.get(diffs.size() - 1));
    }
    List<Figure> out = new ArrayList<>();
    if (diffs.isEmpty()) {
      out.add(Figure.missing("health-movers", "Movers since the last snapshot",
          "Not drawn: no account's score changed between the two snapshots."));
      return out;
    }
    String since = in.previousAsOf().map(d -> " since " + d).orElse(" since the last snapshot");
    for (int k = 0; k < chosen.size(); k++) {
      ScoreDiff d = chosen.get(k);
      Account a = byId.get(d.accountId());
      String who = d.accountId().value() + (a == null ? "" : " " + a.name());
      String what = d.change() < 0 ? "Fell" : "Rose";
      out.add(waterfall("health-mover-" + (k + 1), what + " " + Style.one(Math.abs(d.change())) + " points: " + who,
          d, since));
    }
    return out;
  }

  /** One account's change as a waterfall: the score before, each line's points, the score now. */
  private static Figure waterfall(String id, String title, ScoreDiff d, String since) {
    List<ScoreDiff.Line> lines = new ArrayList<>(d.lines());
    lines.sort(Comparator.comparingDouble((ScoreDiff.Line l) -> l.points()));
    ArrayNode cats = a("before");
    ArrayNode base = a(0);
    ArrayNode up = a("-");
    ArrayNode down = a("-");
    ArrayNode total = a(Json.round(d.scoreBefore(), 1));
    double level = d.scoreBefore();
    for (ScoreDiff.Line l : lines) {
      if (Math.abs(l.points()) < 0.05) {
        level += l.points();
        continue;
      }
      cats.add(l.label());
      double next = level + l.points();
      base.add(Json.round(Math.min(level, next), 2));
      if (l.points() >= 0) {
        up.add(Json.round(l.points(), 1));
        down.add("-");
      } else {
        up.add("-");
        down.add(Json.round(-l.points(), 1));
      }
      total.add("-");
      level = next;
    }
    cats.add("now");
    base.add(0);
    up.add("-");
    down.add("-");
    total.add(Json.round(d.scoreAfter(), 1));
    ObjectNode opt = Style.base();
    ObjectNode xAxis = Style.x(Style.categoryAxis("", cats), 30);
    xAxis.set("axisLabel", o().put("interval", 0).put("rotate", lines.size() > 4 ? 25 : 0).put("fontSize", 11));
    opt.set("xAxis", xAxis);
    opt.set("yAxis", Style.valueAxis("score points").put("nameGap", 40));
    opt.set("grid", o().put("left", 16).put("right", 16).put("top", 60).put("bottom", 8).put("containLabel", true));
    opt.set("legend", o().put("top", 4).set("data", a("score", "gain", "loss")));
    opt.set("tooltip", o().put("trigger", "axis").set("axisPointer", o().put("type", "shadow")));
    ObjectNode invisible = o().put("color", "transparent");
    opt.set("series", a(
        o().put("name", "base").put("type", "bar").put("stack", "w").<ObjectNode>set("itemStyle", invisible)
            .<ObjectNode>set("emphasis", o().set("itemStyle", invisible)).put("silent", true).set("data", base),
        o().put("name", "score").put("type", "bar").put("stack", "w")
            .<ObjectNode>set("itemStyle", o().put("color", Style.GREY))
            .<ObjectNode>set("label", o().put("show", true).put("position", "insideTop").put("color", "#fff")
                .put("fontWeight", "bold").put("formatter", "{c}"))
            .set("data", total),
        o().put("name", "gain").put("type", "bar").put("stack", "w")
            .<ObjectNode>set("itemStyle", o().put("color", Style.GREEN))
            .<ObjectNode>set("label", o().put("show", true).put("position", "top").put("formatter", "+{c}"))
            .set("data", up),
        o().put("name", "loss").put("type", "bar").put("stack", "w")
            .<ObjectNode>set("itemStyle", o().put("color", Style.RED))
            .<ObjectNode>set("label", o().put("show", true).put("position", "bottom").put("formatter", "-{c}"))
            .set("data", down)));
    ScoreDiff.Line biggest = d.lines().stream().max(Comparator.comparingDouble(l -> Math.abs(l.points()))).orElse(null);
    String reading = String.format(Locale.ROOT, "Score %s -> %s (%+.1f points)%s%s.", Style.one(d.scoreBefore()),
        Style.one(d.scoreAfter()), d.change(), since,
        biggest == null ? "" : String.format(Locale.ROOT, "; mostly %s (%+.1f)", biggest.label(), biggest.points()));
    return Figure.chart(id, title, reading, opt);
  }

  private static Figure transitions(ReportInputs in) {
    ScoreTable now = in.scores().get();
    ScoreTable before = in.previousScores().get();
    Set<String> present = new LinkedHashSet<>();
    Map<String, Integer> cells = new HashMap<>();
    int matched = 0;
    int moved = 0;
    int down = 0;
    for (int i = 0; i < now.size(); i++) {
      int j = before.rowOf(now.accountId(i));
      if (j < 0) {
        continue;
      }
      String from = before.band(j).name();
      String to = now.band(i).name();
      present.add(from);
      present.add(to);
      cells.merge(from + "\u0000" + to, 1, Integer::sum);
      matched++;
      if (!from.equals(to)) {
        moved++;
        if (rank(to) >= 0 && rank(from) >= 0 && rank(to) < rank(from)) {
          down++;
        }
      }
    }
    List<String> order = bandOrder(present);
    ArrayNode labels = a();
    order.forEach(b -> labels.add(Style.bandLabel(b)));
    ArrayNode data = a();
    int max = 1;
    for (int x = 0; x < order.size(); x++) {
      for (int y = 0; y < order.size(); y++) {
        int n = cells.getOrDefault(order.get(y) + "\u0000" + order.get(x), 0);
        data.add(a(x, y, n));
        max = Math.max(max, n);
      }
    }
    ObjectNode opt = Style.base();
    opt.remove("legend");
    opt.set("tooltip", o().put("position", "top"));
    opt.set("grid", o().put("left", 16).put("right", 16).put("top", 40).put("bottom", 64).put("containLabel", true));
    opt.set("xAxis", Style.x(Style.categoryAxis("band now", labels), 30).set("splitArea", o().put("show", true)));
    opt.set("yAxis", Style.categoryAxis("band at the last snapshot", labels.deepCopy()).put("nameGap", 90)
        .set("splitArea", o().put("show", true)));
    opt.set("visualMap", o().put("min", 0).put("max", max).put("calculable", false).put("orient", "horizontal")
        .put("left", "center").put("bottom", 0).put("itemHeight", 160).put("text", "")
        .set("inRange", o().set("color", a("#f4f6f8", "#9ec5e8", Style.BLUE))));
    opt.set("series", a(o().put("name", "accounts").put("type", "heatmap").<ObjectNode>set("data", data)
        .set("label", o().put("show", true).put("fontSize", 13))));
    String reading = String.format(Locale.ROOT,
        "%d of %d accounts changed band%s; %d of them moved down (towards red).", moved, matched,
        in.previousAsOf().map(d -> " since " + d).orElse(""), down);
    return Figure.chart("health-transitions", "Band transitions since the last snapshot", reading, opt);
  }

  private static int rank(String band) {
    switch (band) {
      case "red":
        return 0;
      case "yellow":
        return 1;
      case "green":
        return 2;
      default:
        return -1;
    }
  }
}
