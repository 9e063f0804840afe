package dev.cskit.scoring.internal;

import dev.cskit.scoring.Cap;

/**
 * Phase 4 of the block engine: one cap, its comparison chosen once (a loop per operator), lowering the
 * block's scores to {@code maxScore} and setting the cap's bit in the fired mask where the condition holds.
 * A missing metric never fires.
 */
final class CapKernel {
  private final int slot;
  private final Cap.Op op;
  private final double value;
  private final double max;
  private final int bit;

  CapKernel(int slot, Cap cap, int index) {
    this.slot = slot;
    this.op = cap.op();
    this.value = cap.value();
    this.max = cap.maxScore();
    this.bit = 1 << index;
  }

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
