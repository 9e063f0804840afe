package dev.cskit.touchmodel;

import static dev.cskit.touchmodel.Fixtures.AS_OF;
import static dev.cskit.touchmodel.Fixtures.account;
import static dev.cskit.touchmodel.Fixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanningTest {
  @Test
  void managersAndCoverage() {
    // 40 accounts x 8 h = 320 h; 120 h per manager -> 3 managers (2.67 rounded up)
    assertEquals(3, CapacityPlan.managersNeeded(40, 8, 120), 0);
    assertEquals(2, CapacityPlan.managersNeeded(30, 8, 120), 0); // exactly 240 h
    assertEquals(0, CapacityPlan.managersNeeded(500, 0, 120), 0);
    // 5 managers x 120 h / 8 h = 75 accounts
    assertEquals(75, CapacityPlan.coverage(5, 120, 8), 0);
    assertEquals(Double.POSITIVE_INFINITY, CapacityPlan.coverage(1, 120, 0), 0);
  }

  @Test
  void planFromDemandAndShortfall() {
    // high: 10 h per account, 1 manager x 100 h (10 accounts); 12 want high -> 120 h wanted, 2 managers
    TouchModel m = model(Fixtures.ARR_RULES);
    List<Account> accounts = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      accounts.add(account("h" + i, 100_000 + i * 1000));
    }
    accounts.add(account("t", 1_000));
    Segmentation s = m.segment(accounts, AS_OF);
    CapacityPlan plan = CapacityPlan.of(m, s, 120);
    CapacityPlan.Row high = plan.rows().get(2);
    assertEquals("high", high.tier());
    assertEquals(10, high.accounts());
    assertEquals(12, high.accountsWanted());
    assertEquals(120, high.hoursWanted(), 0);
    assertEquals(100, high.hoursNeeded(), 0);
    assertEquals(2, high.managersNeeded(), 0);
    assertEquals(1, high.managersAvailable(), 0);
    assertEquals(20, high.shortfallHours(), 0);
    assertEquals(10, high.accountsPerManager(), 0);
    CapacityPlan.Row low = plan.rows().get(1);
    // low: capacity 100 h given as hours, counted in the default 120 h per manager
    assertEquals(2, low.accounts());
    assertEquals(0, low.accountsWanted());
    assertEquals(100.0 / 120, low.managersAvailable(), 1e-12);
  }

  @Test
  void whatIfMovedThreshold() {
    TouchModel base = model(Fixtures.ARR_RULES);
    TouchModel lower = model(Fixtures.ARR_RULES.replace("min: 20000", "min: 10000"));
    List<Account> accounts = List.of(account("a", 5_000), account("b", 15_000), account("c", 18_000),
        account("d", 25_000));
    WhatIf w = WhatIf.compare(base, lower, accounts, Map.of(), Map.of(), AS_OF);
    assertEquals(2, w.changedCount());
    assertEquals(List.of(AccountId.of("b"), AccountId.of("c")), w.changedAccounts());
    WhatIf.Row low = w.rows().get(1);
    assertEquals(1, low.accountsBefore());
    assertEquals(3, low.accountsAfter());
    assertEquals(1, low.hoursBefore(), 0);
    assertEquals(3, low.hoursAfter(), 0);
    assertEquals(58_000, low.arrAfter(), 0);
  }

  @Test
  void recurringTopicsBecomeSeminars() {
    List<ContentAdvisor.Session> log = new ArrayList<>();
    LocalDate d = LocalDate.of(2026, 6, 1);
    // accounts a0..a9 recent (June), old1 long ago; "API setup" for 5 of the 10 recent, "SSO" for 4 + old1
    for (int i = 0; i < 10; i++) {
      AccountId id = AccountId.of("a" + i);
      log.add(new ContentAdvisor.Session(id, "kickoff", 20, d.plusDays(i)));
      if (i < 5) {
        log.add(new ContentAdvisor.Session(id, i == 0 ? " api setup " : "API setup", 30, d.plusDays(i)));
      }
      if (i >= 6) {
        log.add(new ContentAdvisor.Session(id, "SSO", 45, d.plusDays(i)));
      }
    }
    log.add(new ContentAdvisor.Session(AccountId.of("old1"), "SSO", 45, LocalDate.of(2025, 1, 1)));
    List<ContentAdvisor.SeminarProposal> p = ContentAdvisor.seminarCandidates(log, 5, 10, 60);
    assertEquals(2, p.size());
    // kickoff: 10 accounts x 20 min = 200 min -> (200 - 60) / 60 h saved; API setup: 150 min -> 1.5 h
    assertEquals("kickoff", p.get(0).topic());
    assertEquals(10, p.get(0).accounts());
    assertEquals(140.0 / 60, p.get(0).hoursSaved(), 1e-12);
    assertEquals("api setup", p.get(1).topic());
    assertEquals(5, p.get(1).accounts());
    assertEquals(1.5, p.get(1).hoursSaved(), 1e-12);
    // SSO recurs in only 4 of the last 10 (old1 is not among them)
    CskitException e = assertThrows(CskitException.class, () -> ContentAdvisor.seminarCandidates(log, 5, 4, 60));
    assertEquals("seminar candidates: need 1 <= k <= n; found k=5, n=4", e.getMessage());
  }

  @Test
  void wellAttendedSeminarsBecomeContent() {
    List<ContentAdvisor.ContentProposal> p = ContentAdvisor.contentCandidates(List.of(
        new ContentAdvisor.SeminarRun("Dashboards", 40, 22),
        new ContentAdvisor.SeminarRun("dashboards", 60, 28),
        new ContentAdvisor.SeminarRun("Admin", 50, 10),
        new ContentAdvisor.SeminarRun("Rare", 5, 5)), 0.4, 20);
    assertEquals(1, p.size());
    assertEquals("dashboards", p.get(0).topic());
    assertEquals(0.5, p.get(0).attendanceRate(), 1e-12);
  }
}
