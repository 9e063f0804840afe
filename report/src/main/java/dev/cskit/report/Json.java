package dev.cskit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers to write ECharts options as Jackson trees; NaN and infinities become null. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode o() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode a() {
    return MAPPER.createArrayNode();
  }

  /** An array of the values (strings, numbers, booleans, Jackson nodes, null). */
  static ArrayNode a(Object... values) {
    ArrayNode out = a();
    for (Object v : values) {
      add(out, v);
    }
    return out;
  }

  static void add(ArrayNode array, Object v) {
    if (v == null) {
      array.addNull();
    } else if (v instanceof JsonNode n) {
      array.add(n);
    } else if (v instanceof Double d) {
      if (Double.isFinite(d)) {
        array.add(d);
      } else {
        array.addNull();
      }
    } else if (v instanceof Float f) {
      add(array, f.doubleValue());
    } else if (v instanceof Integer i) {
      array.add(i);
    } else if (v instanceof Long l) {
      array.add(l);
    } else if (v instanceof Boolean b) {
      array.add(b);
    } else {
      array.add(v.toString());
    }
  }

  /** A number rounded to {@code digits} decimals, null when not finite. */
  static Double round(double v, int digits) {
    if (!Double.isFinite(v)) {
      return null;
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  /** Puts a rounded number, or null when not finite. */
  static void putNumber(com.fasterxml.jackson.databind.node.ObjectNode node, String key, double v, int digits) {
    Double d = round(v, digits);
    if (d == null) {
      node.putNull(key);
    } else {
      node.put(key, d);
    }
  }

  /** A point {@code [x, y]}. */
  static ArrayNode xy(double x, double y) {
    return a(round(x, 4), round(y, 4));
  }
}
