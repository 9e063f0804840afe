package dev.cskit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

/** Invariants of the survey statistics. */
class SurveyProperties {

  @Property(tries = 200)
  void moreInvitationsNeverLowerTheChanceBinomial(
      @ForAll @IntRange(min = 0, max = 2000) int n,
      @ForAll @IntRange(min = 1, max = 500) int extra,
      @ForAll @IntRange(min = 0, max = 300) int target,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double rate) {
    ResponseModel m = ResponseModel.binomial(rate);
    assertTrue(m.probabilityAtLeast(n + extra, target) >= m.probabilityAtLeast(n, target) - 1e-12);
  }

  @Property(tries = 200)
  void moreInvitationsNeverLowerTheChanceBetaBinomial(
      @ForAll @IntRange(min = 0, max = 2000) int n,
      @ForAll @IntRange(min = 1, max = 500) int extra,
      @ForAll @IntRange(min = 0, max = 300) int target,
      @ForAll @Scale(6) @DoubleRange(min = 0.1, max = 200) double alpha,
      @ForAll @Scale(6) @DoubleRange(min = 0.1, max = 200) double beta) {
    ResponseModel m = ResponseModel.betaBinomial(alpha, beta);
    double a = m.probabilityAtLeast(n, target);
    double b = m.probabilityAtLeast(n + extra, target);
    assertTrue(a >= 0 && a <= 1 && b >= 0 && b <= 1);
    assertTrue(b >= a - 1e-9, () -> a + " > " + b);
  }

