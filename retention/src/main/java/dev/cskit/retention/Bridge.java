package dev.cskit.retention;

import dev.cskit.core.io.TextTable;
import java.util.List;

/**
 * An MRR bridge: one {@link BridgeRow} per period, in order.
 *
 * @param period the periods the rows are
 * @param currency the analysis currency (may be empty)
 * @param rows the periods, oldest first
 */
public record Bridge(ReportPeriod period, String currency, List<BridgeRow> rows) {
  /** Copies the rows. */
  public Bridge {
    rows = List.copyOf(rows);
  }

  /** The rows of the last {@code n} periods (all when fewer). */
  public Bridge last(int n) {
    return new Bridge(period, currency, rows.subList(Math.max(0, rows.size() - n), rows.size()));
  }

  /** Adds several bridges of the same periods (e.g. of disjoint parts of a portfolio) row by row. */
  public static Bridge sum(List<Bridge> parts) {
    Bridge first = parts.get(0);
    java.util.ArrayList<BridgeRow> out = new java.util.ArrayList<>();
    for (int i = 0; i < first.rows.size(); i++) {
      BridgeRow a = first.rows.get(i);
      long s = 0, n = 0, e = 0, r = 0, c = 0, ch = 0, end = 0;
      int sa = 0, na = 0, ea = 0, ra = 0, ca = 0, cha = 0, enda = 0;
      for (Bridge b : parts) {
        BridgeRow x = b.rows.get(i);
        if (!x.label().equals(a.label())) {
          throw new dev.cskit.core.CskitException("bridges", "must have the same periods to be added", x.label());
        }
        s += x.starting();
        n += x.newMrr();
        e += x.expansion();
        r += x.reactivation();
        c += x.contraction();
        ch += x.churn();
        end += x.ending();
        sa += x.startingAccounts();
        na += x.newAccounts();
        ea += x.expansionAccounts();
        ra += x.reactivationAccounts();
        ca += x.contractionAccounts();
        cha += x.churnedAccounts();
        enda += x.endingAccounts();
      }
      out.add(new BridgeRow(a.label(), a.firstMonth(), a.lastMonth(), s, n, e, r, c, ch, end,
          sa, na, ea, ra, ca, cha, enda));
    }
    return new Bridge(first.period, first.currency, out);
  }

  /** The bridge as a text table (amounts with two decimals, account counts in parentheses). */
  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("period", "starting", "new", "expansion", "reactivation", "contraction",
        "churn", "ending", "accounts start", "new", "exp", "react", "contr", "churned", "accounts end");
    for (BridgeRow r : rows) {
      t.row(r.label(), Money.display(r.starting()), Money.display(r.newMrr()), Money.display(r.expansion()),
          Money.display(r.reactivation()), Money.display(r.contraction()), Money.display(r.churn()),
          Money.display(r.ending()), r.startingAccounts(), r.newAccounts(), r.expansionAccounts(),
          r.reactivationAccounts(), r.contractionAccounts(), r.churnedAccounts(), r.endingAccounts());
    }
    return t.toString();
  }
}
