package dev.cskit.ttv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.ttv.stats.KaplanMeier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payback curves against an independent R computation (payback.csv, written by ttv_reference.R). */
class PaybackReferenceTest {
  @Test
  void troughsAndPaybackDaysMatchR() throws Exception {
    List<String[]> aml = new ArrayList<>();
    for (String[] r : CheckInReferenceTest.read("km_input.csv")) {
      if (r[0].equals("aml")) {
        aml.add(r);
      }
    }
    double[] t = aml.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray();
    int[] s = aml.stream().mapToInt(r -> (int) Double.parseDouble(r[2])).toArray();
    Map<String, Payback> scenarios = new HashMap<>();
    scenarios.put("ramp", Payback.of(1000, DailySeries.constant(10), DailySeries.ramp(40, 30), 0, 365));
    scenarios.put("ramp_discounted",
        Payback.of(1000, DailySeries.constant(10), DailySeries.ramp(40, 30), 0.12, 365));
    scenarios.put("never", Payback.of(100, DailySeries.constant(5), DailySeries.constant(4), 0.05, 50));
    scenarios.put("expected_aml", Payback.expected(500, DailySeries.constant(5), DailySeries.ramp(20, 10),
        0.08, 200, KaplanMeier.fit(t, s)));
    List<String[]> ref = CheckInReferenceTest.read("payback.csv");
    assertEquals(8, ref.size());
    for (String[] r : ref) {
      Payback p = scenarios.get(r[0]);
      PaybackSummary sum = r[1].equals("1") ? p.discounted() : p.undiscounted();
      String w = String.join(",", r);
      assertEquals(Integer.parseInt(r[2]), sum.troughDay(), w);
      double depth = Double.parseDouble(r[3]);
      assertEquals(depth, sum.troughDepth(), 1e-9 * Math.abs(depth), w);
      double pay = CheckInReferenceTest.num(r[4]);
      if (Double.isNaN(pay)) {
        assertTrue(Double.isNaN(sum.paybackDay()), w);
      } else {
        assertEquals(pay, sum.paybackDay(), 1e-9 * pay, w);
      }
    }
  }
}
