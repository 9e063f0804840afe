package dev.cskit.scoring.validation;

import dev.cskit.core.testing.ReferenceCsv;
import java.util.Arrays;
import java.util.List;

/**
 * The committed reference CSV files under {@code reference/validation/}, read with core's
 * {@link ReferenceCsv}; adds the lookups these tests share.
 */
final class Reference {
  private static final String DIR = "/reference/validation/";

  private Reference() {}

  /** The rows of a reference CSV file, header first, cells split on commas. */
  static List<String[]> rows(String name) {
    return ReferenceCsv.arrays(DIR + name);
  }

  /** A value from a (key1, key2, value) file: the row whose first two cells are the keys. */
  static double value(String name, String key1, String key2) {
    for (String[] r : rows(name)) {
      if (r[0].equals(key1) && r[1].equals(key2)) {
        return ReferenceCsv.num(r[r.length - 1]);
      }
    }
    throw new IllegalStateException("no " + key1 + "/" + key2 + " in " + name);
  }

  /** Numeric columns of a data file (header skipped). */
  static double[][] columns(String name) {
    return ReferenceCsv.columns(DIR + name);
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
