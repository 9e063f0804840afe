package dev.cskit.survey;

import dev.cskit.core.InfeasiblePlanException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.CskitException;
import dev.cskit.core.MetricTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every error path: a clear CskitException, never an IllegalArgumentException or a parser trace. */
class ErrorsTest {

  private static CskitException fails(Executable e, String... fragments) {
    CskitException ex = assertThrows(CskitException.class, e);
    for (String f : fragments) {
      assertTrue(ex.getMessage().contains(f), () -> "'" + ex.getMessage() + "' lacks '" + f + "'");
    }
    return ex;
  }

  @Test
  void marginOutsideTheOpenUnitInterval() {
    for (double m : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      fails(() -> SampleSize.of(m, 0.95), "margin: must be between 0 and 1, exclusive");
    }
    fails(() -> SampleSize.of(0.05, 1.0), "confidence: must be between 0 and 1, exclusive; found 1.0");
    fails(() -> SampleSize.of(0.05, 0), "confidence");
  }

  @Test
  void ratesAndSharesOutsideTheUnitInterval() {
    fails(() -> ResponseModel.binomial(1.2), "rate: must be between 0 and 1, inclusive; found 1.2");
    fails(() -> ResponseModel.binomial(-0.01), "rate");
    fails(() -> SampleSize.of(0.05, 0.95).withProportion(1.01), "proportion");
    fails(() -> SampleSize.of(0.05, 0.95).withNps(0.7, 0.4), "promoters + detractors: must not exceed 1");
    fails(() -> SampleSize.of(0.05, 0.95).withNps(-0.1, 0.4), "promoters");
    fails(() -> Escalation.cumulativeRate(0.2, 1.5), "rates[1]");
    fails(() -> Wave.of("email", 1.1, 0), "rate: must be a response rate between 0 and 1");
  }

  @Test
  void negativeCounts() {
    fails(() -> Nps.ofCounts(-1, 2, 3), "promoters: must be 0 or more; found -1");
    fails(() -> Nps.ofCounts(1, -2, 3), "passives");
    fails(() -> Nps.ofCounts(1, 2, -3), "detractors");
    fails(() -> Rate.of(-1, 10, 0.95), "successes");
    fails(() -> Rate.of(11, 10, 0.95), "successes: must not exceed the trials (10)");
    fails(() -> Rate.of(0, 0, 0.95), "trials: must be 1 or more");
    fails(() -> ResponseModel.binomial(0.2).invitationsFor(-5, 0.9), "target");
    fails(() -> ResponseModel.binomial(0.2).probabilityAtLeast(-1, 3), "invitations");
    fails(() -> BetaPrior.of(2, 3).update(10, 11), "responded: must not exceed the invited (10)");
    fails(() -> BetaPrior.of(2, 3).update(-1, 0), "invited");
    fails(() -> SampleSize.margin(MarginOptions.builder().responses(0).population(100).confidence(0.95)
        .proportion(0.5).build()), "responses: must be 1 or more");
    fails(() -> SampleSize.margin(MarginOptions.builder().responses(200).population(100).confidence(0.95)
        .proportion(0.5).build()), "responses: must not exceed the population of 100");
    fails(() -> SampleSize.of(0.05, 0.95).withPopulation(-3), "population");
    fails(() -> Nps.ofScores(9, 11), "scores[1]: must be a whole number from 0 to 10; found 11");
    fails(() -> Nps.ofScores(java.util.Arrays.asList(null, 9, 11)), "scores[2]: must be a whole number from 0 to 10");
    fails(() -> Nps.ofCounts(0, 0, 0).interval(0.95), "answers");
    fails(() -> StratifiedAllocation.kishEffectiveSampleSize(1, -2), "weights[1]");
    fails(() -> StratifiedAllocation.kishEffectiveSampleSize(0, 0), "weights: must not all be zero");
  }

