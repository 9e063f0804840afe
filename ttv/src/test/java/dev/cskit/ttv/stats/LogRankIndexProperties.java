package dev.cskit.ttv.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cskit.core.DataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The G-rho test with cohorts given by index into a list of names equals the test with a name per subject,
 * bit for bit, whatever the order of the names.
 */
class LogRankIndexProperties {
  @Property(tries = 200)
  void indexedEqualsNamed(@ForAll @IntRange(min = 2, max = 300) int n, @ForAll @IntRange(min = 2, max = 5) int k,
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 1) int rho) {
    Random r = new Random(seed);
    List<String> names = new ArrayList<>(List.of("10", "2", "b", "a", "1.5").subList(0, k));
    Collections.shuffle(names, r);
    double[] time = new double[n];
    int[] status = new int[n];
    int[] group = new int[n];
    String[] named = new String[n];
    for (int i = 0; i < n; i++) {
      time[i] = Math.round(r.nextDouble() * 30 * 4) / 4.0; // ties
      status[i] = r.nextInt(3) == 0 ? 0 : 1;
      group[i] = i < 2 ? i : r.nextInt(k);
      named[i] = names.get(group[i]);
    }
    Object a = outcome(() -> LogRank.test(time, status, named, rho));
    Object b = outcome(() -> LogRank.test(time, status, group, names, rho));
    assertEquals(a, b);
  }

  /** The result, or the message of the error (degenerate data: both ways must refuse it alike). */
  private static Object outcome(java.util.function.Supplier<LogRankResult> test) {
    try {
      return test.get();
    } catch (DataException e) {
      return e.getMessage();
    }
  }

  @Example
  void refusesBadIndices() {
    double[] t = {1, 2, 3};
    int[] s = {1, 1, 0};
    assertThrows(DataException.class, () -> LogRank.test(t, s, new int[] {0, 1, 2}, List.of("a", "b"), 0));
    assertThrows(DataException.class, () -> LogRank.test(t, s, new int[] {0, 0, 0}, List.of("a", "b"), 0));
    assertThrows(DataException.class, () -> LogRank.test(t, s, new int[] {0, 1, 1}, List.of("a", "a"), 0));
  }
}
