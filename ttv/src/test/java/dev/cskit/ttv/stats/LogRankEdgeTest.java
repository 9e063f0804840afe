package dev.cskit.ttv.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The degenerate cases, as R's survdiff reports them. */
class LogRankEdgeTest {
  /** survdiff(Surv(c(1,2,0.5,0.7), c(1,1,0,0)) ~ g): Chisq = 0 on 0 degrees of freedom, p = 1. */
  @Test
  void oneGroupWithExpectedEventsHasNoTest() {
    LogRankResult r = LogRank.logRank(new double[] {1, 2, 0.5, 0.7}, new int[] {1, 1, 0, 0},
        new String[] {"a", "a", "b", "b"});
    assertEquals(0, r.df());
    assertEquals(0.0, r.chiSquare());
    assertEquals(1.0, r.pValue());
  }

  /** survdiff(Surv(1:4, c(0,0,0,0)) ~ g): Chisq = 0 on -1 degrees of freedom, p = NA. */
  @Test
  void noEventsAtAll() {
    LogRankResult r = LogRank.logRank(new double[] {1, 2, 3, 4}, new int[] {0, 0, 0, 0},
        new String[] {"a", "a", "b", "b"});
    assertEquals(-1, r.df());
    assertEquals(0.0, r.chiSquare());
    assertTrue(Double.isNaN(r.pValue()));
  }
}
