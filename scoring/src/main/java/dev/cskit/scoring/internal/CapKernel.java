package dev.cskit.scoring.internal;

/**
 * Phase 4 of the block engine: one cap, its comparison chosen once (a loop per operator), lowering the
 * block's scores to {@code maxScore} and setting the cap's bit in the fired mask where the condition holds.
 * A missing metric never fires.
 */
public final class CapKernel {
  /** Fires when the metric is greater than the value. */
  public static final int GT = 0;
  /** Fires when the metric is at least the value. */
  public static final int GE = 1;
  /** Fires when the metric is less than the value. */
  public static final int LT = 2;
  /** Fires when the metric is at most the value. */
  public static final int LE = 3;
  /** Fires when the metric equals the value. */
  public static final int EQ = 4;
  /** Fires when the metric is present and differs from the value. */
  public static final int NE = 5;

  private final int slot;
  private final int op;
  private final double value;
  private final double max;
  private final int bit;

  /**
   * Cap number {@code index} (0..30, its bit in the fired mask): scores of rows where {@code in[slot] op value}
   * holds are lowered to {@code max}.
   *
   * @param op {@link #GT}, {@link #GE}, {@link #LT}, {@link #LE}, {@link #EQ} or {@link #NE}
   */
  public CapKernel(int slot, int op, double value, double max, int index) {
    if (op < GT || op > NE || index < 0 || index > 30) {
      throw new IllegalArgumentException("cap " + index + ": unknown comparison " + op);
    }
    this.slot = slot;
    this.op = op;
    this.value = value;
    this.max = max;
    this.bit = 1 << index;
  }

  /** Applies the cap to rows {@code [from, from + len)}. */
  void apply(double[][] in, int from, int len, double[] score, int[] fired) {
    double[] x = in[slot];
    int end = from + len;
    switch (op) {
      case GT:
        for (int i = from; i < end; i++) {
          if (x[i] > value) {
            hit(i, score, fired);
          }
        }
        break;
      case GE:
        for (int i = from; i < end; i++) {
          if (x[i] >= value) {
            hit(i, score, fired);
          }
        }
        break;
      case LT:
        for (int i = from; i < end; i++) {
          if (x[i] < value) {
            hit(i, score, fired);
          }
        }
        break;
      case LE:
        for (int i = from; i < end; i++) {
          if (x[i] <= value) {
            hit(i, score, fired);
          }
        }
        break;
      case EQ:
        for (int i = from; i < end; i++) {
          if (x[i] == value) {
            hit(i, score, fired);
          }
        }
        break;
      default:
        for (int i = from; i < end; i++) {
          double v = x[i];
          if (v == v && v != value) {
            hit(i, score, fired);
          }
        }
    }
  }

  private void hit(int i, double[] score, int[] fired) {
    score[i] = Math.min(score[i], max);
    fired[i] |= bit;
  }
}
