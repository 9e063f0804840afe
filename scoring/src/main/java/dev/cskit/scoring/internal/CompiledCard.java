package dev.cskit.scoring.internal;

import dev.cskit.core.ConfigException;
import dev.cskit.core.CskitException;
import dev.cskit.core.HealthBand;
import dev.cskit.core.MetricTable;
import dev.cskit.core.internal.TableAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A scorecard compiled for the block engine: one specialised {@link RuleKernel} per measure, the category of
 * each measure as an index, weights as {@code double[]}, caps as {@link CapKernel}s, band minimums as an
 * array. Input columns are addressed by slot: slots {@code 0..inputs.size()-1} are the metrics the card
 * reads (in order of first use), the slots after them are derived percentile columns. Immutable.
 *
 * <p>Built with a {@link Builder} from primitives and arrays only: the scoring API's package-private compiler
 * translates a scorecard into these calls, so this package depends on nothing of the API.
 */
public final class CompiledCard {
  // measures
  public final String[] measureIds;
  /** The (first) metric each measure reads, for errors. */
  final String[] measureMetric;
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

  private CompiledCard(Builder b) {
    int m = b.measureIds.size();
    measureIds = b.measureIds.toArray(new String[0]);
    measureMetric = b.measureMetrics.toArray(new String[0]);
    categoryOf = b.categoryOf.stream().mapToInt(Integer::intValue).toArray();
    weight = b.weights.stream().mapToDouble(Double::doubleValue).toArray();
    hasCategories = !b.categoryIds.isEmpty();
    if (hasCategories) {
      categoryIds = b.categoryIds.toArray(new String[0]);
      categoryWeight = b.categoryWeights.stream().mapToDouble(Double::doubleValue).toArray();
      categoryMin = new boolean[categoryIds.length];
      for (int k = 0; k < categoryMin.length; k++) {
        categoryMin[k] = b.categoryMins.get(k);
      }
    } else {
      categoryIds = new String[] {""};
      categoryWeight = new double[] {1.0};
      categoryMin = new boolean[1];
    }
    int c = categoryIds.length;
    for (int j = 0; j < m; j++) {
      if (categoryOf[j] < 0 || categoryOf[j] >= c) {
        throw new IllegalArgumentException("measure " + measureIds[j] + ": no category " + categoryOf[j]);
      }
    }
    caps = b.caps.toArray(new CapKernel[0]);
    inputs = List.copyOf(b.slots.keySet());
    inputPaths = List.copyOf(b.paths);
    percentileMeasures = b.percentileMeasures.stream().mapToInt(Integer::intValue).toArray();
    percentileValueSlot = b.percentileSlots.stream().mapToInt(Integer::intValue).toArray();
    percentileSegment = b.percentileSegments.toArray(new String[0]);
    kernels = new RuleKernel[m];
    for (int j = 0; j < m; j++) {
      kernels[j] = b.kernels.get(j).apply(inputs.size());
      if (kernels[j] == null) {
        throw new IllegalArgumentException("measure " + measureIds[j] + " has no kernel");
      }
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
    minCoverage = b.minCoverage;
    bandMins = b.bandMins.stream().mapToDouble(Double::doubleValue).toArray();
    bands = b.bands.toArray(new HealthBand[0]);
  }

  /** A builder of a compiled card. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects a card's parts in order: its inputs (slots in order of first use), categories, measures with
   * their kernels, percentile measures, caps and bands. Not thread-safe; used once.
   */
  public static final class Builder {
    private final Map<String, Integer> slots = new LinkedHashMap<>();
    private final List<String> paths = new ArrayList<>();
    private final List<String> categoryIds = new ArrayList<>();
    private final List<Double> categoryWeights = new ArrayList<>();
    private final List<Boolean> categoryMins = new ArrayList<>();
    private final List<String> measureIds = new ArrayList<>();
    private final List<String> measureMetrics = new ArrayList<>();
    private final List<Integer> categoryOf = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();
    private final List<IntFunction<RuleKernel>> kernels = new ArrayList<>();
    private final List<Integer> percentileMeasures = new ArrayList<>();
    private final List<Integer> percentileSlots = new ArrayList<>();
    private final List<String> percentileSegments = new ArrayList<>();
    private final List<CapKernel> caps = new ArrayList<>();
    private final List<Double> bandMins = new ArrayList<>();
    private final List<HealthBand> bands = new ArrayList<>();
    private double minCoverage;

    private Builder() {}

    /**
     * The slot of a metric, given the next free one on its first use.
     *
     * @param path where the metric is named in the card, for the error when a table lacks it
     */
    public int input(String metric, String path) {
      Integer s = slots.get(metric);
      if (s == null) {
        s = slots.size();
        slots.put(metric, s);
        paths.add(path);
      }
      return s;
    }

    /** Adds a category (none: one implicit category of weight 1, index 0); returns its index. */
    public int category(String id, double weight, boolean min) {
      categoryIds.add(id);
      categoryWeights.add(weight);
      categoryMins.add(min);
      return categoryIds.size() - 1;
    }

    /**
     * Adds a measure; returns its index.
     *
     * @param metric the (first) metric it reads, named in errors
     * @param category its category index
     * @param kernel its kernel, given the first derived slot (the number of inputs, known once every input is)
     */
    public int measure(String id, String metric, int category, double weight, IntFunction<RuleKernel> kernel) {
      measureIds.add(id);
      measureMetrics.add(metric);
      categoryOf.add(category);
      weights.add(weight);
      kernels.add(kernel);
      return measureIds.size() - 1;
    }

    /**
     * Declares measure {@code measure} a percentile of the values in {@code valueSlot}, ranked within the
     * groups of the account attribute {@code segment} (null: one group); returns its number {@code k}, whose
     * derived column is slot {@code inputs + k}.
     */
    public int percentile(int measure, int valueSlot, String segment) {
      percentileMeasures.add(measure);
      percentileSlots.add(valueSlot);
      percentileSegments.add(segment);
      return percentileMeasures.size() - 1;
    }

    /** Adds the next cap (at most 31): see {@link CapKernel#CapKernel}. */
    public void cap(int slot, int op, double value, double maxScore) {
      caps.add(new CapKernel(slot, op, value, maxScore, caps.size()));
    }

    /** Adds the next band, from {@code min} up. */
    public void band(HealthBand band, double min) {
      bands.add(band);
      bandMins.add(min);
    }

    /** The coverage under which the band is {@link HealthBand#INSUFFICIENT_DATA}. */
    public void minCoverage(double value) {
      minCoverage = value;
    }

    /** The compiled card. */
    public CompiledCard build() {
      return new CompiledCard(this);
    }
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
