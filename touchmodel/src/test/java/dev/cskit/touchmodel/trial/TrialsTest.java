package dev.cskit.touchmodel.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Planning months, the stratified assignment and the analysis by tier and band. */
class TrialsTest {
  @Test
  void planOfTheIssueSaysAccountsAndMonths() {
    TrialPlan p = Trials.plan(0.10, 0.15, 0.8, 0.05, 100, false);
    assertEquals(686, p.accountsPerArm());
    assertEquals(1372, p.totalAccounts());
    assertEquals(14, p.months()); // 1372 / 100 a month, rounded up
    assertTrue(p.toString().contains("686 accounts per arm"), p.toString());
  }

  @Test
  void badArgumentsNameTheArgument() {
    CskitException e = assertThrows(CskitException.class, () -> Trials.plan(0.1, 0.1, 0.8, 0.05));
    assertEquals("target", e.where());
    assertEquals("baseline", assertThrows(CskitException.class, () -> Trials.plan(1.2, 0.1, 0.8, 0.05)).where());
    assertEquals("play conversions",
        assertThrows(CskitException.class, () -> Trials.analyse(11, 10, 1, 10)).where());
    assertThrows(CskitException.class, () -> BetaPrior.of(0.5, 0.5));
  }

  private static List<TrialCandidate> candidates(int n) {
    List<TrialCandidate> out = new ArrayList<>();
    String[] strata = {"high", "low", "tech"};
    for (int i = 0; i < n; i++) {
      out.add(new TrialCandidate(AccountId.of(String.format("A%05d", i)), strata[i % 7 % 3]));
    }
    return out;
  }

  @Property(tries = 50)
  void assignmentIsBalancedWithinStrataAndReproducible(@ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll long seed) {
    List<TrialCandidate> c = candidates(n);
    TrialAssignment a = Trials.assign(c, seed);
    assertEquals(n, a.assignments().size());
    for (int[] counts : a.countsByStratum().values()) {
      assertTrue(Math.abs(counts[0] - counts[1]) <= 1);
    }
    List<TrialCandidate> shuffled = new ArrayList<>(c);
    Collections.shuffle(shuffled, new Random(seed));
    assertEquals(a, Trials.assign(shuffled, seed));
  }

  @Test
  void differentSeedsGiveDifferentSplitsAndEachAccountIsEquallyLikelyInThePlay() {
    List<TrialCandidate> c = candidates(100);
    assertNotEquals(Trials.assign(c, 1).assignments(), Trials.assign(c, 2).assignments());
    int play = 0;
    int runs = 2000;
    for (int s = 0; s < runs; s++) {
      if (Trials.assign(c, s).assignments().get(0).arm() == Arm.PLAY) {
        play++;
      }
    }
    // binomial(2000, 0.5): sd 22.4; 5 sd
    assertEquals(1000, play, 112);
  }

  @Test
  void duplicateAccountIsAnError() {
    List<TrialCandidate> c = new ArrayList<>(candidates(3));
    c.add(c.get(0));
    assertThrows(CskitException.class, () -> Trials.assign(c, 1));
  }

  @Test
  void analysisByTierAndBandWarnsOnSmallCounts() {
    List<TrialOutcome> o = new ArrayList<>();
    int id = 0;
    // high: 40 + 40 accounts, 12 vs 5 conversions; low: 6 + 6 accounts, 1 vs 0
    for (int i = 0; i < 40; i++) {
      o.add(new TrialOutcome(AccountId.of("H" + id++), Arm.PLAY, "high", i % 2 == 0 ? "green" : "red", i < 12));
      o.add(new TrialOutcome(AccountId.of("H" + id++), Arm.CONTROL, "high", i % 2 == 0 ? "green" : "red", i < 5));
    }
    for (int i = 0; i < 6; i++) {
      o.add(new TrialOutcome(AccountId.of("L" + id++), Arm.PLAY, "low", "yellow", i < 1));
      o.add(new TrialOutcome(AccountId.of("L" + id++), Arm.CONTROL, "low", null, false));
    }
    TrialAnalysis a = Trials.analyse(o, 0.95, BetaPrior.UNIFORM, BetaPrior.UNIFORM);
    assertEquals(13, a.overall().playConversions());
    assertEquals(46, a.overall().playAccounts());
    assertEquals(5, a.overall().controlConversions());
    Map<String, ArmComparison> by = new java.util.HashMap<>();
    a.strata().forEach(s -> by.put(s.group(), s));
    assertEquals(List.of("tier=high", "tier=low", "band=green", "band=red"),
        a.strata().stream().map(ArmComparison::group).collect(java.util.stream.Collectors.toList()));
    assertTrue(by.get("tier=high").warnings().isEmpty(), by.get("tier=high").warnings().toString());
    assertTrue(!by.get("tier=low").warnings().isEmpty());
    assertTrue(a.overall().warnings().stream().anyMatch(w -> w.contains("band=yellow has no control")));
    // the stratum equals the count-based analysis of its own counts
    ArmComparison high = Trials.analyse(12, 40, 5, 40).overall();
    assertEquals(high.fisherP(), by.get("tier=high").fisherP());
    assertEquals(high.probabilityPlayBetter(), by.get("tier=high").probabilityPlayBetter());
    assertTrue(a.toString().contains("warning: tier=low"));
  }

  @Property(tries = 100)
  void posteriorIsSymmetricAndNewcombeContainsTheDifference(@ForAll @IntRange(min = 0, max = 60) int x1,
      @ForAll @IntRange(min = 0, max = 60) int x2, @ForAll @IntRange(min = 1, max = 40) int extra) {
    int n1 = x1 + extra;
    int n2 = x2 + 41 - extra;
    ArmComparison c = Trials.analyse(x1, n1, x2, n2).overall();
    ArmComparison r = Trials.analyse(x2, n2, x1, n1).overall();
    assertEquals(1.0, c.probabilityPlayBetter() + r.probabilityPlayBetter(), 1e-9);
    assertEquals(c.differenceLower(), -r.differenceUpper(), 1e-12);
    assertTrue(c.differenceLower() <= c.difference() && c.difference() <= c.differenceUpper());
    assertEquals(c.fisherP(), r.fisherP(), 1e-12);
    assertTrue(c.fisherP() > 0 && c.fisherP() <= 1);
  }
}
