package dev.cskit.benchmarks;

import dev.cskit.benchmarks.card.CardData;
import dev.cskit.benchmarks.card.CardSpec;
import dev.cskit.benchmarks.card.HandTunedKernel;
import dev.cskit.core.MetricTable;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The card and its seeded accounts, shared by every benchmark of a trial. */
@State(Scope.Benchmark)
public class CardState {
  /** The data seed: every implementation sees the same accounts. */
  public static final long SEED = 42L;

  @Param("1000000")
  public int accounts;

  public CardSpec card;
  public MetricTable table;
  /** The table's backing columns in the card's measure order (read only). */
  public double[][] cols;
  /** Output buffers of the baselines that write per-account results. */
  public double[] score;
  public byte[] band;

  @Setup(Level.Trial)
  public void setUp() {
    card = CardSpec.standard();
    table = CardData.generate(card, accounts, SEED);
    cols = HandTunedKernel.columns(table, card);
    score = new double[accounts];
    band = new byte[accounts];
  }
}
