package dev.cskit.core;

/**
 * Bad data: a cell, row or record that breaks a rule. Names the source (a file name or a description of
 * the Java input), the row (a line of the file, the header being row 1; 0 when unknown) and the column.
 */
public class DataException extends CskitException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long row;
  private final String column;

  public DataException(String source, long row, String column, String rule, String found) {
    this(source, row, column, rule, found, null);
  }

  public DataException(
      String source, long row, String column, String rule, String found, Throwable cause) {
    super(where(source, row, column), rule, found, cause);
    this.source = source;
    this.row = row;
    this.column = column;
  }

  /** An error about a whole source, with no row or column. */
  public static DataException of(String source, String rule, String found) {
    return new DataException(source, 0, null, rule, found);
  }

  public String source() {
    return source;
  }

  /** The row (line of the file, header = 1), or 0 when unknown. */
  public long row() {
    return row;
  }

  /** The column, or null. */
  public String column() {
    return column;
  }

  private static String where(String source, long row, String column) {
    StringBuilder sb = new StringBuilder(source == null ? "input" : source);
    if (row > 0) {
      sb.append(", row ").append(row);
    }
    if (column != null) {
      sb.append(", column \"").append(column).append('"');
    }
    return sb.toString();
  }
}
