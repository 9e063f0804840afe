package dev.cskit.core.io;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.internal.CsvTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A CSV source read row by row (a hand-written RFC 4180 tokenizer that reads CSV exactly as Jackson's CSV
 * module does, with the same error texts), with a header and typed access to cells whose errors name the source,
 * the row and the column.
 *
 * <p>Rows are numbered as lines of the file: the header is row 1, the first data row is row 2. Blank lines
 * are skipped; cells are trimmed. Use it in try-with-resources.
 */
public final class CsvInput implements Iterable<CsvInput.Row>, AutoCloseable {
  private final String source;
  private final Reader reader;
  private final CsvTokenizer rows;
  private final List<String> header;
  private final Map<String, Integer> index;
  private long rowNumber = 1;
  private boolean iterated;

  private CsvInput(Reader reader, String source, int maxRowChars) {
    this.source = source;
    this.reader = reader;
    this.rows = new CsvTokenizer(reader, maxRowChars, 1 << 16);
    try {
      String[] head = rows.next();
      if (head == null) {
        throw DataException.of(source, "the file is empty: a header row is required", null);
      }
      List<String> names = new ArrayList<>(head.length);
      Map<String, Integer> idx = new HashMap<>();
      for (int i = 0; i < head.length; i++) {
        String name = head[i].trim();
        if (i == 0 && name.startsWith("\uFEFF")) {
          name = name.substring(1);
        }
        if (name.isEmpty()) {
          throw new DataException(source, 1, null, "every header cell must name a column", "an empty cell at position " + (i + 1));
        }
        if (idx.put(name, i) != null) {
          throw new DataException(source, 1, name, "column names must be unique", "it twice");
        }
        names.add(name);
      }
      this.header = Collections.unmodifiableList(names);
      this.index = idx;
    } catch (IOException e) {
      throw unreadable(source, 1, e);
    }
  }

