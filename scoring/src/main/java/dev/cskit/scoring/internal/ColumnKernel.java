package dev.cskit.scoring.internal;

/**
 * A rule whose sub-scores were derived before the block pass (the {@code percentile} rule, which needs the
 * whole population: see {@link Percentiles}); this kernel copies them and applies the missing policy.
 */
final class ColumnKernel extends RuleKernel {
  private final int slot;

  ColumnKernel(int slot, int policy, double fill) {
    super(policy, fill);
    this.slot = slot;
  }

  @Override
  void raw(double[][] in, int from, int len, double[] out, int off) {
    System.arraycopy(in[slot], from, out, off, len);
  }
}
