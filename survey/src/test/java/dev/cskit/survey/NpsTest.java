package dev.cskit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NpsTest {
  @Test
  void rawAnswersAreClassified() {
    Nps n = Nps.ofScores(0, 6, 7, 8, 9, 10, 10, 3);
    assertEquals(3, n.promoters());
    assertEquals(2, n.passives());
    assertEquals(3, n.detractors());
    assertEquals(0, n.score(), 0);
    assertEquals(Nps.ofCounts(3, 2, 3), n);
    assertEquals(n, Nps.ofScores(Arrays.asList(0, 6, 7, 8, 9, 10, 10, 3, null)));
    assertTrue(Double.isNaN(Nps.ofCounts(0, 0, 0).score()));
  }

  @Test
  void bootstrapIsSeededAndAgreesWithWaldForLargeSamples() {
    Nps n = Nps.ofCounts(450, 300, 250);
    Nps.Interval a = n.bootstrap(0.95, 4000, 7);
    assertEquals(a, n.bootstrap(0.95, 4000, 7), "same seed, same interval");
    assertNotEquals(a.stdErr(), n.bootstrap(0.95, 4000, 8).stdErr());
    Nps.Interval w = n.interval(0.95, NpsMethod.WALD);
    assertEquals(20, a.nps(), 1e-12);
    assertEquals(w.stdErr(), a.stdErr(), 0.1 * w.stdErr());
    assertEquals(w.lower(), a.lower(), 1.0);
    assertEquals(w.upper(), a.upper(), 1.0);
    assertEquals(NpsMethod.BOOTSTRAP, n.interval(0.95, NpsMethod.BOOTSTRAP).method());
  }

  @Test
  void bootstrapOfAllPromotersIsDegenerate() {
    Nps.Interval i = Nps.ofCounts(20, 0, 0).bootstrap(0.9, 500, 1);
    assertEquals(100, i.lower(), 0);
    assertEquals(100, i.upper(), 0);
    assertEquals(0, i.stdErr(), 0);
  }

  @Test
  void percentileInterpolatesLikeNumpy() {
    double[] v = {1, 2, 3, 4};
    assertEquals(1.75, Nps.percentile(v, 0.25), 1e-15);
    assertEquals(4, Nps.percentile(v, 1), 0);
    assertEquals(1, Nps.percentile(v, 0), 0);
  }

  @Test
  void adjustedWaldShrinksTowardZeroAndIsTheDefault() {
    Nps n = Nps.ofCounts(10, 0, 0);
    Nps.Interval i = n.interval(0.95);
    assertEquals(NpsMethod.ADJUSTED_WALD, i.method());
    assertEquals(100, i.nps(), 0);
    assertTrue(i.lower() < 100 && i.lower() > 0, i::toString);
    assertEquals(100, i.upper(), 0, "clipped to the scale");
    Nps.Interval w = n.interval(0.95, NpsMethod.WALD);
    assertEquals(0, w.stdErr(), 0);
  }

  @Test
  void benchmarkPriorsHaveTheirMeansAndUpdate() {
    assertEquals(0.13, BenchmarkPrior.ZENDESK_2014_NPS.prior().mean(), 1e-12);
    assertEquals(0.21, BenchmarkPrior.ZENDESK_2014_CSAT.prior().mean(), 1e-12);
    assertEquals(0.125, BenchmarkPrior.FIRST_SURVEY.prior().mean(), 1e-12);
    assertEquals(0.25, BenchmarkPrior.GREAT_ONLINE.prior().mean(), 1e-12);
    assertEquals(0.325, BenchmarkPrior.B2B_RELATIONSHIP.prior().mean(), 1e-12);
    for (BenchmarkPrior b : BenchmarkPrior.values()) {
      assertEquals(0.05, b.prior().sd(), 1e-12);
      assertEquals(b, BenchmarkPrior.parse(b.toString()));
    }
    ResponseModel m = ResponseModel.betaBinomial(BenchmarkPrior.FIRST_SURVEY.prior()).update(1000, 300);
    assertEquals(BenchmarkPrior.FIRST_SURVEY.prior().update(1000, 300), m.prior());
    // after a wave answering at 30%, fewer invitations are needed for the same target than under the prior
    assertTrue(m.invitationsFor(100, 0.9).invitations()
        < ResponseModel.betaBinomial(BenchmarkPrior.FIRST_SURVEY.prior()).invitationsFor(100, 0.9).invitations());
    ResponseModel known = ResponseModel.binomial(0.2);
    assertEquals(known, known.update(100, 50));
    BetaPrior post = BenchmarkPrior.FIRST_SURVEY.prior().update(1000, 300);
    assertEquals(BenchmarkPrior.FIRST_SURVEY.prior().alpha() + 300, post.alpha(), 1e-12);
    assertTrue(post.mean() > 0.25 && post.mean() < 0.3);
  }
}
