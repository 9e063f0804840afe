package dev.cskit.cli;

import dev.cskit.sample.SamplePortfolio;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the demo's sections share: the sample portfolio, and results one section computes that a later one
 * reuses (the health scores the touch-model section tiers by, say), computed once.
 */
public final class DemoContext {
  private final SamplePortfolio portfolio;
  private final Map<String, Object> shared = new HashMap<>();

  public DemoContext(SamplePortfolio portfolio) {
    this.portfolio = portfolio;
  }

  public SamplePortfolio portfolio() {
    return portfolio;
  }

  /** A shared result, computed on first use. */
  @SuppressWarnings("unchecked")
  public <T> T shared(String key, Supplier<T> compute) {
    Object v = shared.get(key);
    if (v == null) {
      v = compute.get();
      shared.put(key, v);
    }
    return (T) v;
  }
}