  @Property(tries = 100)
  void theFewestInvitationsAreTheFewest(
      @ForAll @IntRange(min = 1, max = 200) int target,
      @ForAll @Scale(6) @DoubleRange(min = 0.02, max = 1) double rate,
      @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 0.99) double q) {
    ResponseModel m = ResponseModel.binomial(rate);
    ResponseModel.Invitations inv = m.invitationsFor(target, q);
    assertTrue(inv.probability() >= q);
    assertTrue(m.probabilityAtLeast(inv.invitations() - 1, target) < q);
  }

  @Property(tries = 200)
  void aLargerPopulationNeverNeedsFewerResponses(
      @ForAll @LongRange(min = 1, max = 1_000_000) long population,
      @ForAll @LongRange(min = 1, max = 1_000_000) long more,
      @ForAll @Scale(6) @DoubleRange(min = 0.005, max = 0.5) double margin,
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 0.999) double confidence,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double p) {
    for (Fpc fpc : Fpc.values()) {
      SampleSize s = SampleSize.of(margin, confidence).withProportion(p).withFpc(fpc).withRounding(Rounding.NONE);
      double small = s.withPopulation(population).compute().requiredResponses();
      double large = s.withPopulation(population + more).compute().requiredResponses();
      double infinite = s.compute().requiredResponses();
      assertTrue(large >= small - 1e-9 * large, fpc + ": " + small + " > " + large);
      assertTrue(infinite >= large - 1e-9 * infinite);
      assertTrue(small <= population + 1e-9);
    }
  }

  @Property(tries = 200)
  void theMarginOfTheRequiredResponsesIsWithinTheMargin(
      @ForAll @LongRange(min = 2, max = 100_000) long population,
      @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 0.3) double margin,
      @ForAll @Scale(6) @DoubleRange(min = 0.8, max = 0.99) double confidence,
      @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 0.95) double p) {
    for (Fpc fpc : Fpc.values()) {
      long n = (long) SampleSize.of(margin, confidence).withProportion(p).withPopulation(population).withFpc(fpc)
          .compute().requiredResponses();
      assertTrue(SampleSize.margin(MarginOptions.builder().responses(n).population(population).confidence(confidence)
          .variance(p * (1 - p)).fpc(fpc).build()) <= margin + 1e-12);
    }
  }

  @Property(tries = 300)
  void aWiderConfidenceNeverGivesANarrowerRateInterval(
      @ForAll @IntRange(min = 1, max = 3000) int n,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double share,
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 0.99) double c1,
      @ForAll @Scale(6) @DoubleRange(min = 0.0001, max = 0.009) double more) {
    int x = (int) Math.round(share * n);
    for (RateMethod m : RateMethod.values()) {
      Rate narrow = Rate.of(x, n, c1, m);
      Rate wide = Rate.of(x, n, c1 + more, m);
      assertTrue(wide.lower() <= narrow.lower() + 1e-12 && wide.upper() >= narrow.upper() - 1e-12,
          () -> m + " " + narrow + " vs " + wide);
      assertTrue(wide.lower() >= 0 && wide.upper() <= 1, () -> m + " " + wide);
    }
  }

  @Property(tries = 300)
  void aWiderConfidenceNeverGivesANarrowerNpsInterval(
      @ForAll @IntRange(min = 0, max = 500) int p,
      @ForAll @IntRange(min = 0, max = 500) int q,
      @ForAll @IntRange(min = 0, max = 500) int d,
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 0.98) double c1,
      @ForAll @Scale(6) @DoubleRange(min = 0.001, max = 0.01) double more) {
    Assume.that(p + q + d > 0);
    Nps nps = Nps.ofCounts(p, q, d);
    for (NpsMethod m : List.of(NpsMethod.WALD, NpsMethod.ADJUSTED_WALD)) {
      Nps.Interval a = nps.interval(c1, m);
      Nps.Interval b = nps.interval(c1 + more, m);
      assertTrue(b.lower() <= a.lower() + 1e-12 && b.upper() >= a.upper() - 1e-12);
      assertTrue(b.lower() >= -100 && b.upper() <= 100);
    }
  }

  @Property(tries = 30)
  void aWiderConfidenceNeverGivesANarrowerBootstrapInterval(
      @ForAll @IntRange(min = 0, max = 200) int p,
      @ForAll @IntRange(min = 0, max = 200) int q,
      @ForAll @IntRange(min = 0, max = 200) int d,
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 0.95) double c1,
      @ForAll @Scale(6) @DoubleRange(min = 0.001, max = 0.04) double more,
      @ForAll long seed) {
    Assume.that(p + q + d > 0);
    Nps nps = Nps.ofCounts(p, q, d);
    Nps.Interval a = nps.bootstrap(c1, 500, seed);
    Nps.Interval b = nps.bootstrap(c1 + more, 500, seed);
    assertTrue(b.lower() <= a.lower() && b.upper() >= a.upper(), () -> a + " vs " + b);
  }

  @Property(tries = 100)
  void cumulativeRateIsOneMinusTheProductOfSilences(
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double r1,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double r2,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double r3,
      @ForAll @IntRange(min = 1, max = 5000) int invited) {
    List<Wave> waves = List.of(Wave.of("a", r1, 1), Wave.of("b", r2, 1), Wave.of("c", r3, 1));
    PlanResult res = Escalation.evaluate(
        java.util.Map.of(EscalationPlan.Population.ALL, (long) invited), waves, 1, 0.5);
    double expected = Escalation.cumulativeRate(r1, r2, r3);
    assertEquals(expected, res.waves().get(2).cumulativeRate(), 1e-12);
    assertEquals(expected, res.expectedRate(), 1e-12);
    assertEquals(1 - (1 - r1) * (1 - r2) * (1 - r3), expected, 1e-12);
  }

  @Property(tries = 200)
  void allocationsAddUpAndRespectBounds(
      @ForAll @IntRange(min = 0, max = 2000) int s1,
      @ForAll @IntRange(min = 0, max = 2000) int s2,
      @ForAll @IntRange(min = 1, max = 2000) int s3,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 0.5) double sd1,
      @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 0.5) double sd3,
      @ForAll @Scale(6) @DoubleRange(min = 0.1, max = 100) double c1,
      @ForAll @IntRange(min = 0, max = 30) int minimum,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double fraction) {
    List<Stratum> strata = new ArrayList<>(List.of(
        new Stratum("a", s1, sd1, c1), new Stratum("b", s2, 0.3, 2), new Stratum("c", s3, sd3, 5)));
    long total = (long) s1 + s2 + s3;
    long minTotal = Math.min(minimum, s1) + Math.min(minimum, s2) + Math.min(minimum, s3);
    long n = minTotal + Math.round(fraction * (total - minTotal));
    for (StratifiedAllocation.Method m : StratifiedAllocation.Method.values()) {
      StratifiedAllocation.Result r = StratifiedAllocation.allocate(strata, n, minimum, m);
      assertEquals(n, r.rows().stream().mapToLong(StratifiedAllocation.Row::allocated).sum(), m::toString);
      for (StratifiedAllocation.Row row : r.rows()) {
        assertTrue(row.allocated() <= row.size(), r::toString);
        assertTrue(row.allocated() >= Math.min(minimum, row.size()), r::toString);
        assertTrue(Math.abs(row.allocated() - row.unrounded()) < 1 + 1e-9, r::toString);
      }
    }
  }

  @Property(tries = 100)
  void kishEffectiveSizeIsBetweenOneAndN(@ForAll("weights") double[] w) {
    double neff = StratifiedAllocation.kishEffectiveSampleSize(w);
    assertTrue(neff >= 1 - 1e-9 && neff <= w.length + 1e-9);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<double[]> weights() {
    return net.jqwik.api.Arbitraries.doubles().between(0.01, 100).array(double[].class).ofMinSize(1).ofMaxSize(50);
  }

  @Property(tries = 100)
  void posteriorMeanLiesBetweenPriorAndObservedRate(
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 100) double a,
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 100) double b,
      @ForAll @IntRange(min = 1, max = 10000) int invited,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double share) {
    long responded = Math.round(share * invited);
    BetaPrior prior = BetaPrior.of(a, b);
    BetaPrior post = prior.update(invited, responded);
    double observed = (double) responded / invited;
    assertTrue(post.mean() >= Math.min(prior.mean(), observed) - 1e-12);
    assertTrue(post.mean() <= Math.max(prior.mean(), observed) + 1e-12);
    assertEquals(a + b + invited, post.alpha() + post.beta(), 1e-9);
  }
}
