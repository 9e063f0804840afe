package dev.cskit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MetricTableProperties {
  @Provide
  Arbitrary<MetricTable> tables() {
    Arbitrary<Double> cell =
        Arbitraries.oneOf(
            Arbitraries.doubles().between(-1e12, 1e12),
            Arbitraries.doubles().between(-1, 1).ofScale(6),
            Arbitraries.of(Double.NaN, 0.0, -0.0, Double.MIN_VALUE, 1e-300, 123456789.123456789));
    return Arbitraries.integers().between(0, 4).flatMap(cols ->
        cell.list().ofSize(cols).list().ofMaxSize(12).map(rows -> {
          String[] names = new String[cols];
          for (int j = 0; j < cols; j++) {
            names[j] = "m" + j;
          }
          MetricTable.Builder b = MetricTable.builder(names);
          for (int r = 0; r < rows.size(); r++) {
            List<Double> row = rows.get(r);
            b.addRow("acct " + r, row.stream().mapToDouble(Double::doubleValue).toArray());
          }
          return b.build();
        }));
  }

  @Property(tries = 200)
  void writeThenReadGivesTheSameTable(@ForAll("tables") MetricTable table) {
    assertEquals(table, MetricTable.readCsv(new StringReader(table.toCsv()), "round trip"));
  }
}
