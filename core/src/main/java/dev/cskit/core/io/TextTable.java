package dev.cskit.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Renders rows of cells as an aligned text table for {@code toString()}: the first row is the header, numbers
 * are right-aligned, text left-aligned. Columns are aligned by display width, not by char count: East Asian
 * wide and fullwidth characters and emoji take two terminal columns, combining marks and zero-width
 * characters none (see {@link #displayWidth(String)}).
 */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final java.util.Map<Integer, java.util.function.DoubleFunction<String>> formats = new java.util.HashMap<>();

  /** A table with this header. */
  public static TextTable withHeader(String... header) {
    TextTable t = new TextTable();
    t.rows.add(header.clone());
    return t;
  }

  /**
   * Prints the numbers of one column with one format, so the column has one precision whatever the values'
   * sizes: {@code decimals(1)} for scores and days, {@code TextTable::percent} for shares,
   * {@code TextTable::money} for amounts. Applies to the rows added after it; other cells of the column
   * (text, null) print as {@link #cell(Object)} does.
   *
   * @param index the column, from 0
   * @param format how a number of this column prints (NaN included)
   */
  public TextTable column(int index, java.util.function.DoubleFunction<String> format) {
    formats.put(index, format);
    return this;
  }

  /** A column format with a fixed count of decimals ({@link #fixed(double, int)}). */
  public static java.util.function.DoubleFunction<String> decimals(int decimals) {
    return v -> fixed(v, decimals);
  }

  /**
   * The decimals for a column of these values: none when every value is whole (days counted in whole days),
   * else {@code decimals}.
   */
  public static int decimalsFor(double[] values, int decimals) {
    for (double v : values) {
      if (!Double.isNaN(v) && !Double.isInfinite(v) && v != Math.rint(v)) {
        return decimals;
      }
    }
    return 0;
  }

  /** Adds a row; each cell is printed with {@link #cell(Object)}, or its column's {@link #column format}. */
  public TextTable row(Object... cells) {
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      java.util.function.DoubleFunction<String> f = formats.get(i);
      r[i] = f != null && cells[i] instanceof Number ? f.apply(((Number) cells[i]).doubleValue()) : cell(cells[i]);
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
        width[c] = Math.max(width[c], displayWidth(cell));
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
        int pad = width[c] - displayWidth(cell);
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

  /**
   * The number of terminal columns {@code s} takes: 2 for East Asian Wide and Fullwidth characters (CJK,
   * kana, hangul, fullwidth forms) and emoji, 0 for combining marks, variation selectors, zero-width joiners
   * and other format characters, 1 otherwise.
   */
  public static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      w += codePointWidth(cp);
    }
    return w;
  }

  private static int codePointWidth(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x200B
        || (cp >= 0x1160 && cp <= 0x11FF) || type == Character.CONTROL) {
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  /** East Asian Wide (W) and Fullwidth (F) ranges of Unicode 15, and the emoji presentation blocks. */
  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || cp == 0x2329 || cp == 0x232A
        || (cp >= 0x231A && cp <= 0x231B) || (cp >= 0x23E9 && cp <= 0x23EC) || cp == 0x23F0 || cp == 0x23F3
        || (cp >= 0x25FD && cp <= 0x25FE) || (cp >= 0x2614 && cp <= 0x2615) || (cp >= 0x2648 && cp <= 0x2653)
        || cp == 0x267F || cp == 0x2693 || cp == 0x26A1 || (cp >= 0x26AA && cp <= 0x26AB)
        || (cp >= 0x26BD && cp <= 0x26BE) || (cp >= 0x26C4 && cp <= 0x26C5) || cp == 0x26CE || cp == 0x26D4
        || cp == 0x26EA || (cp >= 0x26F2 && cp <= 0x26F3) || cp == 0x26F5 || cp == 0x26FA || cp == 0x26FD
        || cp == 0x2705 || (cp >= 0x270A && cp <= 0x270B) || cp == 0x2728 || cp == 0x274C || cp == 0x274E
        || (cp >= 0x2753 && cp <= 0x2755) || cp == 0x2757 || (cp >= 0x2795 && cp <= 0x2797) || cp == 0x27B0
        || cp == 0x27BF || (cp >= 0x2B1B && cp <= 0x2B1C) || cp == 0x2B50 || cp == 0x2B55
        || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xA960 && cp <= 0xA97F)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19)
        || (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x16FE0 && cp <= 0x18CFF) || (cp >= 0x1B000 && cp <= 0x1B2FF)
        || cp == 0x1F004 || cp == 0x1F0CF || cp == 0x1F18E || (cp >= 0x1F191 && cp <= 0x1F19A)
        || (cp >= 0x1F200 && cp <= 0x1F251) || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F680 && cp <= 0x1F6FF) || (cp >= 0x1F7E0 && cp <= 0x1F7EB)
        || (cp >= 0x1F90C && cp <= 0x1F9FF) || (cp >= 0x1FA70 && cp <= 0x1FAFF)
        || (cp >= 0x20000 && cp <= 0x2FFFD) || (cp >= 0x30000 && cp <= 0x3FFFD);
  }

  /** A number with a fixed count of decimals (NaN as {@code -}): one precision for a whole column. */
  public static String fixed(double v, int decimals) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** A share (0.123) as a percentage with one decimal ({@code 12.3%}; NaN as {@code -}). */
  public static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** An amount of money with thousands separators and no decimals ({@code 1,234,567}; NaN as {@code -}). */
  public static String money(double amount) {
    return Double.isNaN(amount) ? "-" : String.format(Locale.ROOT, "%,.0f", amount);
  }

  /**
   * Key-value pairs for reading, {@code pin 1, rule 998}, in the map's order (never Java's
   * {@code {pin=1, rule=998}}); numbers by {@link #number(double)}.
   */
  public static String pairs(java.util.Map<?, ?> map) {
    StringBuilder sb = new StringBuilder();
    for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(cell(e.getValue()));
    }
    return sb.length() == 0 ? "none" : sb.toString();
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
      Double.parseDouble(s.replace("%", "").replace(",", ""));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
