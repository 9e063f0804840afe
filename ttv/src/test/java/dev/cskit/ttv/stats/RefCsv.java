package dev.cskit.ttv.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the reference CSVs written by {@code reference/ttv/ttv_reference.R}. */
final class RefCsv {
  private RefCsv() {}

  static List<Map<String, String>> read(String name) {
    try (InputStream in = RefCsv.class.getResourceAsStream("/reference/ttv/" + name)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
      String[] header = lines[0].split(",");
      List<Map<String, String>> rows = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        String[] cells = lines[i].split(",", -1);
        Map<String, String> row = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
          row.put(header[c], cells[c]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static double num(String s) {
    switch (s) {
      case "NA":
        return Double.NaN;
      case "Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(s);
    }
  }

  /** Tracks the largest absolute difference seen, for the report. */
  static double maxAbs = 0;

  /** Equal to 1e-9 relative (absolute near 0); NaN must match NaN (R's NA), infinities must match. */
  static void close(double expected, double actual, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
      return;
    }
    assertTrue(!Double.isNaN(actual), what + ": expected " + expected + " but was NaN");
    double diff = Math.abs(expected - actual);
    maxAbs = Math.max(maxAbs, diff);
    double tol = 1e-9 * Math.max(1, Math.abs(expected));
    assertTrue(diff <= tol, what + ": expected " + expected + " but was " + actual);
  }
}
