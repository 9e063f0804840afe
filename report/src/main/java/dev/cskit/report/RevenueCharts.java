package dev.cskit.report;

import static dev.cskit.report.Json.a;
import static dev.cskit.report.Json.o;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.retention.Bridge;
import dev.cskit.retention.BridgeRow;
import java.util.List;
import java.util.Locale;

/** The revenue section: the MRR bridge over its months as a waterfall. */
final class RevenueCharts {
  private RevenueCharts() {}

  static Section section(ReportInputs in) {
    return new Section("revenue", "Revenue retention", List.of(bridge(in)));
  }

  /**
   * Starting MRR, the movements summed over the bridge's periods, ending MRR: a waterfall whose steps are
   * the bridge's own cents (so it reconciles as the bridge does).
   */
  static Figure bridge(ReportInputs in) {
    String title = "MRR bridge";
    if (in.revenueBridge().isEmpty() || in.revenueBridge().get().rows().isEmpty()) {
      return Figure.missing("revenue-bridge", title,
          "Not drawn: the MRR bridge needs subscriptions. Pass a bridge (MrrHistory.bridge) as "
              + "ReportInputs.revenueBridge; in a project, name a subscriptions file under data.subscriptions.");
    }
    Bridge b = in.revenueBridge().get();
    List<BridgeRow> rows = b.rows();
    BridgeRow first = rows.get(0);
    BridgeRow last = rows.get(rows.size() - 1);
    long[] move = new long[5]; // new, expansion, reactivation, contraction, churn
    for (BridgeRow r : rows) {
      move[0] += r.newMrr();
      move[1] += r.expansion();
      move[2] += r.reactivation();
      move[3] += r.contraction();
      move[4] += r.churn();
    }
    String[] names = {"starting MRR", "new", "expansion", "reactivation", "contraction", "churn", "ending MRR"};
    long[] steps = {first.starting(), move[0], move[1], move[2], -move[3], -move[4], last.ending()};
    String[] colours = {Style.BLUE, Style.GREEN, Style.TEAL, Style.PURPLE, Style.ORANGE, Style.RED, Style.BLUE};
    ArrayNode cats = a();
    ArrayNode base = a();
    ArrayNode bars = a();
    long level = 0;
    for (int i = 0; i < steps.length; i++) {
      cats.add(names[i]);
      long lo;
      long height;
      if (i == 0 || i == steps.length - 1) {
        lo = 0;
        height = steps[i];
        level = steps[i];
      } else if (steps[i] >= 0) {
        lo = level;
        height = steps[i];
        level += steps[i];
      } else {
        level += steps[i];
        lo = level;
        height = -steps[i];
      }
      base.add(lo / 100.0);
      bars.add(o().put("value", height / 100.0).set("itemStyle", o().put("color", colours[i])));
    }
    String cur = b.currency() == null ? "" : b.currency();
    ObjectNode opt = Style.base();
    opt.set("xAxis", Style.x(Style.categoryAxis(first.label() + " to " + last.label(), cats), 30));
    opt.set("yAxis", Style.valueAxis("MRR (" + cur + ")").put("nameGap", 56));
    opt.set("series", a(
        o().put("name", "base").put("type", "bar").put("stack", "bridge").put("silent", true)
            .<ObjectNode>set("itemStyle", o().put("color", "transparent")).set("data", base),
        o().put("name", "MRR").put("type", "bar").put("stack", "bridge").set("data", bars)));
    opt.set("legend", o().put("show", false));
    double start = first.starting() / 100.0;
    double end = last.ending() / 100.0;
    String reading = String.format(Locale.ROOT,
        "MRR went from %s to %s %s over %s to %s (%s): new %s, expansion %s, reactivation %s, contraction %s, "
            + "churn %s.", Style.amount(start), Style.amount(end), cur, first.label(), last.label(),
        start > 0 ? String.format(Locale.ROOT, "%+.1f%%", 100 * (end - start) / start) : "from nothing",
        Style.amount(move[0] / 100.0), Style.amount(move[1] / 100.0), Style.amount(move[2] / 100.0),
        Style.amount(move[3] / 100.0), Style.amount(move[4] / 100.0));
    return Figure.chart("revenue-bridge", title, reading, opt);
  }
}
