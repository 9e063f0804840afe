package dev.cskit.scoring.internal;

import dev.cskit.scoring.MissingPolicy;

/**
 * A rule whose sub-scores were derived before the block pass (the {@code percentile} rule, which needs the
 * whole population: see {@link Percentiles}); this kernel copies them and applies the missing policy.
 */
final class ColumnKernel extends RuleKernel {
  private final int slot;

  ColumnKernel(int slot, MissingPolicy missing, double worst) {
    super(missing, worst);
    this.slot = slot;
  }

  @Override
  void raw(double[][] in, int from, int len, double[] out, int off) {
    System.arraycopy(in[slot], from, out, off, len);
  }
}