  @Test
  void impossibleInvitationTargets() {
    fails(() -> ResponseModel.binomial(0).invitationsFor(5, 0.9), "no number of invitations up to");
    fails(() -> ResponseModel.binomial(0.2).invitationsFor(50, 0.9, 100), "no number of invitations up to 100");
    fails(() -> ResponseModel.binomial(1).invitationsFor(20, 0.9, 10), "no number of invitations up to 10 gives 20");
    fails(() -> ResponseModel.binomial(0.2).invitationsFor(5, 1.0), "probability");
    fails(() -> BetaPrior.of(0, 1), "alpha");
    fails(() -> BetaPrior.ofMeanAndSd(0.5, 0.6), "sd");
  }

  @Test
  void aPlanWhoseWavesHaveNoCapacity() {
    String yaml = String.join("\n",
        "version: 1",
        "population: {total: 100}",
        "target: {rate: 0.35, probability: 0.9}",
        "waves:",
        "  - {name: email, rate: 0.2, costPerContact: 0.1, capacity: 0}",
        "  - {name: phone, rate: 0.3, costPerContact: 5, capacity: 0}");
    ConfigException e = assertThrows(ConfigException.class,
        () -> EscalationPlan.parse(yaml, ConfigFormat.YAML, "plan.yaml"));
    assertEquals("waves[0].capacity", e.path());
    assertEquals(5, e.line());
    assertTrue(e.getMessage().startsWith("plan.yaml, waves[0].capacity (line 5): must be 1 or more contacts"),
        e.getMessage());
    fails(() -> Wave.of("phone", 0.3, 5).withCapacity(0), "capacity: must be 1 or more contacts");
  }

  @Test
  void badPlans() {
    String base = "population: {total: 100}\ntarget: {rate: 0.35, probability: 0.9}\n";
    assertPlanError("version: 2\n" + base + "waves: [{name: e, rate: 0.2}]", "version",
        "is the old name of formatVersion, the configuration format, which must be 1");
    assertPlanError("formatVersion: 2\n" + base + "waves: [{name: e, rate: 0.2}]", "formatVersion", "must be 1");
    assertPlanError("formatVersion: 1\nversion: 1\n" + base + "waves: [{name: e, rate: 0.2}]", "version",
        "is the old name of formatVersion: give formatVersion only, not both");
    assertPlanError(base + "waves: [{name: e, rate: 0.2}]", "formatVersion", "is required");
    assertPlanError("version: 1\n" + base + "waves: []", "waves", "must list at least one wave");
    assertPlanError("version: 1\n" + base + "waves: [{name: e, rate: 0.2}, {name: e, rate: 0.3}]",
        "waves[1].name", "must be unique");
    assertPlanError("version: 1\n" + base + "waves: [{name: e, rate: 1.2}]", "waves[0].rate", "between 0 and 1");
    assertPlanError("version: 1\n" + base + "waves: [{name: e}]", "waves[0].rate", "is required");
    assertPlanError("version: 1\n" + base + "waves: [{name: e, rate: 0.2, colour: red}]", "waves[0].colour",
        "unknown field (known fields: capacity, channel, costPerContact, name, rate, required, tiers)");
    assertPlanError("version: 1\n" + base + "waves: [{name: e, rate: 0.2, tiers: [high]}]", "waves[0].tiers",
        "needs the population given per tier");
    assertPlanError("version: 1\npopulation: {tiers: {tech: 10}}\ntarget: {rate: 0.35, probability: 0.9}\n"
        + "waves: [{name: e, rate: 0.2, tiers: [high]}]", "waves[0].tiers[0]", "must be one of the population's tiers");
    assertPlanError("version: 1\npopulation: {total: 100, tiers: {tech: 10}}\ntarget: {rate: 0.35, probability: 0.9}\n"
        + "waves: [{name: e, rate: 0.2}]", "population", "exactly one of total or tiers");
    assertPlanError("version: 1\npopulation: {total: 100}\ntarget: {rate: 1.35, probability: 0.9}\n"
        + "waves: [{name: e, rate: 0.2}]", "target.rate", "must be a response rate");
    assertPlanError("version: 1\npopulation: {total: 100}\ntarget: {rate: 0.35, responses: 20, probability: 0.9}\n"
        + "waves: [{name: e, rate: 0.2}]", "target", "exactly one of rate or responses");
    assertPlanError("version: 1\npopulation: {total: 100}\ntarget: {rate: 0.35, probability: 1}\n"
        + "waves: [{name: e, rate: 0.2}]", "target.probability", "between 0 and 1");
    assertPlanError("version: 1\npopulation: {total: -4}\ntarget: {rate: 0.35, probability: 0.9}\n"
        + "waves: [{name: e, rate: 0.2}]", "population.total", "1 or more");
  }

