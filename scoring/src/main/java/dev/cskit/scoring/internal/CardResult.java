package dev.cskit.scoring.internal;

import dev.cskit.core.AccountId;
import dev.cskit.scoring.ScoreOverride;
import java.util.List;
import java.util.Map;

/**
 * The columns one compiled card produced for its rows (row-local indices): the engine's output. Arrays are
 * never written after the engine returns.
 */
public final class CardResult {
  public final CompiledCard card;
  public final int n;
  public final AccountId[] ids;
  /** Final score (after caps and an overall override); NaN when undefined. */
  public final double[] score;
  /** Score before caps and an overall override (after measure and category overrides). */
  public final double[] preCap;
  public final double[] coverage;
  /** Band index into {@link CompiledCard#bands}; -1 for INSUFFICIENT_DATA. */
  public final int[] band;
  /** Bit k set when cap k fired. */
  public final long[] capsFired;

  /** The caps that fired for a row, as bits ({@link #capsFired} is null for a lean result of a card without caps). */
  public long capsFired(int row) {
    return capsFired == null ? 0L : capsFired[row];
  }
  /** [category][row] category scores (null until first needed when built by {@link LeanEngine}). */
  volatile double[][] categories;
  /** [measure][row] sub-scores; NaN when the measure has none (null until needed, as categories). */
  volatile double[][] measures;
  /** Produces the full result (with measure and category columns) of a lean one; null for a full one. */
  private final java.util.function.Supplier<CardResult> detail;
  public final OverridePlan plan;
  /** Expired overrides by local row. */
  public final Map<Integer, List<ScoreOverride>> expired;
  /** Sorted present values by percentile measure id, then segment value ("" without segment). */
  public final Map<String, Map<String, double[]>> distributions;

  CardResult(CompiledCard card, int n, AccountId[] ids, OverridePlan plan,
      Map<Integer, List<ScoreOverride>> expired, Map<String, Map<String, double[]>> distributions) {
    this.card = card;
    this.n = n;
    this.ids = ids;
    this.score = new double[n];
    this.preCap = new double[n];
    this.coverage = new double[n];
    this.band = new int[n];
    this.capsFired = new long[n];
    this.categories = new double[card.categoryCount()][n];
    this.measures = new double[card.measureCount()][n];
    this.plan = plan;
    this.expired = expired;
    this.distributions = distributions;
    this.detail = null;
  }

  private CardResult(CompiledCard card, int n, AccountId[] ids, OverridePlan plan,
      Map<Integer, List<ScoreOverride>> expired, Map<String, Map<String, double[]>> distributions,
      java.util.function.Supplier<CardResult> detail) {
    this.card = card;
    this.n = n;
    this.ids = ids;
    this.score = new double[n];
    // without caps and overall overrides the score before caps is the score: one array serves both
    this.preCap = card.caps.length == 0 && !plan.hasOverall() ? score : new double[n];
    this.coverage = new double[n];
    this.band = new int[n];
    this.capsFired = card.caps.length == 0 ? null : new long[n];
    this.plan = plan;
    this.expired = expired;
    this.distributions = distributions;
    this.detail = detail;
  }

  private CardResult(CompiledCard card, int n, AccountId[] ids, double[] score, double[] coverage, int[] band) {
    this.card = card;
    this.n = n;
    this.ids = ids;
    this.score = score;
    this.preCap = score;
    this.coverage = coverage;
    this.band = band;
    this.capsFired = card.caps.length == 0 ? null : new long[n];
    this.plan = OverridePlan.EMPTY;
    this.expired = Map.of();
    this.distributions = Map.of();
    this.detail = () -> {
      throw new IllegalStateException("a result scored into caller arrays has no detail columns");
    };
  }

  /**
   * A lean result writing into caller-owned arrays (for {@link LeanEngine#into}): no overrides, the score
   * before caps not kept, no detail columns; allocates only the caps bits, and only when the card has caps.
   */
  static CardResult into(CompiledCard card, int n, AccountId[] ids, double[] score, double[] coverage,
      int[] band) {
    return new CardResult(card, n, ids, score, coverage, band);
  }

  /**
   * A result with only the overall columns filled by the caller ({@link LeanEngine}); the measure and category
   * columns come from {@code detail} (the full engine over the same inputs) on first use.
   */
  static CardResult lean(CompiledCard card, int n, AccountId[] ids, OverridePlan plan,
      Map<Integer, List<ScoreOverride>> expired, Map<String, Map<String, double[]>> distributions,
      java.util.function.Supplier<CardResult> detail) {
    return new CardResult(card, n, ids, plan, expired, distributions, detail);
  }

  /** [measure][row] sub-scores; NaN when the measure has none. Computed on first use for a lean result. */
  public double[][] measures() {
    double[][] m = measures;
    return m != null ? m : fill().measures;
  }

  /** [category][row] category scores. Computed on first use for a lean result. */
  public double[][] categories() {
    double[][] c = categories;
    return c != null ? c : fill().categories;
  }

  private synchronized CardResult fill() {
    if (measures == null) {
      CardResult full = detail.get();
      categories = full.categories;
      measures = full.measures;
    }
    return this;
  }
}
