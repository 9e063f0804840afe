package dev.cskit.scoring;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference distributions that percentile measures rank a single account against: for each percentile
 * measure (and segment value, when the rule has a segment), the values of an earlier batch. Take one from a
 * batch with {@link ScoreTable#percentileReference()}, or give the values explicitly with {@link #of}.
 *
 * <p>The account is ranked as a member of the reference population: one value equal to its own is taken as
 * its own (exactly as in the batch that produced the reference, so single and batch scores agree); a value
 * not in the reference joins it. Immutable.
 */
public final class PercentileReference {
  /** No reference distributions. */
  public static final PercentileReference EMPTY = new PercentileReference(Map.of());

  /** The segment key of a rule without segment, or of accounts lacking the attribute. */
  public static final String ALL = "";

  private final Map<String, Map<String, double[]>> values;

  private PercentileReference(Map<String, Map<String, double[]>> values) {
    this.values = values;
  }

  /** A reference for one measure without segments. */
  public static PercentileReference of(String measureId, double... population) {
    return EMPTY.with(measureId, ALL, population);
  }

  /** This reference with a population for a measure and segment value ({@link #ALL} for no segment). */
  public PercentileReference with(String measureId, String segment, double... population) {
    double[] sorted = Arrays.stream(population).filter(v -> v == v).map(v -> v == 0.0 ? 0.0 : v).sorted()
        .toArray();
    Map<String, Map<String, double[]>> copy = new HashMap<>();
    values.forEach((k, v) -> copy.put(k, new HashMap<>(v)));
    copy.computeIfAbsent(measureId, k -> new HashMap<>()).put(segment == null ? ALL : segment, sorted);
    return new PercentileReference(copy);
  }

  static PercentileReference fromSorted(Map<String, Map<String, double[]>> sorted) {
    return new PercentileReference(sorted);
  }

  /** The sorted population of a measure and segment, or null. Read only. */
  double[] sorted(String measureId, String segment) {
    Map<String, double[]> bySegment = values.get(measureId);
    return bySegment == null ? null : bySegment.get(segment == null ? ALL : segment);
  }

  /** Every population of a measure by segment (read only), or an empty map. */
  Map<String, double[]> populations(String measureId) {
    Map<String, double[]> bySegment = values.get(measureId);
    return bySegment == null ? Map.of() : bySegment;
  }

  /** A copy of the sorted population of a measure and segment, or null. */
  public double[] population(String measureId, String segment) {
    double[] s = sorted(measureId, segment);
    return s == null ? null : s.clone();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PercentileReference");
    values.forEach((m, segs) -> segs.forEach((s, v) ->
        sb.append(' ').append(m).append(s.isEmpty() ? "" : "/" + s).append('=').append(v.length).append(" values")));
    return sb.toString();
  }
}
