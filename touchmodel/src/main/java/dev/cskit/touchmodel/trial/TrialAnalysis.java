package dev.cskit.touchmodel.trial;

import dev.cskit.core.io.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analysis of a trial: play against control on all accounts, and by tier and by band where outcomes carry
 * them; warnings where the counts are too small to read.
 *
 * @param confidence the confidence level of every interval (e.g. 0.95)
 * @param playPrior the Beta prior of the play's rate
 * @param controlPrior the Beta prior of the control's rate
 * @param overall all accounts
 * @param strata one comparison per tier and per band (empty when the outcomes carry neither)
 */
public record TrialAnalysis(double confidence, BetaPrior playPrior, BetaPrior controlPrior, ArmComparison overall,
    List<ArmComparison> strata) {
  /** Copies. */
  public TrialAnalysis {
    strata = List.copyOf(strata);
  }

  /** Every warning, prefixed by its group. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (ArmComparison c : all()) {
      for (String w : c.warnings()) {
        out.add(c.group() + ": " + w);
      }
    }
    return out;
  }

  /** The overall comparison followed by the strata. */
  public List<ArmComparison> all() {
    List<ArmComparison> out = new ArrayList<>();
    out.add(overall);
    out.addAll(strata);
    return out;
  }

  @Override
  public String toString() {
    String pct = String.format(Locale.ROOT, "%.0f%%", 100 * confidence);
    TextTable t = TextTable.withHeader("group", "play", "control", "play rate", "control rate", "difference",
        pct + " interval (Newcombe)", "Fisher p", "odds ratio", pct + " interval", "P(play better)");
    for (ArmComparison c : all()) {
      t.row(c.group(), c.playConversions() + "/" + c.playAccounts(),
          c.controlConversions() + "/" + c.controlAccounts(), percent(c.playRate()), percent(c.controlRate()),
          String.format(Locale.ROOT, "%+.1f pts", 100 * c.difference()),
          String.format(Locale.ROOT, "%+.1f to %+.1f pts", 100 * c.differenceLower(), 100 * c.differenceUpper()),
          String.format(Locale.ROOT, "%.4f", c.fisherP()), ratio(c.oddsRatio()),
          ratio(c.oddsRatioLower()) + " to " + ratio(c.oddsRatioUpper()),
          String.format(Locale.ROOT, "%.3f", c.probabilityPlayBetter()));
    }
    StringBuilder sb = new StringBuilder(t.toString());
    for (String w : warnings()) {
      sb.append("warning: ").append(w).append('\n');
    }
    return sb.toString();
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String ratio(double v) {
    return Double.isInfinite(v) ? "inf" : Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
