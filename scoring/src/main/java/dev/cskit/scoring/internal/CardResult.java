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
  /** [category][row] category scores. */
  public final double[][] categories;
  /** [measure][row] sub-scores; NaN when the measure has none. */
  public final double[][] measures;
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
  }
}
