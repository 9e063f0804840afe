package dev.cskit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark once, briefly, in one forked JVM each, on a small portfolio, so the benchmarks never
 * rot: each must complete and report a finite time.
 */
class BenchmarkSmokeTest {

  @Test
  void everyBenchmarkRunsOnce() throws Exception {
    Options opts = new OptionsBuilder()
        .include("dev\\.cskit\\.benchmarks\\..*")
        .forks(1)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(50))
        .param("accounts", "5000")
        .jvmArgs("-Xms64m", "-Xmx512m", "-XX:TieredStopAtLevel=1")
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .timeout(TimeValue.seconds(30))
        .build();
    Collection<RunResult> results = new Runner(opts).run();

    Set<String> expected = new TreeSet<>();
    for (BenchmarkListEntry e : BenchmarkList.defaultList().getAll(null, java.util.List.of())) {
      expected.add(e.getUsername());
    }
    Set<String> ran = new TreeSet<>();
    for (RunResult r : results) {
      ran.add(r.getParams().getBenchmark());
      double t = r.getPrimaryResult().getScore();
      assertTrue(Double.isFinite(t) && t > 0, r.getParams().getBenchmark() + " scored " + t);
    }
    assertFalse(expected.isEmpty());
    assertEquals(expected, ran);
  }
}
