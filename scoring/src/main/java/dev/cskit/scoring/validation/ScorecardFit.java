package dev.cskit.scoring.validation;

import dev.cskit.core.ConfigFormat;
import dev.cskit.core.io.TextTable;
import dev.cskit.scoring.Category;
import dev.cskit.scoring.Measure;
import dev.cskit.scoring.Scorecard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scorecard's weights fitted to churn ({@link WeightFit}) and written back as the card's next revision.
 * Stateless and thread-safe.
 *
 * <p>The fit works on <b>units</b>: each measure of a card without categories, each measure of a
 * {@code weightedMean} category (its effective weight being the category's weight times the measure's share
 * of the category), and each {@code min} category as a whole (its feature is the lowest present sub-score of
 * its measures, named {@code category:<id>}; the weights inside it do not change the score and are kept).
 * The new card keeps everything but the weights: a weighted-mean category's weight becomes the sum of its
 * measures' fitted weights, and its measures share it in the fitted proportions (scaled so that their sum
 * inside the category stays as it was); weights are rounded to 4 decimals. A measure (or category) whose
 * fitted weight is 0 is removed from the new card, since a card's weights must be positive; the change table
 * says so. Caps, bands, rules and missing policies are unchanged.
 */
public final class ScorecardFit {
  private ScorecardFit() {}

  /** The prefix of a {@code min} category's unit id. */
  public static final String CATEGORY_UNIT = "category:";

  /**
   * One weight of the card before and after.
   *
   * @param path {@code measures.<id>.weight} or {@code categories.<id>.weight}
   * @param current the weight in the current card
   * @param fitted the weight in the fitted card (0 when removed)
   * @param change fitted - current
   * @param removed whether the fit removed the measure or category
   */
  public record Change(String path, double current, double fitted, double change, boolean removed) {}

  /**
   * A fitted card.
   *
   * @param card the new revision
   * @param weights the unit-level fit
   * @param changes each weight's change, categories first
   * @param outOfTime the out-of-time comparison, or null when none was asked for
   */
  public record Result(Scorecard card, WeightFit.FittedWeights weights, List<Change> changes,
      WeightFit.OutOfTime outOfTime) {

    /** The new card as YAML, headed by comments giving each weight's change. */
    public String yaml() {
      StringBuilder sb = new StringBuilder();
      sb.append("# ").append(card.name()).append(" revision ").append(card.revision())
          .append(": weights fitted to churn within the horizon by cskit (logistic regression, non-negative,")
          .append('\n').append("# shrunk toward revision ").append(card.revision() - 1)
          .append(String.format(Locale.ROOT, " with strength %s; %d snapshots, %d churned; in-sample AUC %s -> %s)",
              TextTable.number(weights.strength()), weights.evaluated(), weights.churned(),
              TextTable.number(weights.currentAuc()), TextTable.number(weights.fittedAuc())))
          .append('\n');
      if (outOfTime != null) {
        sb.append("# out of time from ").append(outOfTime.splitDate()).append(": AUC ")
            .append(TextTable.number(outOfTime.currentAuc())).append(" -> ")
            .append(TextTable.number(outOfTime.fittedAuc())).append('\n');
      }
      for (Change c : changes) {
        sb.append("# ").append(c.path()).append(": ").append(plain(c.current())).append(" -> ")
            .append(c.removed() ? "removed" : plain(c.fitted()))
            .append(String.format(Locale.ROOT, " (%+.4f)", c.change())).append('\n');
      }
      sb.append(card.write(ConfigFormat.YAML));
      return sb.toString();
    }

    @Override
    public String toString() {
      TextTable t = TextTable.withHeader("weight", "current", "fitted", "change").column(1, TextTable.decimals(2))
          .column(2, TextTable.decimals(2)).column(3, TextTable.decimals(2));
      for (Change c : changes) {
        t.row(c.path(), c.current(), c.removed() ? "removed" : c.fitted(), c.change());
      }
      return card.name() + " revision " + card.revision() + "\n" + t + weights
          + (outOfTime == null ? "" : outOfTime.toString());
    }
  }

