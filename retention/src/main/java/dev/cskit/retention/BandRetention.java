package dev.cskit.retention;

import dev.cskit.core.io.TextTable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * NRR, GRR and logo churn over horizons after a snapshot, by the band and tier each account had then.
 *
 * @param asOf the snapshot's date
 * @param baseMonth the last month that ended on or before {@code asOf}: the MRR each account starts from
 * @param confidence the intervals' two-sided confidence level (0.95 unless asked otherwise)
 * @param rows all accounts first, then by band, then by tier; horizons in the order asked
 * @param warnings what a reader should know (accounts of the snapshot without MRR, horizons past the history)
 */
public record BandRetention(LocalDate asOf, YearMonth baseMonth, double confidence, List<BandRow> rows,
    List<String> warnings) {
  /** Copies the lists. */
  public BandRetention {
    rows = List.copyOf(rows);
    warnings = List.copyOf(warnings);
  }

  /** The confidence level as a percentage for labels: "95%", "97.5%". */
  public String level() {
    // the level's shortest decimal, shifted: confidence * 100 in doubles gives 68.30000000000001 for 0.683
    return java.math.BigDecimal.valueOf(confidence).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** The rows as a text table, rates as percentages with their intervals at {@link #confidence()}. */
  @Override
  public String toString() {
    String ci = " " + level() + " CI";
    TextTable t = TextTable.withHeader("by", "group", "months", "accounts", "start MRR", "NRR", "NRR" + ci,
        "GRR", "GRR" + ci, "logo churn", "churn" + ci);
    for (BandRow r : rows) {
      t.row(r.dimension(), r.group(), r.horizonMonths(), r.accounts(), Money.display(r.startMrr()),
          pct(r.nrr()), ci(r.nrrLower(), r.nrrUpper()), pct(r.grr()), ci(r.grrLower(), r.grrUpper()),
          pct(r.logoChurn()), ci(r.logoChurnLower(), r.logoChurnUpper()));
    }
    StringBuilder sb = new StringBuilder("Snapshot " + asOf + " (MRR of " + baseMonth + ")\n").append(t);
    for (String w : warnings) {
      sb.append("warning: ").append(w).append('\n');
    }
    return sb.toString();
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  static String ci(double lo, double hi) {
    return Double.isNaN(lo) ? "-" : String.format(Locale.ROOT, "%.1f-%.1f%%", 100 * lo, 100 * hi);
  }
}
