package dev.cskit.scoring;

import dev.cskit.core.HealthBand;
import dev.cskit.scoring.internal.CapKernel;
import dev.cskit.scoring.internal.CompiledCard;
import dev.cskit.scoring.internal.RuleKernel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Translates a {@link Scorecard} (measures, rules, categories, caps, bands) into the engine's
 * {@link CompiledCard}, which holds only primitives and arrays: the one place that knows both the API types
 * and the kernels, so that {@code dev.cskit.scoring.internal} depends on nothing of this package. Rule kinds
 * are dispatched through {@link Rule.Visitor}, so a new kind of rule does not compile until it has a kernel.
 */
final class CardCompiler {
  private CardCompiler() {}

  /** Compiles one card. */
  static CompiledScorecard compile(Scorecard card) {
    CompiledCard.Builder b = CompiledCard.builder();
    List<Measure> ms = card.measures();
    boolean hasCategories = !card.categories().isEmpty();
    Map<String, Integer> catIndex = new HashMap<>();
    if (hasCategories) {
      for (Category cat : card.categories()) {
        catIndex.put(cat.id(), b.category(cat.id(), cat.weight(), cat.aggregate() == Category.Aggregate.MIN));
      }
    }
    for (int j = 0; j < ms.size(); j++) {
      Measure me = ms.get(j);
      IntFunction<RuleKernel> kernel = me.rule().accept(new KernelOf(b, me, j));
      b.measure(me.id(), me.metrics().get(0), hasCategories ? catIndex.get(me.category()) : 0, me.weight(), kernel);
    }
    List<Cap> caps = card.caps();
    for (int k = 0; k < caps.size(); k++) {
      Cap cap = caps.get(k);
      b.cap(b.input(cap.metric(), "caps[" + k + "].metric"), op(cap.op()), cap.value(), cap.maxScore());
    }
    b.minCoverage(card.minCoverage());
    for (Band band : card.bands()) {
      b.band(HealthBand.of(band.name()), band.min());
    }
    return new CompiledScorecard(card, card.ref(), b.build());
  }

  /**
   * The kernel of one measure's rule. Inputs are registered at once (slots in order of first use); the
   * kernel itself is made once every input is known, since a percentile's derived column comes after them.
   */
  private static final class KernelOf implements Rule.Visitor<IntFunction<RuleKernel>> {
    private final CompiledCard.Builder b;
    private final Measure me;
    private final int j;
    private final String at;
    private final int policy;
    private final double fill;

    KernelOf(CompiledCard.Builder b, Measure me, int j) {
      this.b = b;
      this.me = me;
      this.j = j;
      this.at = "measures[" + j + "]";
      MissingPolicy missing = me.missing();
      this.policy = switch (missing.policy()) {
        case EXCLUDE -> RuleKernel.EXCLUDE;
        case NEUTRAL, WORST -> RuleKernel.FILL;
        case FAIL -> RuleKernel.FAIL;
      };
      this.fill = switch (missing.policy()) {
        case NEUTRAL -> missing.value();
        case WORST -> me.rule().worst();
        case EXCLUDE, FAIL -> Double.NaN;
      };
    }

    private int metricSlot() {
      return b.input(me.metric(), at + ".metric");
    }

    @Override
    public IntFunction<RuleKernel> linear(Rule.Linear rule) {
      int slot = metricSlot();
      double[] xs = column(rule.points(), 0);
      double[] ys = column(rule.points(), 1);
      return derived -> RuleKernel.linear(slot, xs, ys, policy, fill);
    }

    @Override
    public IntFunction<RuleKernel> steps(Rule.Steps rule) {
      int slot = metricSlot();
      double[] mins = column(rule.steps(), 0);
      double[] scores = column(rule.steps(), 1);
      double below = rule.below();
      return derived -> RuleKernel.steps(slot, mins, scores, below, policy, fill);
    }

    @Override
    public IntFunction<RuleKernel> bool(Rule.Bool rule) {
      int slot = metricSlot();
      double whenTrue = rule.whenTrue();
      double whenFalse = rule.whenFalse();
      return derived -> RuleKernel.bool(slot, whenTrue, whenFalse, policy, fill);
    }

    @Override
    public IntFunction<RuleKernel> percentile(Rule.Percentile rule) {
      int k = b.percentile(j, metricSlot(), rule.segment());
      return derived -> RuleKernel.column(derived + k, policy, fill);
    }

    @Override
    public IntFunction<RuleKernel> trend(Rule.Trend rule) {
      int current = b.input(rule.current(), at + ".rule.current");
      int previous = b.input(rule.previous(), at + ".rule.previous");
      double[] xs = column(rule.points(), 0);
      double[] ys = column(rule.points(), 1);
      double zero = rule.whenPreviousZero();
      return derived -> RuleKernel.trend(current, previous, xs, ys, zero, policy, fill);
    }
  }

  /** Element {@code i} of every pair. */
  private static double[] column(List<List<Double>> pairs, int i) {
    double[] out = new double[pairs.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = pairs.get(k).get(i);
    }
    return out;
  }

  /** The kernel's code of a cap's comparison. */
  private static int op(Cap.Op op) {
    return switch (op) {
      case GT -> CapKernel.GT;
      case GE -> CapKernel.GE;
      case LT -> CapKernel.LT;
      case LE -> CapKernel.LE;
      case EQ -> CapKernel.EQ;
      case NE -> CapKernel.NE;
    };
  }
}
