package dev.cskit.touchmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cskit.core.MetricTable;
import dev.cskit.core.io.CsvInput;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Standardised log(1 + x) and Lloyd's iterations against scikit-learn (StandardScaler, KMeans with the same
 * starting centres): src/test/resources/reference/kmeans.py.
 */
class KMeansReferenceTest {
  private static Path resource(String name) throws Exception {
    return Path.of(KMeansReferenceTest.class.getResource("/reference/" + name).toURI());
  }

  @Test
  void matchesScikitLearn() throws Exception {
    MetricTable t = MetricTable.readCsv(resource("kmeans_data.csv"));
    int n = t.rowCount();
    double[][] x = new double[n][3];
    String[] cols = {"a", "b", "c"};
    for (int j = 0; j < 3; j++) {
      double[] c = t.column(cols[j]);
      for (int i = 0; i < n; i++) {
        x[i][j] = c[i];
      }
    }
    double[][] z = KMeans.standardise(x);
    int cases = 0;
    try (CsvInput in = CsvInput.open(resource("kmeans_expected.csv"))) {
      for (CsvInput.Row r : in) {
        int[] rows = Arrays.stream(r.required("start_rows").split(";")).mapToInt(Integer::parseInt).toArray();
        double[][] start = new double[rows.length][];
        for (int c = 0; c < rows.length; c++) {
          start[c] = z[rows[c]];
        }
        KMeans.Clustering k = KMeans.lloyd(z, start, 1000);
        int[] expected = Arrays.stream(r.required("labels").split(";")).mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(expected, k.labels(), "k=" + rows.length);
        double inertia = r.requiredNumber("inertia");
        assertEquals(inertia, k.inertia(), 1e-9 * inertia, "k=" + rows.length);
        cases++;
      }
    }
    assertEquals(3, cases);
  }
}
