package dev.cskit.touchmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.Configs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class LtvTest {

  /** Values from src/test/resources/reference/ltv.py (exact rational arithmetic / term-by-term sums). */
  @Test
  void matchesPythonReference() throws Exception {
    List<String[]> rows;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        LtvTest.class.getResourceAsStream("/reference/ltv.csv"), StandardCharsets.UTF_8))) {
      rows = r.lines().skip(1).map(l -> l.split(",")).collect(Collectors.toList());
    }
    assertTrue(rows.size() > 300);
    double maxRel = 0;
    for (String[] c : rows) {
      double arpa = Double.parseDouble(c[1]);
      double margin = Double.parseDouble(c[2]);
      double churn = Double.parseDouble(c[3]);
      double d = Double.parseDouble(c[4]);
      double expected = Double.parseDouble(c[6]);
      double actual;
      if (c[0].equals("capped")) {
        actual = Ltv.capped(arpa, margin, churn, Double.parseDouble(c[5]));
      } else if (c[5].equals("inf")) {
        actual = Ltv.discounted(arpa * margin, 1 - churn, d);
      } else {
        actual = Ltv.discounted(arpa * margin, 1 - churn, d, Double.parseDouble(c[5]));
      }
      double rel = Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
      maxRel = Math.max(maxRel, rel);
      assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), String.join(",", c));
    }
    assertTrue(maxRel < 1e-9);
  }

  @Test
  void handComputedExamples() {
    // 12,000 ARR, 80% margin, 20% churn: 9,600 / 0.2 = 48,000, under a 10-year cap of 96,000
    assertEquals(48_000, Ltv.capped(12_000, 0.8, 0.2, 10), 1e-9);
    // 2% churn would mean 50 years: capped at 5 years
    assertEquals(48_000, Ltv.capped(12_000, 0.8, 0.02, 5), 1e-9);
    // m r / (1 + d - r): 100 * 0.9 / (1.1 - 0.9) = 450
    assertEquals(450, Ltv.discounted(100, 0.9, 0.1), 1e-9);
    // two periods: 100 * (0.9/1.1) + 100 * (0.9/1.1)^2
    double q = 0.9 / 1.1;
    assertEquals(100 * q + 100 * q * q, Ltv.discounted(100, 0.9, 0.1, 2), 1e-9);
  }

  @Property
  void nearZeroChurnNeverExplodes(
      @ForAll @DoubleRange(min = 0, max = 1e-6) @net.jqwik.api.constraints.Scale(12) double churn,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double discount,
      @ForAll @DoubleRange(min = 1, max = 1e6) double arr) {
    assertTrue(Ltv.capped(arr, 0.8, churn, 7) <= arr * 0.8 * 7 * (1 + 1e-12));
    assertTrue(Ltv.discounted(arr * 0.8, 1 - churn, discount) <= arr * 0.8 / discount * (1 + 1e-12));
    assertTrue(Ltv.discounted(arr * 0.8, 1 - churn, 0, 7) <= arr * 0.8 * 7 * (1 + 1e-9));
  }

  @Property
  void finiteHorizonApproachesInfiniteSumFromBelow(
      @ForAll @DoubleRange(min = 0, max = 0.9) double churn,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double discount,
      @ForAll @DoubleRange(min = 1, max = 40) double horizon) {
    double finite = Ltv.discounted(1000, 1 - churn, discount, horizon);
    double infinite = Ltv.discounted(1000, 1 - churn, discount);
    assertTrue(finite <= infinite * (1 + 1e-12), finite + " > " + infinite);
    assertTrue(Ltv.discounted(1000, 1 - churn, discount, horizon + 1) >= finite);
  }

  @Test
  void settingsUsePerTierChurn() {
    LtvSettings s = new LtvSettings(
        LtvSettings.Method.CAPPED, 0.5, 0.25, Map.of("High", 0.1), null, 20.0);
    assertEquals(10_000 * 0.5 * 4, s.ltv(10_000), 1e-9);
    assertEquals(10_000 * 0.5 * 10, s.ltv(10_000, "high"), 1e-9);
    assertEquals(10_000 * 0.5 * 4, s.ltv(10_000, "low"), 1e-9);
  }

  @Test
  void settingsErrorsNamePaths() {
    ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse(
        "method: discounted\ngrossMargin: 0.8\nchurn: 0\ndiscountRate: 0\n", ConfigFormat.YAML, "ltv.yaml",
        LtvSettings.class));
    assertEquals("discountRate", e.path());
    ConfigException e2 = assertThrows(ConfigException.class, () -> Configs.parse(
        "churnByTier: {high: 1.5}\n", ConfigFormat.YAML, "ltv.yaml", LtvSettings.class));
    assertEquals("churnByTier.high", e2.path());
    assertTrue(e2.getMessage().startsWith("ltv.yaml, churnByTier.high"), e2.getMessage());
  }
}
