package dev.cskit.scoring.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the committed reference CSV files under {@code reference/validation/}. */
final class Reference {
  private Reference() {}

  /** The rows of a reference CSV file, header first, cells split on commas. */
  static List<String[]> rows(String name) {
    try (InputStream in = Reference.class.getResourceAsStream("/reference/validation/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing reference file " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String[]> out = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          out.add(line.split(",", -1));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value from a (key1, key2, value) file: the row whose first two cells are the keys. */
  static double value(String name, String key1, String key2) {
    for (String[] r : rows(name)) {
      if (r[0].equals(key1) && r[1].equals(key2)) {
        return Double.parseDouble(r[r.length - 1]);
      }
    }
    throw new IllegalStateException("no " + key1 + "/" + key2 + " in " + name);
  }

  /** Numeric columns of a data file (header skipped). */
  static double[][] columns(String name) {
    List<String[]> rows = rows(name);
    int c = rows.get(0).length;
    double[][] out = new double[c][rows.size() - 1];
    for (int i = 1; i < rows.size(); i++) {
      for (int j = 0; j < c; j++) {
        out[j][i - 1] = Double.parseDouble(rows.get(i)[j]);
      }
    }
    return out;
  }

  static boolean[] bools(double[] v) {
    boolean[] b = new boolean[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = v[i] != 0;
    }
    return b;
  }

  static double[] copy(double[] v) {
    return Arrays.copyOf(v, v.length);
  }
}
