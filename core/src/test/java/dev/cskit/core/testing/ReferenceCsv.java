package dev.cskit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one reader of the committed reference CSVs (written by R or Python scripts) for every module's tests;
 * from core's test-jar.
 *
 * <p>Files are plain comma-separated text with a header row and no quoting; blank lines are skipped. Rows
 * come as maps (column to cell, in header order) or as arrays (header first). Cells read as numbers with
 * {@link #num}, which takes R's {@code NA}, {@code Inf} and {@code -Inf} and Python's {@code nan},
 * {@code inf} and {@code -inf}; {@link #close} compares with a relative tolerance.
 */
public final class ReferenceCsv {
  /** The default relative tolerance of {@link #close(double, double, String)}. */
  public static final double TOLERANCE = 1e-9;

  private static double largestDifference;

  private ReferenceCsv() {}

  /** The rows of a class-path resource (an absolute name such as {@code /reference/ttv/km.csv}) as maps. */
  public static List<Map<String, String>> rows(String resource) {
    return maps(arrays(resource), resource);
  }

  /** The rows of a file as maps. */
  public static List<Map<String, String>> rows(Path file) {
    return maps(arrays(file), file.toString());
  }

  /** The lines of a class-path resource split into cells, the header first. */
  public static List<String[]> arrays(String resource) {
    try (InputStream in = ReferenceCsv.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing reference file " + resource);
      }
      return split(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of a file split into cells, the header first. */
  public static List<String[]> arrays(Path file) {
    try {
      return split(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The numeric columns of a file (header skipped): {@code columns[c][row]}. */
  public static double[][] columns(String resource) {
    List<String[]> rows = arrays(resource);
    int c = rows.get(0).length;
    double[][] out = new double[c][rows.size() - 1];
    for (int i = 1; i < rows.size(); i++) {
      for (int j = 0; j < c; j++) {
        out[j][i - 1] = num(rows.get(i)[j]);
      }
    }
    return out;
  }

  /** A cell as a number: {@code NA}/{@code nan} NaN, {@code Inf}/{@code inf} and their negatives infinite. */
  public static double num(String cell) {
    switch (cell.trim()) {
      case "NA":
      case "NaN":
      case "nan":
        return Double.NaN;
      case "Inf":
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(cell);
    }
  }

  /** A column of a row as a number ({@link #num}). */
  public static double num(Map<String, String> row, String column) {
    String cell = row.get(column);
    if (cell == null) {
      throw new IllegalStateException("no column " + column + " in " + row.keySet());
    }
    return num(cell);
  }

  /** {@link #close(double, double, double, String)} with the relative tolerance {@link #TOLERANCE}. */
  public static void close(double expected, double actual, String what) {
    close(expected, actual, TOLERANCE, what);
  }

  /**
   * Equal within {@code relative} times {@code max(1, |expected|)} (so absolute near 0); NaN (R's NA) must
   * match NaN and infinities must match. The largest difference seen is kept for reports
   * ({@link #largestDifference()}).
   */
  public static void close(double expected, double actual, double relative, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
      return;
    }
    assertTrue(!Double.isNaN(actual), what + ": expected " + expected + " but was NaN");
    double diff = Math.abs(expected - actual);
    largestDifference = Math.max(largestDifference, diff);
    assertTrue(diff <= relative * Math.max(1, Math.abs(expected)),
        what + ": expected " + expected + " but was " + actual);
  }

  /** The largest absolute difference {@link #close} has seen in this JVM. */
  public static double largestDifference() {
    return largestDifference;
  }

  private static List<String[]> split(String text, String source) {
    List<String[]> out = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      if (!line.isBlank()) {
        out.add(line.split(",", -1));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("empty reference file " + source);
    }
    return out;
  }

  private static List<Map<String, String>> maps(List<String[]> lines, String source) {
    String[] header = lines.get(0);
    List<Map<String, String>> rows = new ArrayList<>(lines.size() - 1);
    for (String[] cells : lines.subList(1, lines.size())) {
      if (cells.length != header.length) {
        throw new IllegalStateException(source + ": a row has " + cells.length + " cells for "
            + header.length + " columns");
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.length; c++) {
        row.put(header[c], cells[c]);
      }
      rows.add(Collections.unmodifiableMap(row));
    }
    return rows;
  }
}
