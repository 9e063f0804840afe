package dev.cskit.scoring.internal;

import dev.cskit.core.AccountId;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The columns one compiled card produced for its rows (row-local indices): the engine's output, plus what is
 * needed to re-run any row. A batch run keeps the overall score, band, coverage, fired caps and category
 * scores; a detailed run (single accounts, or {@link #detailed()}) also keeps every measure's sub-score and
 * the score before caps. Arrays are never written after the engine returns.
 */
public final class CardResult {
  public final CompiledCard card;
  public final int n;
  /** The account of a local row. */
  public final IntFunction<AccountId> ids;
  /** Final score (after caps and an overall override); NaN when undefined. */
  public final double[] score;
  public final double[] coverage;
  /** Band index into {@link CompiledCard#bands}; -1 for INSUFFICIENT_DATA. */
  public final int[] band;
  /** Bit k set when cap k fired; null when the card has no caps. */
  public final int[] capsFired;
  /** [category][row] category scores; null for a card without categories unless detailed. */
  public final double[][] categories;
  /** [measure][row] sub-scores (NaN when none); only in a detailed result, else null. */
  public final double[][] measures;
  /** Score before caps and an overall override; only in a detailed result, else null. */
  public final double[] preCap;

  /** The bound input columns (metric slots, then derived percentile columns), for re-running rows. */
  public final double[][] inputs;
  public final OverridePlan plan;
  /** Sorted present values by percentile measure id, then segment value ("" without segment). */
  public final Map<String, Map<String, double[]>> distributions;

  private volatile CardResult detailed;

  CardResult(CompiledCard card, int n, IntFunction<AccountId> ids, double[][] inputs, OverridePlan plan,
      Map<String, Map<String, double[]>> distributions, boolean detail) {
    this.card = card;
    this.n = n;
    this.ids = ids;
    this.score = new double[n];
    this.coverage = new double[n];
    this.band = new int[n];
    this.capsFired = card.caps.length == 0 ? null : new int[n];
    this.categories = card.hasCategories || detail ? new double[card.categoryCount()][n] : null;
    this.measures = detail ? new double[card.measureCount()][n] : null;
    this.preCap = detail ? new double[n] : null;
    this.inputs = inputs;
    this.plan = plan;
    this.distributions = distributions;
  }

  /**
   * A batch result over caller-owned score, coverage and band arrays (for {@link BlockEngine#into}): no
   * overrides, and for a card with categories or caps their columns are allocated as usual.
   */
  CardResult(CompiledCard card, int n, IntFunction<AccountId> ids, double[][] inputs, double[] score,
      double[] coverage, int[] band) {
    this.card = card;
    this.n = n;
    this.ids = ids;
    this.score = score;
    this.coverage = coverage;
    this.band = band;
    this.capsFired = card.caps.length == 0 ? null : new int[n];
    this.categories = card.hasCategories ? new double[card.categoryCount()][n] : null;
    this.measures = null;
    this.preCap = null;
    this.inputs = inputs;
    this.plan = OverridePlan.EMPTY;
    this.distributions = Map.of();
  }

  /** Whether this result keeps measure sub-scores. */
  public boolean isDetailed() {
    return measures != null;
  }

  /** This result with every measure's sub-score, computed once (same engine, same bits). */
  public CardResult detailed() {
    if (isDetailed()) {
      return this;
    }
    CardResult d = detailed;
    if (d == null) {
      synchronized (this) {
        d = detailed;
        if (d == null) {
          d = BlockEngine.run(card, inputs, n, ids, plan, distributions, true);
          detailed = d;
        }
      }
    }
    return d;
  }

  /** One row re-run alone, detailed (same engine, same bits); its row index is 0. */
  public CardResult row(int local) {
    if (isDetailed() && n == 1) {
      return this;
    }
    double[][] one = new double[inputs.length][];
    for (int s = 0; s < inputs.length; s++) {
      one[s] = new double[] {inputs[s][local]};
    }
    AccountId id = ids.apply(local);
    return BlockEngine.run(card, one, 1, x -> id, plan.forRow(local), distributions, true);
  }

  /**
   * Some rows re-run together, detailed (same engine, same bits): row {@code k} of the result is local row
   * {@code rows[k]} of this one. Used to explain a large result block by block, in memory that does not grow
   * with the table.
   */
  public CardResult gather(int[] rows) {
    double[][] some = new double[inputs.length][];
    for (int s = 0; s < inputs.length; s++) {
      double[] col = inputs[s];
      double[] g = new double[rows.length];
      for (int k = 0; k < rows.length; k++) {
        g[k] = col[rows[k]];
      }
      some[s] = g;
    }
    IntFunction<AccountId> all = ids;
    return BlockEngine.run(card, some, rows.length, k -> all.apply(rows[k]), plan.gather(rows), distributions,
        true);
  }
}
