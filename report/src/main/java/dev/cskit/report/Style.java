package dev.cskit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.core.HealthBand;
import java.util.List;
import java.util.Locale;

/** Colours, number words and the option skeleton every chart shares. */
final class Style {
  static final String RED = "#d64541";
  static final String YELLOW = "#f2c12e";
  static final String GREEN = "#2e9e5b";
  static final String GREY = "#9aa0a6";
  static final String BLUE = "#3b6fb6";
  static final String TEAL = "#2a9d8f";
  static final String PURPLE = "#7b5ea7";
  static final String ORANGE = "#e07b39";
  static final String[] SERIES = {BLUE, ORANGE, TEAL, PURPLE, "#c2477d", "#5b8c3a", "#8c6d31", "#4d4d4d"};
  static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

  private Style() {}

  /** A band's colour: as its name says (red, yellow, green); grey for insufficient data or unknown names. */
  static String bandColour(String band) {
    switch (band.toLowerCase(Locale.ROOT)) {
      case "red":
        return RED;
      case "yellow":
      case "amber":
        return YELLOW;
      case "green":
        return GREEN;
      default:
        return GREY;
    }
  }

  static String bandColour(HealthBand band) {
    return bandColour(band.name());
  }

  /** A band's label for people. */
  static String bandLabel(String band) {
    return band.equals(HealthBand.INSUFFICIENT_DATA.name()) ? "insufficient data" : band;
  }

  /** The skeleton: no animation (screenshots and printing see the final state), legend on top, axis tooltip. */
  static ObjectNode base() {
    ObjectNode o = Json.o();
    o.put("animation", false);
    o.set("textStyle", Json.o().put("fontFamily", FONT));
    o.set("grid", Json.o().put("left", 16).put("right", 36).put("top", 60).put("bottom", 16).put("containLabel", true));
    o.set("tooltip", Json.o().put("trigger", "axis"));
    o.set("legend", Json.o().put("top", 4).put("type", "scroll"));
    return o;
  }

  /** A value axis with a name (and unit) placed along it. */
  static ObjectNode valueAxis(String name) {
    ObjectNode ax = Json.o().put("type", "value").put("name", name).put("nameLocation", "middle");
    ax.set("nameTextStyle", Json.o().put("color", "#444").put("fontSize", 12));
    ax.set("splitLine", Json.o().set("lineStyle", Json.o().put("color", "#eceff1")));
    return ax;
  }

  /** A value axis in per cent, 0 to 100. */
  static ObjectNode percentAxis(String name) {
    ObjectNode ax = valueAxis(name).put("min", 0).put("max", 100);
    ax.set("axisLabel", Json.o().put("formatter", "{value}%"));
    return ax;
  }

  /** A category axis. */
  static ObjectNode categoryAxis(String name, ArrayNode categories) {
    ObjectNode ax = Json.o().put("type", "category").put("name", name).put("nameLocation", "middle");
    ax.set("data", categories);
    ax.set("nameTextStyle", Json.o().put("color", "#444").put("fontSize", 12));
    return ax;
  }

  static ObjectNode x(ObjectNode axis, int nameGap) {
    return axis.put("nameGap", nameGap);
  }

  /**
   * Puts the axis names where they cannot be clipped or collide with tick labels: a vertical axis's name
   * above its top end, aligned into the plot (left axis left-aligned, right axis right-aligned); a
   * horizontal axis's name centred under its labels, with room kept at the bottom of the grid.
   */
  static ObjectNode finish(ObjectNode option) {
    com.fasterxml.jackson.databind.JsonNode y = option.get("yAxis");
    if (y != null) {
      List<ObjectNode> axes = new java.util.ArrayList<>();
      if (y.isArray()) {
        y.forEach(n -> axes.add((ObjectNode) n));
      } else {
        axes.add((ObjectNode) y);
      }
      for (int i = 0; i < axes.size(); i++) {
        ObjectNode ax = axes.get(i);
        if (ax.path("name").asText().isEmpty()) {
          continue;
        }
        ax.put("nameLocation", "end").put("nameGap", 12);
        ObjectNode ts = ax.has("nameTextStyle") ? (ObjectNode) ax.get("nameTextStyle") : Json.o();
        ts.put("align", i == 0 ? "left" : "right").put("color", "#444").put("fontSize", 12);
        ts.set("padding", Json.a(0, i == 0 ? 0 : 0, 0, i == 0 ? -6 : 0));
        ax.set("nameTextStyle", ts);
      }
    }
    com.fasterxml.jackson.databind.JsonNode x = option.get("xAxis");
    if (x instanceof ObjectNode ax && !ax.path("name").asText().isEmpty()) {
      ax.put("nameLocation", "middle");
      int rotate = ax.path("axisLabel").path("rotate").asInt(0);
      boolean twoLines = false;
      for (com.fasterxml.jackson.databind.JsonNode c : ax.path("data")) {
        twoLines |= c.asText().contains("\n");
      }
      int gap = rotate != 0 ? 48 : twoLines ? 42 : 28;
      ax.put("nameGap", gap);
      ObjectNode grid = option.has("grid") ? (ObjectNode) option.get("grid") : Json.o();
      grid.put("bottom", Math.max(grid.path("bottom").asInt(0), gap + 6));
      option.set("grid", grid);
    }
    return option;
  }

  /** A number for people: 1 234, 12.3k, 4.5M. */
  static String amount(double v) {
    double a = Math.abs(v);
    if (a >= 1e6) {
      return String.format(Locale.ROOT, "%.1fM", v / 1e6);
    }
    if (a >= 1e4) {
      return String.format(Locale.ROOT, "%.0fk", v / 1e3);
    }
    if (a >= 1e3) {
      return String.format(Locale.ROOT, "%.1fk", v / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", v);
  }

  /** A share in per cent: 12.3%. */
  static String pct(double share) {
    return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "n/a";
  }

  /** A number with one decimal. */
  static String one(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "n/a";
  }

  /** A number with two decimals. */
  static String two(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "n/a";
  }
}
