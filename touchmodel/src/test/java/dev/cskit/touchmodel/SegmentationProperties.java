package dev.cskit.touchmodel;

import dev.cskit.core.InfeasiblePlanException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.HealthBand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SegmentationProperties {
  private static final String[] TIERS = {"tech", "low", "high"};
  private static final HealthBand[] BANDS = {HealthBand.RED, HealthBand.YELLOW, HealthBand.GREEN};

  /**
   * Random portfolios, capacities, pins, previous tiers and hysteresis, under both methods: every account gets
   * exactly one tier, no tier exceeds its capacity, and active pins hold; or the plan is reported infeasible.
   */
  @Property(tries = 150)
  void capacityAndPinsHoldEndToEnd(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n,
      @ForAll boolean allocation) {
    Random r = new Random(seed);
    int lowHours = r.nextInt(40);
    int highHours = r.nextInt(80);
    StringBuilder yaml = new StringBuilder("version: 1\n")
        .append("method: ").append(allocation ? "allocation" : "rules").append('\n')
        .append("tiers:\n")
        .append("  - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}\n")
        .append("  - {name: low, hoursPerAccountMonth: 2, capacity: {hours: ").append(lowHours).append("}}\n")
        .append("  - {name: high, hoursPerAccountMonth: 8, capacity: {hours: ").append(highHours).append("}}\n")
        .append("rules:\n")
        .append("  - {tier: high, when: [{field: arr, min: ").append(20_000 + r.nextInt(80_000)).append("}]}\n")
        .append("  - {tier: high, when: [{field: band, in: [red]}, {field: arr, min: 10000}]}\n")
        .append("  - {tier: low, when: [{field: ltv, topPercent: ").append(5 + r.nextInt(50)).append("}]}\n")
        .append("  - {tier: tech}\n")
        .append("uplift: {high: {red: 0.3, yellow: 0.2, green: 0.05}, low: {red: 0.1, \"*\": 0.05}}\n")
        .append("hysteresis: {minDaysInTier: ").append(r.nextInt(60)).append(", maxChangesPerCycle: ")
        .append(r.nextInt(5)).append(", renewalFreezeDays: ").append(r.nextInt(30)).append("}\n");
    List<Account> accounts = new ArrayList<>();
    Map<AccountId, AccountHealth> health = new HashMap<>();
    Map<AccountId, PreviousTier> previous = new HashMap<>();
    Map<String, String> pins = new HashMap<>();
    StringBuilder pinYaml = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String id = "a" + i;
      accounts.add(Fixtures.account(id, dev.cskit.core.LifecycleStage.ADOPTION, r.nextInt(150_000),
          Fixtures.AS_OF.plusDays(r.nextInt(400))));
      health.put(AccountId.of(id), AccountHealth.of(r.nextDouble() * 100, BANDS[r.nextInt(3)]));
      if (r.nextBoolean()) {
        previous.put(AccountId.of(id), PreviousTier.of(TIERS[r.nextInt(3)], Fixtures.AS_OF.minusDays(r.nextInt(120))));
      }
      if (r.nextInt(10) == 0) {
        String tier = TIERS[r.nextInt(3)];
        boolean expired = r.nextInt(4) == 0;
        pinYaml.append("  - {account: ").append(id).append(", tier: ").append(tier).append(", until: ")
            .append(expired ? Fixtures.AS_OF.minusDays(1) : Fixtures.AS_OF.plusDays(10)).append("}\n");
        if (!expired) {
          pins.put(id, tier);
        }
      }
    }
    if (pinYaml.length() > 0) {
      yaml.append("pins:\n").append(pinYaml);
    }
    TouchModel model = TouchModel.parse(yaml.toString(), ConfigFormat.YAML, "random.yaml");
    Segmentation s;
    try {
      s = model.segment(accounts, health, previous, Fixtures.AS_OF);
    } catch (InfeasiblePlanException e) {
      // only pins can make these plans infeasible (tech is unlimited)
      long pinnedLow = pins.values().stream().filter("low"::equals).count();
      long pinnedHigh = pins.values().stream().filter("high"::equals).count();
      assertTrue(pinnedLow * 2 > lowHours || pinnedHigh * 8 > highHours, e.getMessage());
      return;
    }
    assertEquals(n, s.assignments().size());
    for (TierSummary t : s.tiers()) {
      assertTrue(t.hoursNeeded() <= t.hoursAvailable() + 1e-9, t.toString());
    }
    for (Map.Entry<String, String> p : pins.entrySet()) {
      TierAssignment a = s.of(AccountId.of(p.getKey()));
      assertEquals(p.getValue(), a.tier(), a.toString());
      assertEquals(ReasonKind.PIN, a.kind());
    }
    for (TierAssignment a : s.assignments()) {
      assertTrue(a.reason() != null && !a.reason().isEmpty());
      assertEquals(a.previousTier() != null && !a.previousTier().equals(a.tier()), a.changed());
    }
  }
}
