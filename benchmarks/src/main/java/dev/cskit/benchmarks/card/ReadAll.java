package dev.cskit.benchmarks.card;

/** The floor: read every value of every column once (counting the present ones), nothing else. */
public final class ReadAll {
  private ReadAll() {}

  /** The number of present values in the first {@code n} rows of the columns. */
  public static long presentValues(double[][] cols, int n) {
    long present = 0;
    for (double[] col : cols) {
      present += count(col, n);
    }
    return present;
  }

  private static int count(double[] col, int n) {
    int c = 0;
    for (int i = 0; i < n; i++) {
      double v = col[i];
      c += v == v ? 1 : 0;
    }
    return c;
  }
}
