package dev.cskit.survey;

import dev.cskit.core.io.CsvInput;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the reference CSVs under {@code src/test/resources/reference} with core's {@link CsvInput}. */
final class Reference {
  private Reference() {}

  static List<Map<String, String>> rows(String name) {
    InputStream in = Reference.class.getResourceAsStream("/reference/" + name);
    if (in == null) {
      throw new IllegalStateException("missing reference file " + name);
    }
    try (CsvInput csv = CsvInput.of(new InputStreamReader(in, StandardCharsets.UTF_8), name)) {
      List<Map<String, String>> out = new ArrayList<>();
      for (CsvInput.Row row : csv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String column : csv.header()) {
          m.put(column, row.text(column));
        }
        out.add(m);
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("empty reference file " + name);
      }
      return out;
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