  private static void assertPlanError(String yaml, String path, String rule) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> EscalationPlan.parse(yaml, ConfigFormat.YAML, "p.yaml"));
    assertEquals(path, e.path(), e::getMessage);
    assertTrue(e.getMessage().contains(rule), e::getMessage);
  }

  @Test
  void anInfeasiblePlanSaysSoAndCanThrow() {
    EscalationPlan plan = EscalationPlan.of(EscalationPlan.Population.ofTotal(500),
        EscalationPlan.Target.rate(0.35, 0.9), List.of(Wave.of("email", 0.15, 0.02), Wave.of("reminder", 0.05, 0.02)));
    PlanResult r = plan.cheapest();
    assertTrue(!r.feasible());
    assertTrue(r.statement().startsWith("No plan from these waves reaches a 35.0% response rate with probability 0.9"),
        r.statement());
    assertEquals(2, r.waves().size(), "the closest plan uses every wave");
    InfeasiblePlanException e = assertThrows(InfeasiblePlanException.class, r::orThrow);
    assertTrue(e.getMessage().startsWith("plan: No plan"));
  }

  @Test
  void otherErrors() {
    fails(() -> StratifiedAllocation.allocate(List.of(Stratum.of("a", 10)), 11, 0, StratifiedAllocation.Method.PROPORTIONAL),
        "n: must not exceed the strata's 10 contacts");
    fails(() -> StratifiedAllocation.allocate(List.of(Stratum.of("a", 10), Stratum.of("b", 10)), 5, 3,
        StratifiedAllocation.Method.NEYMAN), "n: must be at least the minimums per stratum together (6)");
    fails(() -> new Stratum("a", 10, 0.5, 0), "strata.a.cost");
    fails(() -> StratifiedAllocation.designEffect(0.5, 0.1), "contacts per account");
    fails(() -> StratifiedAllocation.designEffect(2, 1.5), "rho");
    fails(() -> Throttle.DEFAULT.decide(List.of(), List.of(new Throttle.Event("c1", AccountId.of("A"),
        LocalDate.of(2026, 7, 1), Throttle.Kind.INVITATION)), LocalDate.of(2026, 6, 30)), "history");
    fails(() -> new Throttle(-1, 10, 2), "daysSinceInvitation");
    fails(() -> NpsMethod.parse("exact"), "method: must be one of adjusted-wald, wald, bootstrap");
    fails(() -> Fpc.parse("other"), "fpc: must be one of cochran, simple");
    fails(() -> Nps.compare(Nps.ofCounts(1, 1, 1), Nps.ofCounts(1, 1, 1), NpsMethod.BOOTSTRAP), "method");
    MetricTable t = MetricTable.builder("x").addRow("a", 1).addRow("b", 2).build();
    fails(() -> SilentCheck.compare(t, List.of(AccountId.of("a"), AccountId.of("b")), 0.1), "respondents");
    fails(() -> SilentCheck.atRisk(List.of(AccountId.of("a")), SilentRiskOptions.builder().healthBelow(50).usage(t)
        .usageChangeMetric("missing").declineBelow(-0.3).build()), "usage");
  }
}
