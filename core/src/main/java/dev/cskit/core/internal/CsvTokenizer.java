package dev.cskit.core.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A hand-written CSV tokenizer (RFC 4180 with the leniencies of Jackson's CSV parser as {@code CsvInput} has
 * always configured it: {@code WRAP_AS_ARRAY}, {@code TRIM_SPACES}, separator {@code ,}, quote {@code "}, no
 * escape character), returning each record as a {@code String[]} with no other object per row.
 *
 * <p>The rules, cell by cell, as Jackson applies them:
 * <ul>
 *   <li>a record ends at {@code \n}, {@code \r} or {@code \r\n}, or at the end of the input; a record starts
 *       wherever input remains after the end of the previous one (so a blank line is a record of one empty
 *       cell, and a file ending in a line break has no empty last record);
 *   <li>characters up to {@code ' '} (other than the line breaks) before a cell are skipped;
 *   <li>an unquoted cell runs to the next {@code ,} or line break; characters up to {@code ' '} at its end are
 *       dropped; a {@code "} inside it is an ordinary character;
 *   <li>a quoted cell runs to the next {@code "} that is not doubled ({@code ""} is one quote); line breaks
 *       and commas inside are kept as they are; after the closing quote only characters up to {@code ' '} may
 *       come before the {@code ,} or line break; the end of input inside quotes is an error.
 * </ul>
 * Errors are {@link SyntaxError}s whose message is the text Jackson gives for the same input, and, when a row
 * bound is set, a {@link RowTooLong} as soon as more than that many characters have been read without a
 * {@code \n} (counted on the text as it is read in blocks, not as it is parsed).
 *
 * <p>Not thread-safe: one tokenizer reads one source.
 */
public final class CsvTokenizer implements Closeable {
  private static final int DEFAULT_BUFFER = 1 << 16;

  /** A CSV syntax error; the message is Jackson's for the same input. */
  public static final class SyntaxError extends IOException {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message);
    }
  }

  /** More characters than the row bound without a line feed. */
  public static final class RowTooLong extends IOException {
    private static final long serialVersionUID = 1L;

    RowTooLong() {
      super("row too long");
    }
  }

  private final Reader in;
  private final int maxRowChars;
  private char[] buf;
  private int pos;
  private int end;
  private boolean eof;
  private long run; // characters read since the last '\n' (for the row bound)
  private String[] cells = new String[16];
  private char[] scratch = new char[256];

  /** A tokenizer over a reader, with no row bound. */
  public CsvTokenizer(Reader in) {
    this(in, 0, DEFAULT_BUFFER);
  }

  /**
   * A tokenizer over a reader.
   *
   * @param maxRowChars the most characters that may be read without a {@code \n} ({@code 0}: no bound)
   * @param bufferSize the characters read at a time (small values only in tests)
   */
  public CsvTokenizer(Reader in, int maxRowChars, int bufferSize) {
    this.in = in;
    this.maxRowChars = maxRowChars;
    this.buf = new char[Math.max(1, bufferSize)];
  }

  /** Reads another block; false at the end of input. Keeps nothing before {@code pos}. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      pos = 0;
      end = 0;
      return false;
    }
    if (maxRowChars > 0) {
      bound(n);
    }
    pos = 0;
    end = n;
    return true;
  }

  private void bound(int n) throws IOException {
    int first = -1;
    for (int i = 0; i < n; i++) {
      if (buf[i] == '\n') {
        first = i;
        break;
      }
    }
    if (first < 0) {
      run += n;
      if (run > maxRowChars) {
        throw new RowTooLong();
      }
      return;
    }
    if (run + first > maxRowChars) {
      throw new RowTooLong();
    }
    int last = n - 1;
    while (buf[last] != '\n') {
      last--;
    }
    // between two line feeds of one block: at most the block's length (checked when the block is larger)
    if (n > maxRowChars) {
      int prev = first;
      for (int i = first + 1; i <= last; i++) {
        if (buf[i] == '\n') {
          if (i - prev - 1 > maxRowChars) {
            throw new RowTooLong();
          }
          prev = i;
        }
      }
    }
    run = n - last - 1L;
  }

  /**
   * The next record's cells (a new array each time), or null at the end of input.
   *
   * @throws SyntaxError on a quoted cell left open or followed by other text
   * @throws IOException when the reader fails (or the row bound is passed: {@link RowTooLong})
   */
  public String[] next() throws IOException {
    if (pos >= end && !fill()) {
      return null;
    }
    int count = 0;
    while (true) {
      // skip leading blanks (characters up to ' ', not line breaks)
      int c;
      while (true) {
        if (pos >= end && !fill()) {
          c = -1;
          break;
        }
        c = buf[pos];
        if (c > ' ' || c == '\r' || c == '\n') {
          break;
        }
        pos++;
      }
      if (c < 0) {
        add(count++, "");
        return finish(count);
      }
      if (c == '\r' || c == '\n') {
        pos++;
        lineBreak(c);
        add(count++, "");
        return finish(count);
      }
      if (c == ',') {
        pos++;
        add(count++, "");
        continue;
      }
      if (c == '"') {
        pos++;
        add(count++, quoted());
        // after the closing quote: blanks, then a separator, a line break or the end
        while (true) {
          if (pos >= end && !fill()) {
            return finish(count);
          }
          char d = buf[pos++];
          if (d == ',') {
            break;
          }
          if (d <= ' ') {
            if (d == '\r' || d == '\n') {
              lineBreak(d);
              return finish(count);
            }
            continue;
          }
          throw new SyntaxError("Unexpected character (" + describe(d)
              + "): Expected column separator character (',' (code 44)) or end-of-line");
        }
        continue;
      }
      // unquoted: up to a separator, a line break or the end
      int start = pos;
      int stop = -1;
      int len = 0; // chars copied to scratch when the cell crosses blocks
      boolean crossed = false;
      int ended; // what ended it: ',', '\r', '\n' or -1
      while (true) {
        int i = pos;
        int e = end;
        char[] b = buf;
        while (i < e) {
          char d = b[i];
          if (d == ',' || d == '\n' || d == '\r') {
            break;
          }
          i++;
        }
        if (i < e) {
          stop = i;
          ended = b[i];
          pos = i + 1;
          break;
        }
        // the block ends inside the cell: keep what we have
        crossed = true;
        len = copy(start, e, len);
        pos = e;
        if (!fill()) {
          ended = -1;
          break;
        }
        start = 0;
      }
      String cell;
      if (!crossed) {
        int s = stop;
        while (s > start && buf[s - 1] <= ' ') {
          s--;
        }
        cell = new String(buf, start, s - start);
      } else {
        if (ended >= 0) {
          len = copy(start, stop, len);
        }
        while (len > 0 && scratch[len - 1] <= ' ') {
          len--;
        }
        cell = new String(scratch, 0, len);
      }
      add(count++, cell);
      if (ended == ',') {
        continue;
      }
      if (ended >= 0) {
        lineBreak((char) ended);
      }
      return finish(count);
    }
  }

  /** After a '\r' or '\n' consumed at {@code pos - 1}: a '\r' takes a following '\n' with it. */
  private void lineBreak(int c) throws IOException {
    if (c == '\r' && (pos < end || fill()) && buf[pos] == '\n') {
      pos++;
    }
  }

  /** A quoted cell's text, the opening quote consumed; leaves {@code pos} after the closing quote. */
  private String quoted() throws IOException {
    int len = 0;
    int start = pos;
    while (true) {
      int i = start;
      int e = end;
      char[] b = buf;
      while (i < e && b[i] != '"') {
        i++;
      }
      if (i < e) {
        // a quote: doubled (one quote of the text) or the end
        boolean simple = len == 0 && start == pos;
        pos = i + 1;
        if (pos >= end) {
          len = copy(start, i, len);
          if (!fill()) {
            return new String(scratch, 0, len);
          }
          if (buf[pos] == '"') {
            pos++;
            len = append('"', len);
            start = pos;
            continue;
          }
          return new String(scratch, 0, len);
        }
        if (buf[pos] == '"') {
          len = copy(start, i + 1, len); // the text and one quote
          pos++;
          start = pos;
          continue;
        }
        if (simple) {
          return new String(b, start, i - start);
        }
        len = copy(start, i, len);
        return new String(scratch, 0, len);
      }
      len = copy(start, e, len);
      pos = e;
      if (!fill()) {
        throw new SyntaxError("Missing closing quote for value");
      }
      start = 0;
    }
  }

  private int copy(int from, int to, int len) {
    int n = to - from;
    if (n <= 0) {
      return len;
    }
    if (len + n > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, len + n));
    }
    System.arraycopy(buf, from, scratch, len, n);
    return len + n;
  }

  private int append(char c, int len) {
    if (len == scratch.length) {
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[len] = c;
    return len + 1;
  }

  private void add(int i, String cell) {
    if (i == cells.length) {
      cells = Arrays.copyOf(cells, cells.length * 2);
    }
    cells[i] = cell;
  }

  private String[] finish(int count) {
    return Arrays.copyOf(cells, count);
  }

  /** A character as Jackson names it in an error. */
  private static String describe(char c) {
    if (Character.isISOControl(c)) {
      return "(CTRL-CHAR, code " + (int) c + ")";
    }
    if (c > 255) {
      return "'" + c + "' (code " + (int) c + " / 0x" + Integer.toHexString(c) + ")";
    }
    return "'" + c + "' (code " + (int) c + ")";
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
