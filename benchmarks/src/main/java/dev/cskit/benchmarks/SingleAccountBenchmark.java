package dev.cskit.benchmarks;

import dev.cskit.benchmarks.card.CardData;
import dev.cskit.benchmarks.card.CardSpec;
import dev.cskit.benchmarks.card.EngineSummary;
import dev.cskit.core.AccountId;
import dev.cskit.core.MetricTable;
import dev.cskit.scoring.HealthScore;
import dev.cskit.scoring.HealthScorer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One account, the 12-measure card: the allocation-free {@code quickScore} (no explanation) and, for
 * reference, the full single-account result with its explanation. Each call scores the next of 1024
 * different accounts, so nothing can be hoisted or constant-folded.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SingleAccountBenchmark {
  static final int ROWS = 1024;

  @Param("1024")
  public int accounts;

  HealthScorer scorer;
  double[][] values;
  AccountId[] ids;
  List<Map<String, Double>> maps;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    CardSpec card = CardSpec.standard();
    MetricTable table = CardData.generate(card, Math.max(accounts, ROWS), CardState.SEED);
    scorer = EngineSummary.compile(card);
    List<String> inputs = scorer.inputs();
    values = new double[ROWS][inputs.size()];
    ids = new AccountId[ROWS];
    maps = new java.util.ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      for (int s = 0; s < inputs.size(); s++) {
        values[i][s] = table.value(i, inputs.get(s));
      }
      ids[i] = table.accountId(i);
      maps.add(table.row(i).asMap());
    }
  }

  /** The score of one account: the latency goal (under 200 ns). */
  @Benchmark
  public double quickScore() {
    int i = next++ & (ROWS - 1);
    return scorer.quickScore(values[i]);
  }

  /** One account with everything: band, coverage, sub-scores, contributions (the explanation). */
  @Benchmark
  public HealthScore fullScore() {
    int i = next++ & (ROWS - 1);
    return scorer.score(ids[i], maps.get(i));
  }
}
