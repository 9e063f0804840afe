package dev.cskit.scoring.internal;

import dev.cskit.core.ConfigException;
import dev.cskit.core.CskitException;
import dev.cskit.core.HealthBand;
import dev.cskit.core.MetricTable;
import dev.cskit.core.internal.TableAccess;
import dev.cskit.scoring.Cap;
import dev.cskit.scoring.Category;
import dev.cskit.scoring.Measure;
import dev.cskit.scoring.Rule;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.ScorecardRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scorecard compiled for the block engine: one specialised {@link RuleKernel} per measure, the category of
 * each measure as an index, weights as {@code double[]}, caps as {@link CapKernel}s, band minimums as an
 * array. Input columns are addressed by slot: slots {@code 0..inputs.size()-1} are the metrics the card
 * reads (in order of first use), the slots after them are derived percentile columns. Immutable.
 */
public final class CompiledCard {
  public final Scorecard card;
  public final ScorecardRef ref;

  // measures
  public final String[] measureIds;
  final RuleKernel[] kernels;
  public final int[] categoryOf;
  public final double[] weight;
  /**
   * Per category: its share of the total category weight divided by the weight of its measures, so that
   * coverage = sum over categories of factor x (observed weight in the category).
   */
  final double[] coverageFactor;
  /** The coverage numerator when everything is observed (same operations, so full coverage is exactly 1). */
  final double coverageTotal;

  // categories (a card without categories has one implicit category of weight 1)
  public final boolean hasCategories;
  public final String[] categoryIds;
  public final double[] categoryWeight;
  public final boolean[] categoryMin;

  // bands and caps
  final double minCoverage;
  final double[] bandMins;
  public final HealthBand[] bands;
  final CapKernel[] caps;

  // inputs
  public final List<String> inputs;
  private final List<String> inputPaths;
  /** Measure index of each percentile measure; its derived column is slot {@code inputs.size() + k}. */
  final int[] percentileMeasures;
  final int[] percentileValueSlot;
  public final String[] percentileSegment;

  public CompiledCard(Scorecard card) {
    this.card = card;
    this.ref = card.ref();
    Map<String, Integer> slots = new LinkedHashMap<>();
    List<String> paths = new ArrayList<>();
    List<Measure> ms = card.measures();
    int m = ms.size();
    measureIds = new String[m];
    kernels = new RuleKernel[m];
    categoryOf = new int[m];
    weight = new double[m];
    hasCategories = !card.categories().isEmpty();
    int c = hasCategories ? card.categories().size() : 1;
    categoryIds = new String[c];
    categoryWeight = new double[c];
    categoryMin = new boolean[c];
    Map<String, Integer> catIndex = new HashMap<>();
    if (hasCategories) {
      for (int k = 0; k < c; k++) {
        Category cat = card.categories().get(k);
        categoryIds[k] = cat.id();
        categoryWeight[k] = cat.weight();
        categoryMin[k] = cat.aggregate() == Category.Aggregate.MIN;
        catIndex.put(cat.id(), k);
      }
    } else {
      categoryIds[0] = "";
      categoryWeight[0] = 1.0;
    }
    List<Integer> pct = new ArrayList<>();
    List<Integer> pctSlots = new ArrayList<>();
    List<String> pctSegments = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      Measure me = ms.get(j);
      measureIds[j] = me.id();
      weight[j] = me.weight();
      categoryOf[j] = hasCategories ? catIndex.get(me.category()) : 0;
      String at = "measures[" + j + "]";
      Rule rule = me.rule();
      double worst = rule.worst();
      if (rule instanceof Rule.Linear r) {
        kernels[j] = Vectorization.linear(
            new LinearKernel(slot(slots, paths, me.metric(), at + ".metric"), r.points(), me.missing(), worst),
            me.missing(), worst);
      } else if (rule instanceof Rule.Steps r) {
        kernels[j] = new StepsKernel(slot(slots, paths, me.metric(), at + ".metric"), r.steps(), r.below(),
            me.missing(), worst);
      } else if (rule instanceof Rule.Bool r) {
        kernels[j] = new BooleanKernel(slot(slots, paths, me.metric(), at + ".metric"), r.whenTrue(), r.whenFalse(),
            me.missing(), worst);
      } else if (rule instanceof Rule.Trend r) {
        kernels[j] = new TrendKernel(slot(slots, paths, r.current(), at + ".rule.current"),
            slot(slots, paths, r.previous(), at + ".rule.previous"), r.points(), r.whenPreviousZero(),
            me.missing(), worst);
      } else if (rule instanceof Rule.Percentile r) {
        pct.add(j);
        pctSlots.add(slot(slots, paths, me.metric(), at + ".metric"));
        pctSegments.add(r.segment());
        kernels[j] = null; // slot known once all inputs are
      }
    }
    List<Cap> capList = card.caps();
    caps = new CapKernel[capList.size()];
    for (int k = 0; k < caps.length; k++) {
      caps[k] = new CapKernel(slot(slots, paths, capList.get(k).metric(), "caps[" + k + "].metric"), capList.get(k), k);
    }
    inputs = List.copyOf(slots.keySet());
    inputPaths = List.copyOf(paths);
    percentileMeasures = pct.stream().mapToInt(Integer::intValue).toArray();
    percentileValueSlot = pctSlots.stream().mapToInt(Integer::intValue).toArray();
    percentileSegment = pctSegments.toArray(new String[0]);
    for (int k = 0; k < percentileMeasures.length; k++) {
      int j = percentileMeasures[k];
      kernels[j] = new ColumnKernel(inputs.size() + k, ms.get(j).missing(), ms.get(j).rule().worst());
    }

