package dev.cskit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The label of the intervals' confidence level is the level as it was given, as a percentage. */
class BandRetentionTest {
  private static String level(double confidence) {
    return new BandRetention(LocalDate.of(2026, 6, 30), YearMonth.of(2026, 6), confidence, List.of(), List.of())
        .level();
  }

  @Test
  void levelsPrintAsGiven() {
    assertEquals("95%", level(0.95));
    assertEquals("97.5%", level(0.975));
    assertEquals("68.3%", level(0.683)); // 0.683 * 100 is 68.30000000000001 in doubles
    assertEquals("57%", level(0.57)); // and 0.57 * 100 is 56.99999999999999
    assertEquals("99.9%", level(0.999));
  }
}
