package dev.cskit.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes RFC 4180 CSV: cells with a comma, quote or line break are quoted. Numbers are written by
 * {@link #number(double)}: shortest round-trip form, whole numbers without a decimal point, NaN as an empty
 * cell.
 */
public final class CsvOutput {
  private final Writer out;

  public CsvOutput(Writer out) {
    this.out = out;
  }

  /** Writes one row of text cells. */
  public CsvOutput row(String... cells) {
    try {
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(escape(cells[i]));
      }
      out.write('\n');
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one row of text cells. */
  public CsvOutput row(java.util.List<String> cells) {
    return row(cells.toArray(new String[0]));
  }

  /** Flushes the underlying writer. */
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cell for a number: empty for NaN, no decimal point for whole numbers. */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v == 0 && Double.doubleToRawLongBits(v) != 0) {
      return "-0";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /**
   * Appends the cell for a number, the same text as {@link #number(double)} without making a string of it (a
   * writer of many rows builds each row in one buffer).
   */
  public static StringBuilder appendNumber(StringBuilder out, double v) {
    if (Double.isNaN(v)) {
      return out;
    }
    if (v == 0 && Double.doubleToRawLongBits(v) != 0) {
      return out.append("-0");
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return out.append((long) v);
    }
    return out.append(v); // the digits of Double.toString (the JDK's one algorithm for both)
  }

  /** A cell quoted as RFC 4180 asks. */
  public static String escape(String cell) {
    if (cell == null) {
      return "";
    }
    boolean quote = false;
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    }
    if (!quote && (cell.startsWith(" ") || cell.endsWith(" "))) {
      quote = true;
    }
    return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }
}
