package dev.cskit.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Renders rows of cells as an aligned text table for {@code toString()}: the first row is the header, numbers
 * are right-aligned, text left-aligned.
 */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();

  /** A table with this header. */
  public static TextTable withHeader(String... header) {
    TextTable t = new TextTable();
    t.rows.add(header.clone());
    return t;
  }

  /** Adds a row; each cell is printed with {@link #cell(Object)}. */
  public TextTable row(Object... cells) {
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      r[i] = cell(cells[i]);
    }
    rows.add(r);
    return this;
  }

  @Override
  public String toString() {
    return render(rows);
  }

  /** A cell's text: numbers by {@link #number(double)}, null and NaN as {@code -}. */
  public static String cell(Object v) {
    if (v == null) {
      return "-";
    }
    if (v instanceof Double || v instanceof Float) {
      return number(((Number) v).doubleValue());
    }
    return String.valueOf(v);
  }

  /** A number for reading: up to 4 significant decimals, whole numbers without a point, NaN as {@code -}. */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    String s;
    if (a >= 1000) {
      s = String.format(Locale.ROOT, "%.1f", v);
    } else if (a >= 1) {
      s = String.format(Locale.ROOT, "%.2f", v);
    } else if (a >= 0.001) {
      s = String.format(Locale.ROOT, "%.4f", v);
    } else {
      s = String.format(Locale.ROOT, "%.3g", v);
    }
    return s;
  }

  /** Renders rows; the first is the header, underlined. */
  public static String render(List<String[]> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    int cols = 0;
    for (String[] r : rows) {
      cols = Math.max(cols, r.length);
    }
    int[] width = new int[cols];
    boolean[] numeric = new boolean[cols];
    Arrays.fill(numeric, true);
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      for (int c = 0; c < r.length; c++) {
        String cell = r[c] == null ? "" : r[c];
        width[c] = Math.max(width[c], cell.length());
        if (i > 0 && !cell.equals("-") && !cell.isEmpty() && !looksNumeric(cell)) {
          numeric[c] = false;
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      for (int c = 0; c < cols; c++) {
        String cell = c < r.length && r[c] != null ? r[c] : "";
        if (c > 0) {
          sb.append("  ");
        }
        boolean right = numeric[c] && c > 0;
        int pad = width[c] - cell.length();
        if (right) {
          sb.append(" ".repeat(pad)).append(cell);
        } else {
          sb.append(cell);
          if (c < cols - 1) {
            sb.append(" ".repeat(pad));
          }
        }
      }
      trimEnd(sb);
      sb.append('\n');
      if (i == 0) {
        int total = 0;
        for (int c = 0; c < cols; c++) {
          total += width[c] + (c > 0 ? 2 : 0);
        }
        sb.append("-".repeat(total)).append('\n');
      }
    }
    return sb.toString();
  }

  private static void trimEnd(StringBuilder sb) {
    int n = sb.length();
    while (n > 0 && sb.charAt(n - 1) == ' ') {
      n--;
    }
    sb.setLength(n);
  }

  private static boolean looksNumeric(String s) {
    try {
      Double.parseDouble(s.replace("%", ""));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
