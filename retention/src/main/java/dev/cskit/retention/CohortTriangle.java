package dev.cskit.retention;

import dev.cskit.core.io.TextTable;
import java.util.List;

/**
 * Logo and revenue retention by group (start month, or an account attribute) and months since each
 * account's start (its first month with MRR). A returning account stays in its first cohort.
 *
 * @param dimension what groups the rows: {@code start month} or an attribute name
 * @param cohorts the rows, in order of group
 */
public record CohortTriangle(String dimension, List<Cohort> cohorts) {
  /** Copies the rows. */
  public CohortTriangle {
    cohorts = List.copyOf(cohorts);
  }

  /** The longest row's number of cells. */
  public int width() {
    int w = 0;
    for (Cohort c : cohorts) {
      w = Math.max(w, c.cells().size());
    }
    return w;
  }

  /** One metric as a text table: {@code logo} or {@code revenue} retention, as percentages. */
  public String table(boolean revenue, int maxMonths) {
    int w = Math.min(width(), maxMonths + 1);
    String[] header = new String[w + 2];
    header[0] = dimension;
    header[1] = "accounts";
    for (int k = 0; k < w; k++) {
      header[k + 2] = "m" + k;
    }
    TextTable t = TextTable.withHeader(header);
    for (Cohort c : cohorts) {
      Object[] row = new Object[w + 2];
      row[0] = c.group();
      row[1] = c.accounts();
      for (int k = 0; k < w; k++) {
        if (k < c.cells().size()) {
          CohortCell cell = c.cells().get(k);
          double v = revenue ? cell.revenueRetention() : cell.logoRetention();
          row[k + 2] = Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * v);
        } else {
          row[k + 2] = "";
        }
      }
      t.row(row);
    }
    return t.toString();
  }

  /** Logo then revenue retention, up to 12 months since start. */
  @Override
  public String toString() {
    return "Logo retention\n" + table(false, 12) + "Revenue retention\n" + table(true, 12);
  }
}
