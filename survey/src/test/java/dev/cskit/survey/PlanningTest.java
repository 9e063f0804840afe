package dev.cskit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.ConfigFormat;
import dev.cskit.core.Configs;
import dev.cskit.core.TouchTier;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Escalation plans, the plan file and stratified allocation. */
class PlanningTest {

  @Test
  void theExamplePlanFileReadsAndPlans() throws Exception {
    EscalationPlan plan;
    try (InputStream in = EscalationPlan.class.getResourceAsStream("escalation-plan-example.yaml")) {
      plan = Configs.read(in, ConfigFormat.YAML, "escalation-plan-example.yaml", EscalationPlan.class);
    }
    assertEquals(1, plan.formatVersion());
    assertEquals(1200, plan.population().size());
    assertEquals(6, plan.waves().size());
    assertEquals(List.of("low", "high"), plan.waves().get(4).tiers());
    assertTrue(plan.waves().get(0).required());
    assertEquals(0.02, plan.waves().get(1).costPerContact());
    PlanResult r = plan.cheapest();
    assertTrue(r.feasible(), r::toString);
    assertEquals("email", r.waves().get(0).name());
    assertEquals(420, r.targetResponses());
    assertTrue(r.probability() >= 0.9);
    assertTrue(r.expectedRate() > 0.35);
    // e-mail alone cannot reach 35%
    EscalationPlan emailOnly = EscalationPlan.of(plan.population(), plan.target(), plan.waves().subList(0, 1));
    assertFalse(emailOnly.cheapest().feasible());
    // and it survives a round trip through JSON
    String json = Configs.write(plan, ConfigFormat.JSON);
    assertEquals(plan, EscalationPlan.parse(json, ConfigFormat.JSON, "plan.json"));
    // the text table: one precision per column (counts to 1 decimal, the rate in percent, costs as money)
    String[] lines = r.toString().split("\n");
    int header = 0;
    while (!lines[header].startsWith("wave ")) {
      header++;
    }
    assertEquals(r.waves().size(), lines.length - header - 2, r.toString());
    for (int i = 0; i < r.waves().size(); i++) {
      PlanResult.WaveOutcome w = r.waves().get(i);
      String expected = String.format(java.util.Locale.ROOT, ".* %.1f +%.1f +%.1f%% +%,.0f", w.contacts(),
          w.responses(), w.cumulativeRate() * 100, w.cost());
      assertTrue(lines[header + 2 + i].matches(expected), lines[header + 2 + i] + " vs " + expected);
    }
  }

  @Test
  void aCountTargetInvitesTheFewestAndMatchesTheBinomialModel() {
    EscalationPlan plan = EscalationPlan.of(EscalationPlan.Population.ofTotal(10_000),
        EscalationPlan.Target.responses(100, 0.9),
        List.of(new Wave("email", "email", 0.2, 1, null, null, true), Wave.of("reminder", 0.1, 1)));
    PlanResult r = plan.cheapest();
    // email only: n with P(Bin(n, 0.2) >= 100) >= 0.9, cost n; email + reminder: fewer invitations but each
    // silent one costs a reminder too, 1.8 per invitation: dearer
    long n = ResponseModel.binomial(0.2).invitationsFor(100, 0.9).invitations();
    assertTrue(r.feasible());
    assertEquals(1, r.waves().size(), r::toString);
    assertEquals(n, r.invitations());
    assertEquals(n, r.expectedCost(), 1e-9);
    assertEquals(ResponseModel.binomial(0.2).probabilityAtLeast(n, 100), r.probability(), 1e-12);
    // make the reminder nearly free: now both waves, and the invitations match Bin(n, 0.28)
    PlanResult cheapReminder = EscalationPlan.of(plan.population(), plan.target(),
        List.of(new Wave("email", "email", 0.2, 1, null, null, true), Wave.of("reminder", 0.1, 0.01))).cheapest();
    assertEquals(2, cheapReminder.waves().size());
    assertEquals(ResponseModel.binomial(Escalation.cumulativeRate(0.2, 0.1)).invitationsFor(100, 0.9).invitations(),
        cheapReminder.invitations());
  }

