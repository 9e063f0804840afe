package dev.cskit.scoring.internal;

import dev.cskit.scoring.ScoreOverride;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The overrides active for a batch, resolved to indices and sorted by row (then by start, so the most recent
 * wins): the engine walks them alongside its blocks. Sparse: only rows with an override appear.
 */
public final class OverridePlan {
  static final int OVERALL = 0;
  static final int CATEGORY = 1;
  static final int MEASURE = 2;

  /** No overrides. */
  public static final OverridePlan EMPTY = new OverridePlan(new int[0], new int[0], new int[0], new double[0],
      new ScoreOverride[0]);

  final int[] row;
  final int[] kind;
  final int[] index;
  final double[] value;
  final ScoreOverride[] source;

  private OverridePlan(int[] row, int[] kind, int[] index, double[] value, ScoreOverride[] source) {
    this.row = row;
    this.kind = kind;
    this.index = index;
    this.value = value;
    this.source = source;
  }

  /** One active override for a row. */
  public record Entry(int row, ScoreOverride override) {}

  /**
   * A plan from active overrides; entries whose target the card lacks are dropped (they are not applied).
   */
  public static OverridePlan of(CompiledCard card, List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt(Entry::row).thenComparing(e -> e.override().start()));
    List<Entry> kept = new ArrayList<>();
    List<int[]> resolved = new ArrayList<>();
    for (Entry e : sorted) {
      ScoreOverride o = e.override();
      int k;
      int idx;
      switch (o.scope()) {
        case MEASURE:
          k = MEASURE;
          idx = card.measureIndex(o.target());
          break;
        case CATEGORY:
          k = CATEGORY;
          idx = card.categoryIndex(o.target());
          break;
        default:
          k = OVERALL;
          idx = 0;
      }
      if (idx >= 0) {
        kept.add(e);
        resolved.add(new int[] {k, idx});
      }
    }
    int n = kept.size();
    int[] row = new int[n];
    int[] kind = new int[n];
    int[] index = new int[n];
    double[] value = new double[n];
    ScoreOverride[] src = new ScoreOverride[n];
    for (int i = 0; i < n; i++) {
      row[i] = kept.get(i).row();
      kind[i] = resolved.get(i)[0];
      index[i] = resolved.get(i)[1];
      value[i] = kept.get(i).override().value();
      src[i] = kept.get(i).override();
    }
    return new OverridePlan(row, kind, index, value, src);
  }

  /** The overrides applied to a row, in the order applied. */
  public List<ScoreOverride> applied(int r) {
    int i = first(r);
    List<ScoreOverride> out = new ArrayList<>();
    for (; i < row.length && row[i] == r; i++) {
      out.add(source[i]);
    }
    return out;
  }

  /** Whether a category of the row was overridden. */
  public boolean categoryOverridden(int r, int category) {
    for (int i = first(r); i < row.length && row[i] == r; i++) {
      if (kind[i] == CATEGORY && index[i] == category) {
        return true;
      }
    }
    return false;
  }

  /** Whether the row's overall score was overridden. */
  public boolean overallOverridden(int r) {
    for (int i = first(r); i < row.length && row[i] == r; i++) {
      if (kind[i] == OVERALL) {
        return true;
      }
    }
    return false;
  }

  int first(int r) {
    int i = Arrays.binarySearch(row, r);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && row[i - 1] == r) {
      i--;
    }
    return i;
  }
}
