package dev.cskit.retention;

import dev.cskit.core.io.TextTable;
import java.util.List;

/**
 * Churn and retention rates per period, with the number of accounts each rests on.
 *
 * @param period the periods of the rows
 * @param rows the periods, oldest first
 */
public record Rates(ReportPeriod period, List<RateRow> rows) {
  /** Copies the rows. */
  public Rates {
    rows = List.copyOf(rows);
  }

  /** The rows of the last {@code n} periods. */
  public Rates last(int n) {
    return new Rates(period, rows.subList(Math.max(0, rows.size() - n), rows.size()));
  }

  /** The rates as a text table (fractions, e.g. 0.0213 for 2.13%). */
  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("period", "accounts", "logo churn", "gross MRR churn", "net MRR churn",
        "quick ratio", "expansion share", "GRR", "NRR", "accounts 12m", "GRR 12m", "NRR 12m");
    for (RateRow r : rows) {
      t.row(r.label(), r.startingAccounts(), r.logoChurn(), r.grossMrrChurn(), r.netMrrChurn(), r.quickRatio(),
          r.expansionShare(), r.grr(), r.nrr(), r.accounts12(), r.grr12(), r.nrr12());
    }
    return t.toString();
  }
}