  /** The current weight of each unit of a card (see the class comment), in card order. */
  public static Map<String, Double> currentWeights(Scorecard card) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (card.categories().isEmpty()) {
      for (Measure m : card.measures()) {
        out.put(m.id(), m.weight());
      }
      return out;
    }
    for (Category c : card.categories()) {
      if (c.aggregate() == Category.Aggregate.MIN) {
        out.put(CATEGORY_UNIT + c.id(), c.weight());
        continue;
      }
      double sum = 0;
      for (Measure m : card.measures()) {
        if (c.id().equals(m.category())) {
          sum += m.weight();
        }
      }
      for (Measure m : card.measures()) {
        if (c.id().equals(m.category())) {
          out.put(m.id(), c.weight() * m.weight() / sum);
        }
      }
    }
    return out;
  }

  /** The snapshots with a column for each {@code min} category: the lowest present sub-score of its measures. */
  public static ScoreSnapshots withUnits(Scorecard card, ScoreSnapshots snapshots) {
    ScoreSnapshots s = snapshots;
    for (Category c : card.categories()) {
      if (c.aggregate() != Category.Aggregate.MIN || s.measures().contains(CATEGORY_UNIT + c.id())) {
        continue;
      }
      double[] v = new double[s.size()];
      java.util.Arrays.fill(v, Double.NaN);
      for (Measure m : card.measures()) {
        if (c.id().equals(m.category())) {
          double[] sub = s.subScores(m.id());
          for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(sub[i]) && (Double.isNaN(v[i]) || sub[i] < v[i])) {
              v[i] = sub[i];
            }
          }
        }
      }
      s = s.withMeasure(CATEGORY_UNIT + c.id(), v);
    }
    return s;
  }

  /**
   * Fits the card's weights on the snapshots and outcomes and writes the next revision.
   *
   * @param splitDate when not null, also an out-of-time comparison: fit on the snapshots whose horizon ends
   *     before it, compare on those dated from it (the new card itself is fitted on all snapshots)
   */
  public static Result fit(Scorecard card, ScoreSnapshots snapshots, ChurnOutcomes outcomes, int horizonDays,
      double strength, LocalDate splitDate) {
    Backtest.checkHorizon(horizonDays);
    ScoreSnapshots s = withUnits(card, snapshots);
    Map<String, Double> current = currentWeights(card);
    WeightFit.FittedWeights f = WeightFit.fit(Backtest.run(s, outcomes, horizonDays), current, strength);
    WeightFit.OutOfTime oot = splitDate == null ? null
        : WeightFit.outOfTime(s, outcomes, horizonDays, current, strength, splitDate);
    List<Change> changes = new ArrayList<>();
    Scorecard next = apply(card, f.fitted(), changes);
    return new Result(next, f, List.copyOf(changes), oot);
  }

  /** The card's next revision with these unit weights (see the class comment); fills {@code changes}. */
  static Scorecard apply(Scorecard card, Map<String, Double> fitted, List<Change> changes) {
    List<Measure> measures = new ArrayList<>();
    List<Category> categories = new ArrayList<>();
    if (card.categories().isEmpty()) {
      for (Measure m : card.measures()) {
        double w = round(fitted.get(m.id()));
        addChange(changes, "measures." + m.id() + ".weight", m.weight(), w);
        if (w > 0) {
          measures.add(new Measure(m.id(), m.metric(), m.category(), w, m.rule(), m.missing()));
        }
      }
    } else {
      for (Category c : card.categories()) {
        List<Measure> members = new ArrayList<>();
        for (Measure m : card.measures()) {
          if (c.id().equals(m.category())) {
            members.add(m);
          }
        }
        if (c.aggregate() == Category.Aggregate.MIN) {
          double w = round(fitted.get(CATEGORY_UNIT + c.id()));
          addChange(changes, "categories." + c.id() + ".weight", c.weight(), w);
          if (w > 0) {
            categories.add(new Category(c.id(), w, c.aggregate()));
            measures.addAll(members);
          }
          continue;
        }
        double sumFitted = 0;
        double sumCurrent = 0;
        for (Measure m : members) {
          sumFitted += fitted.get(m.id());
          sumCurrent += m.weight();
        }
        double cw = round(sumFitted);
        addChange(changes, "categories." + c.id() + ".weight", c.weight(), cw);
        for (Measure m : members) {
          double w = cw > 0 ? round(fitted.get(m.id()) / sumFitted * sumCurrent) : 0.0;
          addChange(changes, "measures." + m.id() + ".weight", m.weight(), w);
          if (w > 0) {
            measures.add(new Measure(m.id(), m.metric(), m.category(), w, m.rule(), m.missing()));
          }
        }
        if (cw > 0) {
          categories.add(new Category(c.id(), cw, c.aggregate()));
        }
      }
      // keep the card's measure order
      List<Measure> ordered = new ArrayList<>();
      for (Measure m : card.measures()) {
        for (Measure n : measures) {
          if (n.id().equals(m.id())) {
            ordered.add(n);
          }
        }
      }
      measures = ordered;
    }
    return new Scorecard(card.name(), card.revision() + 1, card.minCoverage(), card.bands(),
        card.categories().isEmpty() ? null : categories, measures, card.caps());
  }

  private static void addChange(List<Change> changes, String path, double current, double fitted) {
    changes.add(new Change(path, current, fitted, fitted - current, !(fitted > 0)));
  }

  /** A weight as written in the card: up to 4 decimals, no trailing zeros. */
  static String plain(double w) {
    return java.math.BigDecimal.valueOf(w).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
        .toPlainString();
  }

  private static double round(double w) {
    return Math.round(w * 1e4) / 1e4;
  }
}
