package dev.cskit.ttv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.ttv.stats.KaplanMeier;
import org.junit.jupiter.api.Test;

class PaybackTest {
  @Test
  void troughAndInterpolatedPaybackDay() {
    // upfront 100, cost 5/day, benefit ramps 0, 10, 20, 30, 40, then 40
    Payback p = Payback.of(100, DailySeries.constant(5), DailySeries.of(0, 10, 20, 30, 40), 0, 20);
    // net flows: -5, 5, 15, 25, 35, 35...; cumulative: -100, -105, -100, -85, -60, -25, 10
    assertEquals(1, p.undiscounted().troughDay());
    assertEquals(-105, p.undiscounted().troughDepth(), 1e-12);
    assertEquals(5 + 25.0 / 35, p.undiscounted().paybackDay(), 1e-12);
    // discounting at 10% a year delays payback a little
    Payback q = Payback.of(100, DailySeries.constant(5), DailySeries.of(0, 10, 20, 30, 40), 0.10, 20);
    double df1 = Math.pow(1.1, -1 / 365.0);
    assertEquals(-100 - 5 * df1, q.discounted().troughDepth(), 1e-12);
    assertTrue(q.discounted().paybackDay() > q.undiscounted().paybackDay());
    assertEquals(p.undiscounted(), q.undiscounted());
  }

  @Test
  void neverPaysBackIsNaN() {
    Payback p = Payback.of(100, DailySeries.constant(5), DailySeries.constant(4), 0, 50);
    assertTrue(Double.isNaN(p.undiscounted().paybackDay()));
    assertEquals(50, p.undiscounted().troughDay());
  }

  @Test
  void expectedCurveMixesBenefitStartsOverTheTimeToValue() {
    // half reach value at day 1, half at day 3 (no censoring)
    KaplanMeier km = KaplanMeier.fit(new double[] {1, 1, 3, 3}, new int[] {1, 1, 1, 1});
    Payback e = Payback.expected(0, DailySeries.constant(0), DailySeries.constant(10), 0, 6, km);
    // day 1: nothing yet; day 2: 0.5 * 10; day 3: 5; day 4: 10 ...
    assertEquals(0, e.curve().get(1).benefit(), 1e-12);
    assertEquals(5, e.curve().get(2).benefit(), 1e-12);
    assertEquals(5, e.curve().get(3).benefit(), 1e-12);
    assertEquals(10, e.curve().get(4).benefit(), 1e-12);
    assertEquals(30, e.curve().get(5).cumulativeNet(), 1e-12);
  }
}
