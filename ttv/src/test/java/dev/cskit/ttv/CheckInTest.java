package dev.cskit.ttv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.ttv.stats.KaplanMeier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckInTest {
  @Test
  void checkInDayIsWhereTheConditionalChanceFallsBelowTheThreshold() {
    // 10 accounts: value on days 2, 3, 4, 5, 6; 5 never (censored at 30)
    double[] t = {2, 3, 4, 5, 6, 30, 30, 30, 30, 30};
    int[] s = {1, 1, 1, 1, 1, 0, 0, 0, 0, 0};
    KaplanMeier km = KaplanMeier.fit(t, s);
    CheckInDay day = CheckIn.recommend(km, 3, 0.1);
    // h(d) = 1 - S(d+3)/S(d): h(3) = 1 - S(6)/S(3) = 1 - 0.5/0.8 = 0.375 >= 0.1,
    // h(4) = 1 - 0.5/0.7 > 0.1, h(5) = 1 - 0.5/0.6 = 1/6, h(6) = 0 < 0.1 -> day 6
    assertEquals(6.0, day.day(), 0);
    assertEquals(0.0, day.chanceAtDay(), 0);
    // the window lower edge t - k is a candidate: with k = 2.5 the chance h(3.5) = 1 - S(6)/S(3.5) ...
    CheckInDay frac = CheckIn.recommend(km, 2.5, 0.2);
    // h(d) for d in [3.5, 4): 1 - S(6)/S(3) = 0.375; [4, 4.5): 1 - S(6)/S(4) = 2/7;
    // [4.5, 5): 1 - S(7)/S(4.5) with S(7) = 0.5, S(4.5) = 0.7 -> 2/7; [5, 6): 1 - 0.5/0.6 = 1/6 < 0.2
    assertEquals(5.0, frac.day(), 0);
    assertEquals(1.0 / 6, frac.chanceAtDay(), 1e-12);
  }

  @Test
  void chanceCurveHoldsTheRecommendedDayAndHandComputedChances() {
    // 10 accounts: value on days 2, 3, 4, 5, 6; churn on day 7; 4 never (censored at 30)
    double[] t = {2, 3, 4, 5, 6, 7, 30, 30, 30, 30};
    int[] s = {1, 1, 1, 1, 1, 2, 0, 0, 0, 0};
    dev.cskit.ttv.stats.AalenJohansen aj = dev.cskit.ttv.stats.AalenJohansen.fit(t, s);
    List<CheckIn.Chance> curve = CheckIn.chanceCurve(aj, 3);
    CheckInDay day = CheckIn.recommend(aj, 3, 0.1);
    // no censoring before day 30: F(d) = value events by d / 10, p0(d) = still event-free / 10
    // h(0) = F(3) / 1 = 0.2; h(4) = (F(7) - F(4)) / p0(4) = (0.5 - 0.3) / 0.7 = 2/7; h(6) = 0 / 0.4 = 0
    assertEquals(0.0, curve.get(0).day(), 0);
    assertEquals(0.2, curve.get(0).chance(), 1e-12);
    CheckIn.Chance at4 = curve.stream().filter(c -> c.day() == 4).findFirst().orElseThrow();
    assertEquals(2.0 / 7, at4.chance(), 1e-12);
    CheckIn.Chance atDay = curve.stream().filter(c -> c.day() == day.day()).findFirst().orElseThrow();
    assertEquals(day.chanceAtDay(), atDay.chance(), 1e-12);
    for (int i = 1; i < curve.size(); i++) {
      assertTrue(curve.get(i).day() > curve.get(i - 1).day());
    }
    // censoring leaves accounts event-free: the curve runs to the last time, day 30
    assertEquals(30.0, curve.get(curve.size() - 1).day(), 0);
  }

  @Test
  void stalledAccountsRankedByChanceBeforeRenewal() {
    List<MilestoneEvent> ev = new ArrayList<>();
    String[] days = {"02", "03", "04", "05", "06", "09"};
    for (int i = 0; i < 6; i++) {
      ev.add(new MilestoneEvent(AccountId.of("v" + i), "start", Instant.parse("2026-06-01T00:00:00Z")));
      ev.add(new MilestoneEvent(AccountId.of("v" + i), "value", Instant.parse("2026-06-" + days[i] + "T00:00:00Z")));
    }
    ev.add(new MilestoneEvent(AccountId.of("late"), "start", Instant.parse("2026-06-01T00:00:00Z")));
    ev.add(new MilestoneEvent(AccountId.of("fresh"), "start", Instant.parse("2026-06-28T00:00:00Z")));
    ev.add(new MilestoneEvent(AccountId.of("mid"), "start", Instant.parse("2026-06-26T00:00:00Z")));
    Durations d = Durations.fromEvents(ev, TtvSpec.of("start", "value", null, LocalDate.of(2026, 6, 30)));
    KaplanMeier km = d.kaplanMeier();
    List<StalledAccount> st = CheckIn.stalled(d, km, 4.0, Map.of(
        AccountId.of("late"), 365.0, AccountId.of("mid"), 10.0));
    // fresh has 3 days (< 4): not stalled; mid has 5 days, late 30
    assertEquals(2, st.size());
    // late: S(30)/S(30) -> 0 chance; mid: 1 - S(5.5)/S(5) = 1 - (1/8... ) computed from the curve
    assertEquals("late", st.get(0).accountId().value());
    assertEquals(0.0, st.get(0).chanceBeforeRenewal(), 1e-12);
    double expectMid = 1 - km.survival(10) / km.survival(5.0);
    assertEquals(expectMid, st.get(1).chanceBeforeRenewal(), 1e-12);
    assertTrue(st.get(1).chanceBeforeRenewal() > 0);
  }

  @Test
  void churnAsACompetingEventLowersTheChanceKaplanMeierOverstates() {
    // value at 1 and 2, churn at 1.5, two still onboarding at 10
    double[] t = {1, 1.5, 2, 10, 10};
    int[] s = {1, 2, 1, 0, 0};
    dev.cskit.ttv.stats.AalenJohansen aj = dev.cskit.ttv.stats.AalenJohansen.fit(t, s);
    KaplanMeier km = KaplanMeier.fit(t, new int[] {1, 0, 1, 0, 0});
    // F(3) = 1/5 + (3/5)(1/3) = 2/5; from day 0.5 the honest chance by day 3 is 0.4
    StalledAccount honest = CheckIn.stalledAccount(aj, AccountId.of("x"), 0.5, 3);
    assertEquals(0.4, honest.chanceBeforeRenewal(), 1e-12);
    // Kaplan-Meier with churn censored: 1 - S(3) = 1 - (4/5)(2/3) = 7/15 > 0.4
    StalledAccount naive = CheckIn.stalledAccount(km, AccountId.of("x"), 0.5, 3);
    assertEquals(7.0 / 15, naive.chanceBeforeRenewal(), 1e-12);
    // h(1) = (F(2) - F(1)) / p0(1) = (2/5 - 1/5) / (4/5) = 1/4; the day h falls below 0.3 after 1/3 at 1.5 is 2
    CheckInDay day = CheckIn.recommend(aj, 1, 0.3);
    assertEquals(2.0, day.day(), 0);
    assertEquals(1.0 / 3, day.peakChance(), 1e-12);
    assertEquals(1.5, day.peakDay(), 0);
  }

  @Test
  void withoutChurnTheCompetingRisksCheckInEqualsKaplanMeier() {
    java.util.Random rnd = new java.util.Random(11);
    for (int rep = 0; rep < 20; rep++) {
      int n = 30;
      double[] t = new double[n];
      int[] s = new int[n];
      for (int i = 0; i < n; i++) {
        t[i] = 1 + rnd.nextInt(40);
        s[i] = rnd.nextInt(4) == 0 ? 0 : 1;
      }
      CheckInDay a = CheckIn.recommend(KaplanMeier.fit(t, s), 5, 0.2113);
      CheckInDay b = CheckIn.recommend(dev.cskit.ttv.stats.AalenJohansen.fit(t, s), 5, 0.2113);
      assertEquals(a.day(), b.day(), 1e-12);
      if (!Double.isNaN(a.day())) {
        assertEquals(a.chanceAtDay(), b.chanceAtDay(), 1e-12);
      }
    }
  }
}