  @Test
  void capacityTiersAndTrimming() {
    Map<TouchTier, Long> tiers = new LinkedHashMap<>();
    tiers.put(TouchTier.TECH, 800L);
    tiers.put(TouchTier.HIGH, 200L);
    List<Wave> waves = List.of(
        new Wave("email", "email", 0.2, 0.01, null, null, true),
        Wave.of("phone", 0.4, 10).withCapacity(100),
        Wave.of("visit", 0.8, 100).withCapacity(30).forTiers(TouchTier.HIGH));
    PlanResult all = Escalation.evaluate(tiers, waves, 300, 0.9);
    assertEquals(1000, all.waves().get(0).contacts(), 1e-9);
    assertEquals(100, all.waves().get(1).contacts(), 1e-9, "capacity binds");
    assertEquals(30, all.waves().get(2).contacts(), 1e-9, "visits only to the high-touch silent, within capacity");
    assertEquals(200 + 40 + 24, all.expectedResponses(), 1e-9);
    // visits reach high-touch contacts only: with no high tier they reach nobody
    PlanResult noHigh = Escalation.evaluate(Map.of(TouchTier.TECH, 800L), waves, 10, 0.9);
    assertEquals(0, noHigh.waves().get(2).contacts(), 1e-12);

    EscalationPlan plan = EscalationPlan.of(EscalationPlan.Population.ofTiers(tiers),
        EscalationPlan.Target.rate(0.23, 0.9), waves);
    PlanResult r = plan.cheapest();
    assertTrue(r.feasible(), r::toString);
    PlanResult.WaveOutcome last = r.waves().get(r.waves().size() - 1);
    assertTrue(last.contacts() < 100, "the last wave is trimmed to what is needed: " + r);
    // one contact fewer would miss the probability
    List<Wave> chosen = new java.util.ArrayList<>();
    for (PlanResult.WaveOutcome w : r.waves()) {
      chosen.add(waves.stream().filter(x -> x.name().equals(w.name())).findFirst().orElseThrow());
    }
    Wave lastWave = chosen.get(chosen.size() - 1);
    chosen.set(chosen.size() - 1, lastWave.withCapacity((long) last.contacts() - 1));
    assertTrue(Escalation.evaluate(tiers, chosen, r.targetResponses(), 0.9).probability() < 0.9);
  }

  @Test
  void allocationRules() {
    List<Stratum> strata = List.of(new Stratum("a", 100, 10, 4), new Stratum("b", 200, 5, 1));
    assertEquals(20, StratifiedAllocation.allocate(strata, 60, 0, StratifiedAllocation.Method.PROPORTIONAL).allocated("a"));
    assertEquals(30, StratifiedAllocation.allocate(strata, 60, 0, StratifiedAllocation.Method.NEYMAN).allocated("a"));
    // cost-optimal: 100 * 10 / 2 = 500 against 200 * 5 / 1 = 1000
    StratifiedAllocation.Result c = StratifiedAllocation.allocate(strata, 60, 0, StratifiedAllocation.Method.COST_OPTIMAL);
    assertEquals(20, c.allocated("a"));
    assertEquals(40, c.allocated("b"));
    assertEquals(20 * 4 + 40, c.cost(), 1e-12);
    // minimum per stratum
    List<Stratum> skewed = List.of(Stratum.of("big", 1000), Stratum.of("mid", 20), Stratum.of("small", 10));
    StratifiedAllocation.Result m = StratifiedAllocation.allocate(skewed, 30, 5, StratifiedAllocation.Method.PROPORTIONAL);
    assertEquals(List.of(20L, 5L, 5L), m.rows().stream().map(StratifiedAllocation.Row::allocated).toList());
    // a stratum smaller than the minimum gives all it has; one capped at its size gives the rest to others
    StratifiedAllocation.Result capped = StratifiedAllocation.allocate(
        List.of(new Stratum("a", 3, 0.5, 1), new Stratum("b", 100, 0.01, 1)), 50, 5, StratifiedAllocation.Method.NEYMAN);
    assertEquals(3, capped.allocated("a"));
    assertEquals(47, capped.allocated("b"));
  }

  @Test
  void designEffects() {
    assertEquals(1 + 2 * 0.05, StratifiedAllocation.designEffect(3, 0.05), 1e-15);
    assertEquals(1, StratifiedAllocation.designEffect(1, 0.9), 0);
    assertEquals(400 / 1.1, StratifiedAllocation.effectiveSampleSize(400, StratifiedAllocation.designEffect(3, 0.05)), 1e-9);
    assertEquals(4, StratifiedAllocation.kishEffectiveSampleSize(2, 2, 2, 2), 1e-12);
    assertEquals(2.0 * 2.0 / (1 + 1), StratifiedAllocation.kishEffectiveSampleSize(1, 1), 1e-12);
  }
}
