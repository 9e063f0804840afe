package dev.cskit.ttv.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import org.junit.jupiter.api.Test;

class SurvivalErrorsTest {
  @Test
  void negativeDurationNamesRowAndColumn() {
    DataException e = assertThrows(DataException.class,
        () -> KaplanMeier.fit(new double[] {1, -2, 3}, new int[] {1, 1, 0}));
    assertEquals(2, e.row());
    assertEquals("time", e.column());
    assertTrue(e.getMessage().contains("found -2.0"), e.getMessage());
  }

  @Test
  void unknownStatusCodeNamesRowAndColumn() {
    DataException e = assertThrows(DataException.class,
        () -> KaplanMeier.fit(new double[] {1, 2, 3}, new int[] {1, 1, 2}));
    assertEquals(3, e.row());
    assertEquals("status", e.column());
    DataException c = assertThrows(DataException.class,
        () -> AalenJohansen.fit(new double[] {1, 2}, new int[] {3, 1}));
    assertEquals(1, c.row());
    AalenJohansen aj = AalenJohansen.fit(new double[] {1, 2}, new int[] {2, 1});
    DataException n = assertThrows(DataException.class,
        () -> aj.oneMinusKaplanMeier(new double[] {1, 2}, new int[] {7, 1}, 1));
    assertEquals(1, n.row());
    assertEquals("status", n.column());
  }

  @Test
  void emptyGroupIsAnError() {
    assertThrows(DataException.class, () -> KaplanMeier.fit(new double[0], new int[0]));
    DataException e = assertThrows(DataException.class,
        () -> LogRank.logRank(new double[] {1, 2}, new int[] {1, 1}, new String[] {"a", ""}));
    assertEquals("group", e.column());
    assertThrows(DataException.class,
        () -> LogRank.logRank(new double[] {1, 2}, new int[] {1, 1}, new String[] {"a", "a"}));
  }

  @Test
  void badConfidenceAndConfType() {
    assertThrows(CskitException.class, () -> ConfType.parse("logit"));
    assertThrows(CskitException.class,
        () -> KaplanMeier.fit(new double[] {1}, new int[] {1}, ConfType.LOG, 1.5));
  }

  @Test
  void numericGroupNamesAreOrderedAsNumbers() {
    LogRankResult r = LogRank.logRank(new double[] {1, 2, 3, 4, 5, 6}, new int[] {1, 1, 1, 0, 1, 1},
        new String[] {"10", "2", "1", "10", "2", "1"});
    assertEquals(java.util.List.of("1", "2", "10"),
        r.groups().stream().map(LogRankGroup::group).toList());
  }
}