    // coverage: a measure's share of its category times the category's share of the whole
    double totalCat = 0;
    for (double w : categoryWeight) {
      totalCat += w;
    }
    double[] inCat = new double[c];
    for (int j = 0; j < m; j++) {
      inCat[categoryOf[j]] += weight[j];
    }
    coverageFactor = new double[c];
    double total = 0;
    for (int g = 0; g < c; g++) {
      coverageFactor[g] = (categoryWeight[g] / totalCat) / inCat[g];
      total += coverageFactor[g] * (inCat[g] - 0.0);
    }
    coverageTotal = total;
    minCoverage = card.minCoverage();
    bandMins = new double[card.bands().size()];
    bands = new HealthBand[bandMins.length];
    for (int k = 0; k < bandMins.length; k++) {
      bandMins[k] = card.bands().get(k).min();
      bands[k] = HealthBand.of(card.bands().get(k).name());
    }
  }

  private static int slot(Map<String, Integer> slots, List<String> paths, String metric, String path) {
    Integer s = slots.get(metric);
    if (s == null) {
      s = slots.size();
      slots.put(metric, s);
      paths.add(path);
    }
    return s;
  }

  /** The number of measures. */
  public int measureCount() {
    return measureIds.length;
  }

  /** The number of categories (1 for a card without categories). */
  public int categoryCount() {
    return categoryIds.length;
  }

  /** The index of a measure id, or -1. */
  public int measureIndex(String id) {
    for (int j = 0; j < measureIds.length; j++) {
      if (measureIds[j].equals(id)) {
        return j;
      }
    }
    return -1;
  }

  /** The index of a category id, or -1 (always -1 for a card without categories). */
  public int categoryIndex(String id) {
    if (!hasCategories) {
      return -1;
    }
    for (int k = 0; k < categoryIds.length; k++) {
      if (categoryIds[k].equals(id)) {
        return k;
      }
    }
    return -1;
  }

  /** The band index of a score (-1 for NaN). */
  public int bandIndex(double score) {
    int b = 0;
    for (int k = 1; k < bandMins.length; k++) {
      b += score >= bandMins[k] ? 1 : 0;
    }
    return score != score ? -1 : b;
  }

  /** The cap of an index. */
  public Cap cap(int index) {
    return card.caps().get(index);
  }

  /**
   * The backing columns of the table for the metric slots (no copy), with room for the derived slots.
   *
   * @throws ConfigException naming the measure's path when the table lacks a metric
   */
  public double[][] bind(MetricTable table) {
    double[][] cols = new double[inputs.size() + percentileMeasures.length][];
    for (int s = 0; s < inputs.size(); s++) {
      String metric = inputs.get(s);
      if (!table.hasMetric(metric)) {
        throw ConfigException.at(inputPaths.get(s),
            "names a metric the table lacks (metrics: " + String.join(", ", table.metrics()) + ")",
            CskitException.quote(metric));
      }
      cols[s] = TableAccess.column(table, metric);
    }
    return cols;
  }

  /** Slot index of the value of percentile measure {@code k}. */
  public int percentileValueSlot(int k) {
    return percentileValueSlot[k];
  }

  /** Measure index of percentile measure {@code k}. */
  public int percentileMeasure(int k) {
    return percentileMeasures[k];
  }

  /** The number of percentile measures. */
  public int percentileCount() {
    return percentileMeasures.length;
  }
}
