package dev.cskit.benchmarks;

import dev.cskit.benchmarks.card.DuckDbScorer;
import dev.cskit.benchmarks.card.EngineSummary;
import dev.cskit.benchmarks.card.HandTunedKernel;
import dev.cskit.benchmarks.card.ObjectPerAccount;
import dev.cskit.benchmarks.card.ReadAll;
import dev.cskit.benchmarks.card.ScoreSummary;
import dev.cskit.scoring.HealthScorer;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.ScoringOptions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The card over all accounts (1M by default): one operation scores every account. The engine (scalar
 * and Vector API, 1 and 2 threads) side by side with the baselines: a plain read of every value, the
 * hand-tuned columnar loop (1 and 2 threads), the object-per-account implementation and DuckDB (1 and 2
 * threads). All in one run, so the ratios come from the same conditions.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class CardBenchmark {

  /** A pool of two threads for the two-thread variants. */
  @State(Scope.Benchmark)
  public static class Pool {
    public ExecutorService pool;

    @Setup(Level.Trial)
    public void setUp() {
      pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-worker");
        t.setDaemon(true);
        return t;
      });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      pool.shutdownNow();
    }
  }

  /** The hand-tuned kernel for the card. */
  @State(Scope.Benchmark)
  public static class HandTuned {
    public HandTunedKernel kernel;

    @Setup(Level.Trial)
    public void setUp(CardState s) {
      kernel = new HandTunedKernel(s.card);
    }
  }

  /** The accounts as objects. */
  @State(Scope.Benchmark)
  public static class Naive {
    public ObjectPerAccount scorer;
    public List<ObjectPerAccount.Account> accounts;

    @Setup(Level.Trial)
    public void setUp(CardState s) {
      scorer = new ObjectPerAccount(s.card);
      accounts = ObjectPerAccount.accounts(s.table);
    }
  }

  /** DuckDB with the table loaded, on a number of threads. */
  public abstract static class Duck {
    public DuckDbScorer db;

    abstract int threads();

    @Setup(Level.Trial)
    public void setUp(CardState s) throws Exception {
      db = new DuckDbScorer(s.card, s.table, threads());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      db.close();
    }
  }

  /** DuckDB with one thread. */
  @State(Scope.Benchmark)
  public static class Duck1 extends Duck {
    @Override
    int threads() {
      return 1;
    }
  }

  /** DuckDB with two threads. */
  @State(Scope.Benchmark)
  public static class Duck2 extends Duck {
    @Override
    int threads() {
      return 2;
    }
  }

  /** The engine, compiled from the card's JSON. */
  @State(Scope.Benchmark)
  public static class Engine {
    public HealthScorer scorer;

    @Setup(Level.Trial)
    public void setUp(CardState s) {
      scorer = EngineSummary.compile(s.card);
    }
  }

  /** The engine on one thread; the scalar rules (this fork has no Vector API). */
  @Benchmark
  public ScoreTable engine(CardState s, Engine e) {
    return e.scorer.score(s.table);
  }

  /** Output arrays owned by the caller, for {@code scoreInto}. */
  @State(Scope.Benchmark)
  public static class Into {
    public double[] score;
    public double[] coverage;
    public int[] band;

    @Setup(Level.Trial)
    public void setUp(CardState s) {
      score = new double[s.accounts];
      coverage = new double[s.accounts];
      band = new int[s.accounts];
    }
  }

  /** The engine writing into caller-owned arrays ({@code scoreInto}): no allocation that grows with n. */
  @Benchmark
  public int[] engineInto(CardState s, Engine e, Into o) {
    e.scorer.scoreInto(s.table, o.score, o.coverage, o.band);
    return o.band;
  }

  /** The engine on two threads (the parallel batch API), scalar rules. */
  @Benchmark
  public ScoreTable engine2Threads(CardState s, Engine e, Pool p) {
    return e.scorer.score(s.table, ScoringOptions.builder().executor(p.pool).parallelism(2).build());
  }

  /** The engine on one thread in a JVM with the Vector API: the vector rules are used automatically. */
  @Benchmark
  @Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"},
      jvmArgsAppend = "--add-modules=jdk.incubator.vector")
  public ScoreTable engineVector(CardState s, Engine e) {
    if (!e.scorer.vectorized()) {
      throw new IllegalStateException("the Vector API rules are not in use");
    }
    return e.scorer.score(s.table);
  }

  /** The engine on two threads with the Vector API. */
  @Benchmark
  @Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"},
      jvmArgsAppend = "--add-modules=jdk.incubator.vector")
  public ScoreTable engineVector2Threads(CardState s, Engine e, Pool p) {
    return e.scorer.score(s.table, ScoringOptions.builder().executor(p.pool).parallelism(2).build());
  }

  @Benchmark
  public long readAll(CardState s) {
    return ReadAll.presentValues(s.cols, s.accounts);
  }

  @Benchmark
  public byte[] handTuned(CardState s, HandTuned h) {
    h.kernel.score(s.cols, 0, s.accounts, s.score, s.band);
    return s.band;
  }

  @Benchmark
  public byte[] handTuned2Threads(CardState s, HandTuned h, Pool p) throws Exception {
    h.kernel.scoreParallel(s.cols, s.accounts, s.score, s.band, p.pool, 2);
    return s.band;
  }

  @Benchmark
  public List<ObjectPerAccount.AccountScore> objectPerAccount(Naive n) {
    return n.scorer.score(n.accounts);
  }

  @Benchmark
  public ScoreSummary duckdb1Thread(Duck1 d) throws Exception {
    return d.db.score();
  }

  @Benchmark
  public ScoreSummary duckdb2Threads(Duck2 d) throws Exception {
    return d.db.score();
  }
}
