package dev.cskit.touchmodel;

import static dev.cskit.touchmodel.Fixtures.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.HealthBand;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class HysteresisProperties {
  private static final TouchModel MODEL = TouchModel.parse("version: 1\n"
      + "tiers:\n"
      + "  - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}\n"
      + "  - {name: high, hoursPerAccountMonth: 5, capacity: {hours: 50}}\n"
      + "rules:\n"
      + "  - {name: at-risk, tier: high, when: [{field: score, max: 40, exitMax: 50}]}\n"
      + "  - {tier: tech}\n", ConfigFormat.YAML, "osc.yaml");

  /**
   * A score that oscillates around the entry threshold (40) by less than the gap to the exit threshold (50)
   * enters high touch once and then never flips back, run after run.
   */
  @Property(tries = 200)
  void anOscillatingScoreDoesNotFlipTheTier(
      @ForAll @DoubleRange(min = 0.1, max = 9.9) double amplitude,
      @ForAll @DoubleRange(min = -0.9, max = 0.9) double phase,
      @ForAll @IntRange(min = 4, max = 30) int runs) {
    int flips = flips(MODEL, amplitude, phase, runs);
    // at most one change: from tech into high the first time the score dips below 40
    org.junit.jupiter.api.Assertions.assertTrue(flips <= 1, flips + " flips");
  }

  /** The same oscillation without an exit threshold flips every run: the property above has teeth. */
  @Property(tries = 20)
  void withoutExitThresholdItFlips(
      @ForAll @DoubleRange(min = 0.1, max = 9.9) double amplitude,
      @ForAll @DoubleRange(min = -0.9, max = 0.9) double phase,
      @ForAll @IntRange(min = 4, max = 30) int runs) {
    assertEquals(runs - 1, flips(NO_EXIT, amplitude, phase, runs));
  }

  private static final TouchModel NO_EXIT = TouchModel.parse("version: 1\n"
      + "tiers:\n"
      + "  - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}\n"
      + "  - {name: high, hoursPerAccountMonth: 5, capacity: {hours: 50}}\n"
      + "rules:\n"
      + "  - {name: at-risk, tier: high, when: [{field: score, max: 40}]}\n"
      + "  - {tier: tech}\n", ConfigFormat.YAML, "no-exit.yaml");

  private static int flips(TouchModel model, double amplitude, double phase, int runs) {
    Account a = Fixtures.account("osc", 5_000);
    AccountId id = a.id();
    PreviousTier prev = null;
    int flips = 0;
    String first = null;
    for (int k = 0; k < runs; k++) {
      double score = 40 + amplitude * ((k + (phase > 0 ? 1 : 0)) % 2 == 0 ? 1 : -1);
      Map<AccountId, PreviousTier> previous = prev == null ? Map.of() : Map.of(id, prev);
      Segmentation s = model.segment(List.of(a),
          Map.of(id, AccountHealth.of(score, score < 40 ? HealthBand.RED : HealthBand.YELLOW)), previous,
          AS_OF.plusDays(7L * k));
      String tier = s.tierOf(id);
      if (first == null) {
        first = tier;
      } else if (!tier.equals(prev.tier())) {
        flips++;
      }
      prev = PreviousTier.of(tier, AS_OF.plusDays(7L * k));
    }
    if (flips == 1 && model == MODEL) {
      assertEquals("tech", first);
      assertEquals("high", prev.tier());
    }
    return flips;
  }
}
