package dev.cskit.ttv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BottlenecksTest {
  @Test
  void stallStepIsTheLongestCensoringAwareStep() {
    List<MilestoneEvent> ev = new ArrayList<>();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 6; i++) {
      AccountId id = AccountId.of("a" + i);
      ev.add(new MilestoneEvent(id, "invited", t0));
      ev.add(new MilestoneEvent(id, "app", t0.plusSeconds(86400L * (1 + i % 2))));
      if (i < 3) { // only half finish the second step, after 10 days
        ev.add(new MilestoneEvent(id, "value", t0.plusSeconds(86400L * (11 + i % 2))));
      }
    }
    Instant asOf = t0.plusSeconds(86400L * 20);
    Bottlenecks b = Bottlenecks.analyze(ev, List.of("invited", "app", "value"), List.of("churned"), asOf);
    assertEquals(2, b.steps().size());
    assertEquals(6, b.steps().get(0).entered());
    assertEquals(6, b.steps().get(0).completed());
    assertEquals(1.5, b.steps().get(0).restrictedMean().value(), 1e-12);
    assertEquals(3, b.steps().get(1).completed());
    assertEquals(3, b.steps().get(1).censored());
    assertEquals(1, b.stallStep());
    // step 1: censored durations are 20 - 1 or 20 - 2 days: the horizon is 19
    assertEquals(19.0, b.horizon(), 1e-12);
    // the text: one precision per column (days to 1 decimal, whole or not; std errs to 2)
    String[] lines = b.toString().split("\n");
    assertEquals("invited -> app        6          6        0          1.5              1.5     0.20", lines[3]);
    assertTrue(lines[4].matches("app -> value +6 +3 +3 +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d\\d"), lines[4]);
  }
}
