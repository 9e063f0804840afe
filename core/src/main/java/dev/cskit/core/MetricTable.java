package dev.cskit.core;

import dev.cskit.core.internal.TableAccess;
import dev.cskit.core.io.TextTable;
import dev.cskit.core.io.CsvInput;
import dev.cskit.core.io.CsvOutput;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, columnar table of accounts by named numeric metrics: one {@code double[]} per metric, one
 * row per account, {@code NaN} meaning missing.
 *
 * <p>Built with {@link #builder(String...)}, read from CSV with {@link #readCsv(Path)} (first column
 * {@code account_id}, one column per metric, an empty cell is missing), written back with
 * {@link #writeCsv(Path)}. Column access by name ({@link #column(String)} returns a copy); a row view
 * ({@link #row(int)}). Thread-safe: nothing in it ever changes.
 */
public final class MetricTable {
  /** The name of the id column in CSV. */
  public static final String ACCOUNT_ID = "account_id";

  static {
    TableAccess.register((table, index) -> table.columns[index]);
  }

  private final AccountId[] ids;
  private final String[] metrics;
  private final double[][] columns;
  private final Map<AccountId, Integer> rowIndex;
  private final Map<String, Integer> metricIndex;

  private MetricTable(AccountId[] ids, String[] metrics, double[][] columns, Map<AccountId, Integer> rowIndex) {
    this.ids = ids;
    this.metrics = metrics;
    this.columns = columns;
    this.rowIndex = rowIndex;
    Map<String, Integer> mi = new HashMap<>();
    for (int i = 0; i < metrics.length; i++) {
      if (mi.put(metrics[i], i) != null) {
        throw DataException.of("metric table", "metric names must be unique", CskitException.quote(metrics[i]));
      }
    }
    this.metricIndex = mi;
  }

  /** A builder for a table with these metric columns, in this order. */
  public static Builder builder(String... metrics) {
    return new Builder(Arrays.asList(metrics));
  }

  /** A builder for a table with these metric columns, in this order. */
  public static Builder builder(List<String> metrics) {
    return new Builder(metrics);
  }

  /** The number of rows (accounts). */
  public int rowCount() {
    return ids.length;
  }

  /** The metric names, in column order. */
  public List<String> metrics() {
    return Collections.unmodifiableList(Arrays.asList(metrics));
  }

  /** Whether the table has this metric. */
  public boolean hasMetric(String metric) {
    return metricIndex.containsKey(metric);
  }

  /** The column position of a metric, or -1. */
  public int indexOfMetric(String metric) {
    Integer i = metricIndex.get(metric);
    return i == null ? -1 : i;
  }

  /** The account of a row. */
  public AccountId accountId(int row) {
    return ids[row];
  }

  /** The accounts, in row order. */
  public List<AccountId> accountIds() {
    return Collections.unmodifiableList(Arrays.asList(ids));
  }

  /** The row of an account, or -1. */
  public int rowOf(AccountId id) {
    Integer r = rowIndex.get(id);
    return r == null ? -1 : r;
  }

  /** The value at a row and metric; NaN when missing. */
  public double value(int row, String metric) {
    return columns[requireMetric(metric)][row];
  }

  /** A copy of a metric's column. */
  public double[] column(String metric) {
    return columns[requireMetric(metric)].clone();
  }

  private int requireMetric(String metric) {
    Integer i = metricIndex.get(metric);
    if (i == null) {
      throw DataException.of(
          "metric table", "no metric \"" + metric + "\" (metrics: " + String.join(", ", metrics) + ")", null);
    }
    return i;
  }

  /** A view of one row. */
  public Row row(int row) {
    Objects.checkIndex(row, ids.length);
    return new Row(row);
  }

  /** A view of an account's row. */
  public Row row(AccountId id) {
    int r = rowOf(id);
    if (r < 0) {
      throw DataException.of("metric table", "no account \"" + id + "\"", null);
    }
    return new Row(r);
  }

  /**
   * This table with the columns of {@code other} added, matched by account id; accounts missing from
   * {@code other} get NaN. A metric present in both is an error.
   */
  public MetricTable join(MetricTable other) {
    List<String> names = new ArrayList<>(Arrays.asList(metrics));
    double[][] cols = Arrays.copyOf(columns, metrics.length + other.metrics.length);
    int[] otherRow = new int[ids.length];
    for (int r = 0; r < ids.length; r++) {
      otherRow[r] = other.rowOf(ids[r]);
    }
    for (int j = 0; j < other.metrics.length; j++) {
      String m = other.metrics[j];
      if (metricIndex.containsKey(m)) {
        throw DataException.of("metric table join", "metric names must be unique", CskitException.quote(m));
      }
      names.add(m);
      double[] col = new double[ids.length];
      for (int r = 0; r < ids.length; r++) {
        int o = otherRow[r];
        col[r] = o < 0 ? Double.NaN : other.columns[j][o];
      }
      cols[metrics.length + j] = col;
    }
    return new MetricTable(ids, names.toArray(new String[0]), cols, rowIndex);
  }

  /** This table with one more column (a copy of {@code values}, in row order). */
  public MetricTable withColumn(String metric, double[] values) {
    if (values.length != ids.length) {
      throw new ArgumentException("values",
          "column " + metric + " needs one value for each of the " + ids.length + " rows", values.length + " values");
    }
    String[] names = Arrays.copyOf(metrics, metrics.length + 1);
    names[metrics.length] = metric;
    double[][] cols = Arrays.copyOf(columns, metrics.length + 1);
    cols[metrics.length] = values.clone();
    return new MetricTable(ids, names, cols, rowIndex);
  }

  /** This table with only the given metrics, in the given order; each may be chosen once. */
  public MetricTable select(String... chosen) {
    double[][] cols = new double[chosen.length][];
    for (int i = 0; i < chosen.length; i++) {
      cols[i] = columns[requireMetric(chosen[i])];
    }
    return new MetricTable(ids, chosen.clone(), cols, rowIndex);
  }

  // ---------------------------------------------------------------- CSV

  /** Reads a table from a CSV file: first column {@code account_id}, one column per metric. */
  public static MetricTable readCsv(Path file) {
    try (CsvInput in = CsvInput.open(file)) {
      return read(in);
    }
  }

  /** Reads a table from CSV text, naming it {@code source} in errors. */
  public static MetricTable readCsv(Reader reader, String source) {
    try (CsvInput in = CsvInput.of(reader, source)) {
      return read(in);
    }
  }

  private static MetricTable read(CsvInput in) {
    List<String> header = in.header();
    if (header.isEmpty() || !header.get(0).equals(ACCOUNT_ID)) {
      throw new DataException(
          in.source(), 1, null, "the first column must be \"" + ACCOUNT_ID + "\"",
          header.isEmpty() ? "no columns" : CskitException.quote(header.get(0)));
    }
    Builder b = new Builder(header.subList(1, header.size()));
    b.source = in.source();
    int width = header.size() - 1;
    double[] values = new double[width];
    for (CsvInput.Row row : in) {
      String id = row.text(0);
      if (id.isEmpty()) {
        throw row.error(ACCOUNT_ID, "must not be empty", null);
      }
      if (row.size() < header.size()) {
        // a short row would silently read as missing values: an empty cell says so, a missing one is an error
        throw new DataException(in.source(), row.number(), null, "a row must have a cell for every column of the"
            + " header (" + header.size() + "; leave a cell empty for a missing value)", row.size() + " cells");
      }
      for (int j = 0; j < width; j++) {
        values[j] = row.number(j + 1, header.get(j + 1));
      }
      b.addRow(AccountId.of(id), values, row.number());
    }
    return b.build();
  }

  /** Writes the table as CSV to a file. */
  public void writeCsv(Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeCsv(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the table as CSV: {@code account_id} then the metrics; NaN as an empty cell. */
  public void writeCsv(Writer writer) {
    CsvOutput out = new CsvOutput(writer);
    String[] cells = new String[metrics.length + 1];
    cells[0] = ACCOUNT_ID;
    System.arraycopy(metrics, 0, cells, 1, metrics.length);
    out.row(cells);
    for (int r = 0; r < ids.length; r++) {
      cells[0] = ids[r].value();
      for (int j = 0; j < metrics.length; j++) {
        cells[j + 1] = CsvOutput.number(columns[j][r]);
      }
      out.row(cells);
    }
    out.flush();
  }

  /** The table as CSV text. */
  public String toCsv() {
    StringWriter w = new StringWriter();
    writeCsv(w);
    return w.toString();
  }

  // ---------------------------------------------------------------- values

  /** Equal when the ids, metric names and every value are the same (NaN equals NaN). */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MetricTable)) {
      return false;
    }
    MetricTable t = (MetricTable) o;
    return Arrays.equals(ids, t.ids) && Arrays.equals(metrics, t.metrics) && Arrays.deepEquals(columns, t.columns);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ids) + Arrays.deepHashCode(columns);
  }

  /** A text table of the first 20 rows. */
  @Override
  public String toString() {
    int shown = Math.min(20, ids.length);
    List<String[]> rows = new ArrayList<>();
    String[] head = new String[metrics.length + 1];
    head[0] = ACCOUNT_ID;
    System.arraycopy(metrics, 0, head, 1, metrics.length);
    rows.add(head);
    for (int r = 0; r < shown; r++) {
      String[] cells = new String[metrics.length + 1];
      cells[0] = ids[r].value();
      for (int j = 0; j < metrics.length; j++) {
        cells[j + 1] = TextTable.number(columns[j][r]);
      }
      rows.add(cells);
    }
    String table = TextTable.render(rows);
    return String.format(Locale.ROOT, "MetricTable %d accounts x %d metrics%n%s%s", ids.length, metrics.length,
        table, ids.length > shown ? "... " + (ids.length - shown) + " more rows\n" : "");
  }

  /** A read-only view of one row. */
  public final class Row {
    private final int row;

    Row(int row) {
      this.row = row;
    }

    public int index() {
      return row;
    }

    public AccountId accountId() {
      return ids[row];
    }

    /** The value of a metric; NaN when missing. */
    public double get(String metric) {
      return columns[requireMetric(metric)][row];
    }

    /** The value of the metric at a column position. */
    public double get(int column) {
      return columns[column][row];
    }

    /** The row as metric -> value, in column order (NaN kept). */
    public Map<String, Double> asMap() {
      Map<String, Double> m = new LinkedHashMap<>();
      for (int j = 0; j < metrics.length; j++) {
        m.put(metrics[j], columns[j][row]);
      }
      return m;
    }

    @Override
    public String toString() {
      return ids[row] + " " + asMap();
    }
  }

  /** Builds a {@link MetricTable} row by row or column by column. Not thread-safe. */
  public static final class Builder {
    private final String[] metrics;
    private final List<AccountId> ids = new ArrayList<>();
    private final Map<AccountId, Integer> rowIndex = new HashMap<>();
    private double[][] columns;
    private String source = "metric table";

    Builder(List<String> metrics) {
      this.metrics = metrics.toArray(new String[0]);
      Map<String, Boolean> seen = new HashMap<>();
      for (String m : this.metrics) {
        if (m == null || m.isBlank()) {
          throw DataException.of(source, "metric names must not be blank", null);
        }
        if (m.equals(ACCOUNT_ID)) {
          throw DataException.of(source, "\"" + ACCOUNT_ID + "\" is the id column, not a metric", null);
        }
        if (seen.put(m, Boolean.TRUE) != null) {
          throw new DataException(source, 1, m, "metric names must be unique", "it twice");
        }
      }
      this.columns = new double[this.metrics.length][16];
    }

    /** Names the source in error messages (a file name, say). */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /** Adds a row: one value per metric, in the builder's metric order; NaN for missing. */
    public Builder addRow(String accountId, double... values) {
      return addRow(AccountId.of(accountId), values);
    }

    /** Adds a row: one value per metric, in the builder's metric order; NaN for missing. */
    public Builder addRow(AccountId id, double... values) {
      return addRow(id, values, 0);
    }

    /** Adds a row from a map of metric -> value; metrics not in the map are missing. */
    public Builder addRow(AccountId id, Map<String, ? extends Number> values) {
      double[] row = new double[metrics.length];
      Arrays.fill(row, Double.NaN);
      for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
        int j = Arrays.asList(metrics).indexOf(e.getKey());
        if (j < 0) {
          throw new DataException(source, ids.size() + 2, e.getKey(), "is not a metric of this table", null);
        }
        row[j] = e.getValue() == null ? Double.NaN : e.getValue().doubleValue();
      }
      return addRow(id, row, 0);
    }

    Builder addRow(AccountId id, double[] values, long rowNumber) {
      if (columns == null) {
        throw new IllegalStateException("the table is built: a builder cannot add rows after build()");
      }
      long where = rowNumber > 0 ? rowNumber : ids.size() + 2;
      if (values.length != metrics.length) {
        throw new DataException(source, where, null,
            "a row needs one value per metric (" + metrics.length + ")", values.length + " values");
      }
      Integer previous = rowIndex.putIfAbsent(id, ids.size());
      if (previous != null) {
        throw new DataException(source, where, ACCOUNT_ID, "each account may appear once",
            CskitException.quote(id.value()) + " again (first at row " + (previous + 2) + ")");
      }
      for (int j = 0; j < values.length; j++) {
        if (Double.isInfinite(values[j])) {
          throw new DataException(source, where, metrics[j], "must be a finite number or missing", String.valueOf(values[j]));
        }
      }
      int r = ids.size();
      ids.add(id);
      if (metrics.length > 0 && r == columns[0].length) {
        grow(r + 1);
      }
      for (int j = 0; j < metrics.length; j++) {
        columns[j][r] = values[j];
      }
      return this;
    }

    private void grow(int needed) {
      for (int j = 0; j < columns.length; j++) {
        if (columns[j].length < needed) {
          columns[j] = Arrays.copyOf(columns[j], Math.max(needed, columns[j].length * 2));
        }
      }
    }

    /**
     * The table. The builder may not be used after: the table keeps the builder's account index, so
     * {@code addRow} then fails rather than change a built table.
     */
    public MetricTable build() {
      int n = ids.size();
      double[][] cols = new double[metrics.length][];
      for (int j = 0; j < metrics.length; j++) {
        cols[j] = columns[j].length == n ? columns[j] : Arrays.copyOf(columns[j], n);
      }
      columns = null;
      return new MetricTable(ids.toArray(new AccountId[0]), metrics, cols, rowIndex);
    }
  }
}
