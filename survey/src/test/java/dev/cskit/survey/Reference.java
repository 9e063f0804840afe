package dev.cskit.survey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the reference CSVs under {@code src/test/resources/reference} (plain, unquoted). */
final class Reference {
  private Reference() {}

  static List<Map<String, String>> rows(String name) {
    InputStream in = Reference.class.getResourceAsStream("/reference/" + name);
    if (in == null) {
      throw new IllegalStateException("missing reference file " + name);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] header = r.readLine().split(",", -1);
      List<Map<String, String>> out = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          m.put(header[i], cells[i]);
        }
        out.add(m);
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("empty reference file " + name);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double d(Map<String, String> row, String key) {
    String v = row.get(key);
    switch (v) {
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        return Double.parseDouble(v);
    }
  }

  static long l(Map<String, String> row, String key) {
    return Long.parseLong(row.get(key));
  }
}
