package dev.cskit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricTableTest {
  private static MetricTable read(String csv) {
    return MetricTable.readCsv(new StringReader(csv), "metrics.csv");
  }

  @Test
  void readsColumnsWithMissingCells() {
    MetricTable t = read("account_id,logins,seats\na1,3,10\na2,,4\na3,1.5,\n");
    assertEquals(3, t.rowCount());
    assertEquals(List.of("logins", "seats"), t.metrics());
    assertArrayEquals(new double[] {3, Double.NaN, 1.5}, t.column("logins"));
    assertTrue(Double.isNaN(t.value(2, "seats")));
    assertEquals(Map.of("logins", 3.0, "seats", 10.0), t.row(AccountId.of("a1")).asMap());
    assertEquals(1, t.rowOf(AccountId.of("a2")));
    assertEquals(-1, t.rowOf(AccountId.of("zz")));
  }

  /** A row cut short would read as missing values without a word: an error naming the row (issue 18). */
  @Test
  void aShortRowIsAnErrorNamingTheRow() {
    DataException e = assertThrows(DataException.class, () -> read("account_id,logins,seats\na1,3,10\na2,4\n"));
    assertEquals("metrics.csv, row 3: a row must have a cell for every column of the header (3; leave a cell"
        + " empty for a missing value); found 2 cells", e.getMessage());
    assertEquals(2, read("account_id,logins,seats\na1,3,10\na2,4,\n").rowCount());
  }

  @Test
  void columnsAreCopies() {
    MetricTable t = read("account_id,x\na,1\n");
    t.column("x")[0] = 99;
    assertEquals(1, t.value(0, "x"));
  }

  @Test
  void writesWhatItReads(@TempDir Path dir) throws Exception {
    MetricTable t = MetricTable.builder("x", "y").addRow("a", 1, Double.NaN).addRow("b,c", 0.125, -2e-7).build();
    Path file = dir.resolve("t.csv");
    t.writeCsv(file);
    assertEquals("account_id,x,y\na,1,\n\"b,c\",0.125,-2.0E-7\n", Files.readString(file));
    assertEquals(t, MetricTable.readCsv(file));
  }

  @Test
  void joinsByAccount() {
    MetricTable a = MetricTable.builder("x").addRow("a", 1).addRow("b", 2).build();
    MetricTable b = MetricTable.builder("y").addRow("b", 20).build();
    MetricTable j = a.join(b);
    assertEquals(List.of("x", "y"), j.metrics());
    assertTrue(Double.isNaN(j.value(0, "y")));
    assertEquals(20, j.value(1, "y"));
    assertEquals(List.of("y"), j.select("y").metrics());
    assertEquals(7, j.withColumn("z", new double[] {7, 8}).value(0, "z"));
  }

  @Test
  void aNonNumericCellNamesRowAndColumn() {
    DataException e = assertThrows(DataException.class, () -> read("account_id,logins\na1,3\na2,abc\n"));
    assertEquals("metrics.csv, row 3, column \"logins\": must be a number in full (such as 12, -0.5 or 1e3; leave the cell empty for a missing value); found \"abc\"", e.getMessage());
    assertEquals(3, e.row());
    assertEquals("logins", e.column());
  }

  @Test
  void theFirstColumnMustBeAccountId() {
    DataException e = assertThrows(DataException.class, () -> read("id,logins\na1,3\n"));
    assertEquals("metrics.csv, row 1: the first column must be \"account_id\"; found \"id\"", e.getMessage());
  }

  @Test
  void aDuplicatedAccountIsAnError() {
    DataException e = assertThrows(DataException.class, () -> read("account_id,x\na1,1\na2,2\na1,3\n"));
    assertEquals(
        "metrics.csv, row 4, column \"account_id\": each account may appear once; found \"a1\" again (first at row 2)",
        e.getMessage());
  }

  @Test
  void aRowLongerThanTheHeaderIsAnError() {
    DataException e = assertThrows(DataException.class, () -> read("account_id,x\na1,1,2\n"));
    assertEquals("metrics.csv, row 2: a row may not have more cells than the header (2); found 3 cells",
        e.getMessage());
  }

  @Test
  void duplicatedMetricNamesAreAnError() {
    DataException e = assertThrows(DataException.class, () -> read("account_id,x,x\na1,1,2\n"));
    assertTrue(e.getMessage().contains("column names must be unique"), e.getMessage());
  }

  @Test
  void toStringIsATable() {
    String s = MetricTable.builder("logins").addRow("a", 3).addRow("b", Double.NaN).build().toString();
    assertEquals("MetricTable 2 accounts x 1 metrics\naccount_id  logins\n------------------\na                3\nb                -\n", s);
  }

  @Test
  void emptyCsvIsAnError() {
    DataException e = assertThrows(DataException.class, () -> read(""));
    assertEquals("metrics.csv: the file is empty: a header row is required", e.getMessage());
  }

  @Test
  void aBuiltTableDoesNotChangeWhenItsBuilderIsUsedAgain() {
    MetricTable.Builder b = MetricTable.builder().addRow("a");
    MetricTable t = b.build();
    assertThrows(IllegalStateException.class, () -> b.addRow("b"));
    assertEquals(-1, t.rowOf(AccountId.of("b")));
    assertEquals(1, t.rowCount());
  }

  @Test
  void everyWayToATableKeepsMetricNamesUnique() {
    MetricTable t = MetricTable.builder("x", "y").addRow("a", 1, 2).build();
    DataException e = assertThrows(DataException.class, () -> t.select("x", "x"));
    assertEquals("metric table: metric names must be unique; found \"x\"", e.getMessage());
    DataException w = assertThrows(DataException.class, () -> t.withColumn("y", new double[] {3}));
    assertEquals("metric table: metric names must be unique; found \"y\"", w.getMessage());
  }

  @Test
  void writeCsvToWriter() {
    StringWriter w = new StringWriter();
    MetricTable.builder("x").addRow("a", 2.5).build().writeCsv(w);
    assertEquals("account_id,x\na,2.5\n", w.toString());
  }
}