  /**
   * The error for input that cannot be read at a row: text that is not UTF-8 (found wherever the reader
   * decodes ahead, so no row is named), a CSV syntax error, or another I/O failure.
   */
  private static DataException unreadable(String source, long row, Exception e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof CharacterCodingException) {
        return new DataException(source, 0, null, "the file must be UTF-8 text", null, e);
      }
      if (c instanceof CsvTokenizer.RowTooLong) {
        return new DataException(source, 0, null, "a row may hold at most " + MAX_ROW_CHARS
            + " characters (is it a CSV file?)", null, e);
      }
    }
    if (e instanceof CsvTokenizer.SyntaxError) {
      return new DataException(source, row, null, "is not valid CSV", e.getMessage());
    }
    return new DataException(source, 0, null, "the file cannot be read", e.getMessage(), e);
  }

  /** The most characters a row may hold: longer is refused before it is parsed (a runaway cell or a device). */
  public static final int MAX_ROW_CHARS = 1 << 20;

  /** Opens a file (UTF-8). When its header cannot be read, the file is closed before the error is thrown. */
  public static CsvInput open(Path file) {
    Reader r;
    if (Files.isDirectory(file)) {
      throw DataException.of(file.toString(), "must be a file, not a directory", null);
    }
    try {
      r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw DataException.of(file.toString(), "the file does not exist", null);
    } catch (IOException e) {
      throw unreadable(file.toString(), 0, e);
    }
    try {
      return new CsvInput(r, file.toString(), MAX_ROW_CHARS);
    } catch (RuntimeException e) {
      try {
        r.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Reads from a reader, naming it {@code source} in errors. */
  public static CsvInput of(Reader reader, String source) {
    return new CsvInput(reader, source, 0);
  }

  /** Reads CSV text, naming it {@code source} in errors. */
  public static CsvInput ofText(String text, String source) {
    return new CsvInput(new StringReader(text), source, 0);
  }

  /** The source name used in errors. */
  public String source() {
    return source;
  }

  /** The column names, in order. */
  public List<String> header() {
    return header;
  }

  /** Whether the header has this column. */
  public boolean has(String column) {
    return index.containsKey(column);
  }

  /** Fails unless the header has every one of these columns. */
  public void require(String... columns) {
    for (String c : columns) {
      if (!index.containsKey(c)) {
        throw new DataException(
            source, 1, null, "a column \"" + c + "\" is required", "columns " + String.join(", ", header));
      }
    }
  }

  /** The position of a column, or -1. */
  public int indexOf(String column) {
    Integer i = index.get(column);
    return i == null ? -1 : i;
  }

  @Override
  public Iterator<Row> iterator() {
    if (iterated) {
      throw new IllegalStateException("a CsvInput can be iterated once");
    }
    iterated = true;
    return new Iterator<>() {
      private Row next;

      @Override
      public boolean hasNext() {
        if (next != null) {
          return true;
        }
        try {
          String[] cells;
          while ((cells = rows.next()) != null) {
            rowNumber++;
            if (cells.length == 0 || (cells.length == 1 && cells[0].isBlank())) {
              continue;
            }
            if (cells.length > header.size()) {
              throw new DataException(
                  source, rowNumber, null,
                  "a row may not have more cells than the header (" + header.size() + ")",
                  cells.length + " cells");
            }
            next = new Row(cells, rowNumber);
            return true;
          }
          return false;
        } catch (IOException e) {
          throw unreadable(source, rowNumber + 1, e);
        } catch (RuntimeException e) {
          if (e instanceof CskitException) {
            throw e;
          }
          Throwable c = e.getCause();
          if (c instanceof IOException) {
            throw unreadable(source, rowNumber + 1, (IOException) c);
          }
          throw e;
        }
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }
    };
  }

  @Override
  public void close() {
    try {
      rows.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One data row. Cells past the end of a short row read as empty. */
  public final class Row {
    private final String[] cells;
    private final long number;

    Row(String[] cells, long number) {
      this.cells = cells;
      this.number = number;
    }

    /** The row number (a line of the file, the header being row 1). */
    public long number() {
      return number;
    }

    /** How many cells the row has as written (fewer than the header's for a short row, never more). */
    public int size() {
      return cells.length;
    }

    /** The trimmed text of a cell; empty when the row is short or the column is absent. */
    public String text(String column) {
      return text(indexOf(column));
    }

    /** The trimmed text of the cell at a position; empty when the row is short. */
    public String text(int position) {
      if (position < 0 || position >= cells.length || cells[position] == null) {
        return "";
      }
      return cells[position].trim();
    }

    /** A cell that must not be empty. */
    public String required(String column) {
      String t = text(column);
      if (t.isEmpty()) {
        throw error(column, "must not be empty", null);
      }
      return t;
    }

    /** A number ({@link Cells#number}); an empty cell is NaN (missing). */
    public double number(String column) {
      return number(indexOf(column), column);
    }

    /** A number at a position; an empty cell is NaN (missing). */
    public double number(int position, String column) {
      String t = text(position);
      if (t.isEmpty()) {
        return Double.NaN;
      }
      return parseNumber(t, column);
    }

    /** A number that must be present. */
    public double requiredNumber(String column) {
      String t = required(column);
      return parseNumber(t, column);
    }

    private double parseNumber(String t, String column) {
      try {
        return Cells.number(t);
      } catch (ArgumentException e) {
        throw error(column, e.rule(), CskitException.quote(t));
      }
    }

    /** A whole number that must be present ({@link Cells#wholeNumber}). */
    public long requiredLong(String column) {
      return requiredLong(indexOf(column), column);
    }

    /** A whole number at a position that must be present; errors name {@code column}. */
    public long requiredLong(int position, String column) {
      String t = text(position);
      if (t.isEmpty()) {
        throw error(column, "must not be empty", null);
      }
      try {
        return Cells.wholeNumber(t);
      } catch (ArgumentException e) {
        throw error(column, e.rule(), CskitException.quote(t));
      }
    }

    /** A date (YYYY-MM-DD, {@link Cells#date}), or null when the cell is empty. */
    public LocalDate date(String column) {
      return date(indexOf(column), column);
    }

    /** A date at a position, or null when the cell is empty; errors name {@code column}. */
    public LocalDate date(int position, String column) {
      String t = text(position);
      if (t.isEmpty()) {
        return null;
      }
      try {
        return Cells.date(t);
      } catch (ArgumentException e) {
        throw error(column, e.rule(), CskitException.quote(t));
      }
    }

    /**
     * An instant ({@link Cells#instant}): ISO-8601 with an offset ({@code 2026-03-01T10:15:00Z}), a local
     * date-time taken as UTC, or a date taken as its start in UTC. Null when the cell is empty.
     */
    public Instant instant(String column) {
      String t = text(column);
      if (t.isEmpty()) {
        return null;
      }
      try {
        return Cells.instant(t);
      } catch (ArgumentException e) {
        throw error(column, e.rule(), CskitException.quote(t));
      }
    }

    /**
     * A date at a position as days since 1970-01-01 (see {@link Cells#epochDay}), without creating an object for
     * the common form; errors name {@code column}, and an empty cell is one.
     */
    public long epochDay(int position, String column) {
      String t = text(position);
      if (t.isEmpty()) {
        throw error(column, "must not be empty", null);
      }
      try {
        return Cells.epochDay(t);
      } catch (ArgumentException e) {
        throw error(column, e.rule(), CskitException.quote(t));
      }
    }

    /**
     * The whole epoch second of a timestamp cell at a position ({@link Cells#epochSecond}); the cell must
     * not be empty.
     */
    public long epochSecond(int position, String column) {
      String t = text(position);
      if (t.isEmpty()) {
        throw error(column, "must not be empty", null);
      }
      try {
        return Cells.epochSecond(t);
      } catch (ArgumentException e) {
        throw error(column, e.rule(), CskitException.quote(t));
      }
    }

    /** Every cell whose column is not in {@code except}, as column -> text, in header order. */
    public Map<String, String> others(Set<String> except) {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i);
        if (!except.contains(name)) {
          out.put(name, text(i));
        }
      }
      return out;
    }

    /** An error at this row and column. */
    public DataException error(String column, String rule, String found) {
      return new DataException(source, number, column, rule, found);
    }
  }
}
