package dev.cskit.touchmodel;

import dev.cskit.core.InfeasiblePlanException;
import static dev.cskit.touchmodel.Fixtures.AS_OF;
import static dev.cskit.touchmodel.Fixtures.account;
import static dev.cskit.touchmodel.Fixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import dev.cskit.core.LifecycleStage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentationTest {
  private static AccountId id(String s) {
    return AccountId.of(s);
  }

  @Test
  void arrRangeRulesFirstMatchWithNearestBoundary() {
    TouchModel m = model(Fixtures.ARR_RULES);
    Segmentation s = m.segment(List.of(account("a", 5_000), account("b", 25_000), account("c", 150_000)), AS_OF);
    assertEquals("tech", s.tierOf(id("a")));
    assertEquals("low", s.tierOf(id("b")));
    assertEquals("high", s.tierOf(id("c")));
    TierAssignment b = s.of(id("b"));
    assertEquals(ReasonKind.RULE, b.kind());
    assertEquals("rule \"pooled\": arr >= 20000", b.reason());
    // pooled's 20k is 5k away (25% of the threshold); strategic's 100k is 75k away (75%)
    assertEquals(new Boundary("arr", 20_000, 25_000, 5_000), b.boundary());
    TierAssignment a = s.of(id("a"));
    assertEquals(ReasonKind.RULE, a.kind());
    // the default rule fired; the nearest rule that failed on one condition is pooled: 15k short of 20k
    assertEquals(new Boundary("arr", 20_000, 5_000, 15_000), a.boundary());
    TierSummary high = s.tier("high");
    assertEquals(1, high.accounts());
    assertEquals(150_000, high.arr(), 0);
    assertEquals(10, high.hoursNeeded(), 0);
    assertEquals(100, high.hoursAvailable(), 0);
    assertEquals(1, s.tier("low").hoursNeeded(), 0);
  }

  @Test
  void attributeStageAndBandRules() {
    TouchModel m = model("rules:\n"
        + "  - {name: ent, tier: high, when: [{field: attributes.segment, in: [Enterprise]}]}\n"
        + "  - {name: new, tier: low, when: [{field: stage, in: [onboarding]}]}\n"
        + "  - {name: risk, tier: low, when: [{field: band, in: [red]}, {field: arr, min: 10000}]}\n"
        + "  - {name: default, tier: tech}\n");
    List<Account> accounts = List.of(
        account("e", 1_000, LifecycleStage.ADOPTION, "enterprise", null),
        account("o", 1_000, LifecycleStage.ONBOARDING, "smb", null),
        account("r", 12_000, LifecycleStage.ADOPTION, "smb", null),
        account("r2", 8_000, LifecycleStage.ADOPTION, "smb", null),
        account("g", 12_000, LifecycleStage.ADOPTION, "smb", null));
    Map<AccountId, AccountHealth> health = Map.of(
        id("r"), AccountHealth.of(30, HealthBand.RED),
        id("r2"), AccountHealth.of(30, HealthBand.RED),
        id("g"), AccountHealth.of(80, HealthBand.GREEN));
    Segmentation s = m.segment(accounts, health, Map.of(), AS_OF);
    assertEquals("high", s.tierOf(id("e")));
    assertEquals("low", s.tierOf(id("o")));
    assertEquals("low", s.tierOf(id("r")));
    assertEquals("tech", s.tierOf(id("r2")));
    assertEquals("tech", s.tierOf(id("g")));
    assertEquals("red", s.of(id("r")).band());
    // r2 failed only on arr: 2k short of 10k
    assertEquals(new Boundary("arr", 10_000, 8_000, 2_000), s.of(id("r2")).boundary());
  }

  @Test
  void ltvRuleUsesTheConfiguredFormula() {
    // capped: ARR x 0.5 x min(1/0.25, 10) = 2 x ARR
    TouchModel m = model("rules:\n"
        + "  - {name: valuable, tier: high, when: [{field: ltv, min: 50000}]}\n"
        + "  - {tier: tech}\n");
    Segmentation s = m.segment(List.of(account("x", 24_999), account("y", 25_000)), AS_OF);
    assertEquals("tech", s.tierOf(id("x")));
    assertEquals("high", s.tierOf(id("y")));
    assertEquals(50_000, s.of(id("y")).ltv(), 1e-9);
  }

  @Test
  void percentileRules() {
    TouchModel m = model("rules:\n"
        + "  - {name: top, tier: high, when: [{field: arr, topPercent: 10}]}\n"
        + "  - {name: bottom, tier: tech, when: [{field: arr, bottomPercent: 10}]}\n"
        + "  - {tier: low}\n");
    List<Account> accounts = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      accounts.add(account("a" + i, i * 1000));
    }
    Segmentation s = m.segment(accounts, AS_OF);
    // 10% of 20 = 2 accounts at each end
    assertEquals("high", s.tierOf(id("a20")));
    assertEquals("high", s.tierOf(id("a19")));
    assertEquals("low", s.tierOf(id("a18")));
    assertEquals("tech", s.tierOf(id("a1")));
    assertEquals("tech", s.tierOf(id("a2")));
    assertEquals("low", s.tierOf(id("a3")));
    assertEquals(2, s.tier("high").accounts());
    assertEquals(new Boundary("arr", 19_000, 20_000, 1_000), s.of(id("a20")).boundary());
  }

  @Test
  void pinsHoldUntilTheirExpiry() {
    TouchModel m = model(Fixtures.ARR_RULES
        + "pins: [{account: small, tier: high, until: 2026-07-31, reason: reference customer}]\n");
    List<Account> accounts = List.of(account("small", 1_000));
    Segmentation before = m.segment(accounts, AS_OF);
    assertEquals("high", before.tierOf(id("small")));
    assertEquals(ReasonKind.PIN, before.of(id("small")).kind());
    assertEquals("pin: reference customer (until 2026-07-31)", before.of(id("small")).reason());
    // June 30 to July 31 inclusive: 32 days left
    assertEquals(new Boundary("pinDaysLeft", 0, 32, 32), before.of(id("small")).boundary());
    Segmentation onExpiry = m.segment(accounts, java.time.LocalDate.of(2026, 7, 31));
    assertEquals("high", onExpiry.tierOf(id("small")));
    Segmentation after = m.segment(accounts, java.time.LocalDate.of(2026, 8, 1));
    assertEquals("tech", after.tierOf(id("small")));
  }

  @Test
  void exitThresholdKeepsAnAccountInItsTier() {
    TouchModel m = model(Fixtures.ARR_RULES);
    List<Account> accounts = List.of(account("was-high", 95_000), account("new", 95_000));
    Map<AccountId, PreviousTier> prev = Map.of(id("was-high"), PreviousTier.of("high", null));
    Segmentation s = m.segment(accounts, Map.of(), prev, AS_OF);
    assertEquals("high", s.tierOf(id("was-high")));
    assertFalse(s.of(id("was-high")).changed());
    assertTrue(s.of(id("was-high")).reason().contains("within the exit threshold"), s.of(id("was-high")).reason());
    assertEquals(new Boundary("arr", 90_000, 95_000, 5_000), s.of(id("was-high")).boundary());
    assertEquals("low", s.tierOf(id("new")));
    assertNull(s.of(id("new")).previousTier());
    assertFalse(s.of(id("new")).changed());
  }

  @Test
  void minimumTimeRenewalFreezeAndChangeLimitHold() {
    TouchModel m = model(Fixtures.ARR_RULES
        + "hysteresis: {minDaysInTier: 90, maxChangesPerCycle: 1, renewalFreezeDays: 30}\n");
    List<Account> accounts = List.of(
        account("recent", 150_000),
        account("renewing", 150_000, LifecycleStage.RENEWAL, null, AS_OF.plusDays(20)),
        account("big", 200_000),
        account("bigger", 300_000));
    Map<AccountId, PreviousTier> prev = Map.of(
        id("recent"), PreviousTier.of("low", AS_OF.minusDays(30)),
        id("renewing"), PreviousTier.of("low", AS_OF.minusDays(300)),
        id("big"), PreviousTier.of("low", AS_OF.minusDays(300)),
        id("bigger"), PreviousTier.of("low", AS_OF.minusDays(300)));
    Segmentation s = m.segment(accounts, Map.of(), prev, AS_OF);
    assertEquals("low", s.tierOf(id("recent")));
    assertTrue(s.of(id("recent")).held());
    assertTrue(s.of(id("recent")).reason().contains("minimum 90"), s.of(id("recent")).reason());
    assertEquals("high", s.of(id("recent")).wantedTier());
    assertEquals("low", s.tierOf(id("renewing")));
    assertTrue(s.of(id("renewing")).reason().contains("30-day freeze"));
    // one change allowed: the more valuable account moves, the other is held
    assertEquals("high", s.tierOf(id("bigger")));
    assertTrue(s.of(id("bigger")).changed());
    assertEquals("low", s.tierOf(id("big")));
    assertTrue(s.of(id("big")).reason().contains("limit of 1 tier changes"));
    assertEquals(1, s.changedCount());
    assertEquals(3, s.heldCount());
  }

  @Test
  void capacitySpillsTheLeastValuable() {
    // high holds 100 h / 10 h = 10 accounts; 12 qualify: the two smallest spill to low
    TouchModel m = model(Fixtures.ARR_RULES);
    List<Account> accounts = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      accounts.add(account("h" + i, 100_000 + i * 1000));
    }
    Segmentation s = m.segment(accounts, AS_OF);
    assertEquals(10, s.tier("high").accounts());
    assertEquals(100, s.tier("high").hoursNeeded(), 0);
    assertEquals("low", s.tierOf(id("h1")));
    assertEquals("low", s.tierOf(id("h2")));
    assertEquals("high", s.tierOf(id("h3")));
    assertEquals(ReasonKind.CAPACITY_SPILL, s.of(id("h1")).kind());
    assertTrue(s.of(id("h1")).reason().startsWith("capacity spill: high is full (10 accounts"));
  }

  @Test
  void pinsThatOverfillATierAreReported() {
    StringBuilder pins = new StringBuilder("pins:\n");
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      pins.append("  - {account: p").append(i).append(", tier: high}\n");
      accounts.add(account("p" + i, 1000));
    }
    TouchModel m = model(Fixtures.ARR_RULES + pins);
    InfeasiblePlanException e = assertThrows(InfeasiblePlanException.class, () -> m.segment(accounts, AS_OF));
    assertTrue(e.getMessage().startsWith("tier high: pins need more room"), e.getMessage());
  }

  @Test
  void pinsThatOverfillATierUnderAllocationNameTheTier() {
    StringBuilder pins = new StringBuilder("method: allocation\nuplift: {high: {\"*\": 0.1}}\npins:\n");
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      pins.append("  - {account: p").append(i).append(", tier: high}\n");
      accounts.add(account("p" + i, 1000));
    }
    TouchModel m = model(pins.toString());
    InfeasiblePlanException e = assertThrows(InfeasiblePlanException.class, () -> m.segment(accounts, AS_OF));
    assertTrue(e.getMessage().startsWith("tier high: fixed accounts (pins, holds) need more room"),
        e.getMessage());
  }

  @Test
  void allocationMaximisesLtvTimesUpliftWithinCapacity() {
    // LTV = 2 x ARR. high: 1 slot (10 h of 10 h); low: 2 slots (2 h of 2 h); tech unlimited.
    String tiers = "version: 1\nmethod: allocation\n"
        + "tiers:\n"
        + "  - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}\n"
        + "  - {name: low, hoursPerAccountMonth: 1, capacity: {hours: 2}}\n"
        + "  - {name: high, hoursPerAccountMonth: 10, capacity: {hours: 10}}\n"
        + "ltv: {method: capped, grossMargin: 0.5, churn: 0.25, horizonYears: 10}\n"
        + "uplift: {high: {red: 0.3, green: 0.05}, low: {red: 0.1, green: 0.02}}\n";
    TouchModel m = TouchModel.parse(tiers, dev.cskit.core.ConfigFormat.YAML, "alloc.yaml");
    List<Account> accounts = List.of(account("bigGreen", 100_000), account("midRed", 50_000),
        account("smallRed", 10_000), account("tiny", 1_000));
    Map<AccountId, AccountHealth> health = new HashMap<>();
    health.put(id("bigGreen"), AccountHealth.of(HealthBand.GREEN));
    health.put(id("midRed"), AccountHealth.of(HealthBand.RED));
    health.put(id("smallRed"), AccountHealth.of(HealthBand.RED));
    health.put(id("tiny"), AccountHealth.of(HealthBand.GREEN));
    Segmentation s = m.segment(accounts, health, Map.of(), AS_OF);
    // values (LTV x uplift): bigGreen high 10000 / low 4000; midRed high 30000 / low 10000;
    // smallRed high 6000 / low 2000; tiny high 100 / low 40. Best: midRed high, bigGreen + smallRed low.
    assertEquals("high", s.tierOf(id("midRed")));
    assertEquals("low", s.tierOf(id("bigGreen")));
    assertEquals("low", s.tierOf(id("smallRed")));
    assertEquals("tech", s.tierOf(id("tiny")));
    AllocationReport r = s.allocation().orElseThrow();
    assertEquals(30_000 + 4_000 + 2_000, r.objective(), 1e-9);
    assertEquals(0, r.gap(), 1e-6);
    assertEquals(ReasonKind.ALLOCATION, s.of(id("midRed")).kind());
  }

  @Test
  void allocationRespectsHysteresisHolds() {
    String yaml = "version: 1\nmethod: allocation\n"
        + "tiers:\n"
        + "  - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}\n"
        + "  - {name: high, hoursPerAccountMonth: 10, capacity: {hours: 10}}\n"
        + "ltv: {method: capped, grossMargin: 0.5, churn: 0.25, horizonYears: 10}\n"
        + "uplift: {high: {\"*\": 0.1}}\n"
        + "hysteresis: {minDaysInTier: 90}\n";
    TouchModel m = TouchModel.parse(yaml, dev.cskit.core.ConfigFormat.YAML, "alloc.yaml");
    // the single high slot would go to "big", but "small" entered high 10 days ago: it is held there
    List<Account> accounts = List.of(account("small", 10_000), account("big", 90_000));
    Map<AccountId, PreviousTier> prev = Map.of(
        id("small"), PreviousTier.of("high", AS_OF.minusDays(10)),
        id("big"), PreviousTier.of("tech", AS_OF.minusDays(400)));
    Segmentation s = m.segment(accounts, Map.of(), prev, AS_OF);
    assertEquals("high", s.tierOf(id("small")));
    assertTrue(s.of(id("small")).held());
    assertEquals("tech", s.of(id("small")).wantedTier());
    assertEquals("tech", s.tierOf(id("big")));
    assertEquals(0, s.changedCount());
    // 100 days later the hold has lapsed and the allocation swaps them
    Map<AccountId, PreviousTier> later = Map.of(
        id("small"), PreviousTier.of("high", AS_OF.minusDays(10)),
        id("big"), PreviousTier.of("tech", AS_OF.minusDays(400)));
    Segmentation t = m.segment(accounts, Map.of(), later, AS_OF.plusDays(100));
    assertEquals("high", t.tierOf(id("big")));
    assertEquals("tech", t.tierOf(id("small")));
    assertEquals(2, t.changedCount());
    assertEquals(0, t.allocation().orElseThrow().gap(), 1e-9);
  }

  @Test
  void seminarSeatsLimitATierEvenWithoutHours() {
    String yaml = "version: 1\n"
        + "tiers:\n"
        + "  - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}\n"
        + "  - {name: seminar, hoursPerAccountMonth: 0, capacity: {seats: 2}}\n"
        + "rules: [{tier: seminar, when: [{field: arr, min: 10000}]}, {tier: tech}]\n";
    TouchModel m = TouchModel.parse(yaml, dev.cskit.core.ConfigFormat.YAML, "seats.yaml");
    Segmentation s = m.segment(List.of(account("a", 10_000), account("b", 20_000), account("c", 30_000)), AS_OF);
    assertEquals(2, s.tier("seminar").accounts());
    assertEquals("tech", s.tierOf(id("a")));
    assertEquals(ReasonKind.CAPACITY_SPILL, s.of(id("a")).kind());
    Allocation a = Allocator.solveSlots(new double[][] {{0, 5}, {0, 6}, {0, 7}}, new double[] {0, 0},
        new long[] {Long.MAX_VALUE, 2}, null);
    assertEquals(13, a.objective(), 1e-12);
  }
}
