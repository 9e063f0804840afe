package dev.cskit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.MetricTable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Throttling, the silent-customer check and the length budget. */
class OperationsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
  private static final AccountId A = AccountId.of("A");
  private static final AccountId B = AccountId.of("B");

  @Test
  void throttlingGivesReasons() {
    List<Throttle.Event> history = List.of(
        new Throttle.Event("a1", A, TODAY.minusDays(60), Throttle.Kind.INVITATION),
        new Throttle.Event("a2", A, TODAY.minusDays(120), Throttle.Kind.INVITATION),
        new Throttle.Event("a2", A, TODAY.minusDays(100), Throttle.Kind.RESPONSE),
        new Throttle.Event("a3", A, TODAY.minusDays(10), Throttle.Kind.REMINDER),
        new Throttle.Event("b1", B, TODAY.minusDays(89), Throttle.Kind.INVITATION),
        new Throttle.Event("b2", B, TODAY.minusDays(91), Throttle.Kind.INVITATION),
        new Throttle.Event("b3", B, TODAY.minusDays(200), Throttle.Kind.INVITATION));
    Throttle.Decisions d = Throttle.DEFAULT.decide(List.of(
        Throttle.Candidate.of("a1", A),
        Throttle.Candidate.of("a2", A),
        Throttle.Candidate.of("a3", A),
        Throttle.Candidate.of("a4", A),
        new Throttle.Candidate("a1", A, true),
        Throttle.Candidate.of("b1", B),
        Throttle.Candidate.of("b2", B),
        Throttle.Candidate.of("b3", B),
        Throttle.Candidate.of("b4", B)), history, TODAY);
    List<Throttle.Decision> all = d.all();
    assertTrue(all.get(0).reason().startsWith("invited 2026-05-01, 60 days ago"), all.get(0).reason());
    assertTrue(all.get(1).reason().startsWith("responded 2026-03-22, 100 days ago"), all.get(1).reason());
    // a3 only had a reminder: reminders do not count. Account A has had 1 invitation this quarter (a1, May 1;
    // a2's was in March), so a3 takes the second slot and a4 is over the quota
    assertTrue(all.get(2).eligible(), all.get(2).reason());
    assertFalse(all.get(3).eligible());
    assertTrue(all.get(3).reason().startsWith("account A already has 2 survey invitations this quarter"));
    assertTrue(all.get(4).eligible(), "reminders are exempt");
    assertFalse(all.get(5).eligible(), "89 days < 90");
    // b2 was invited 91 days ago (March 31, last quarter): allowed by the day rule; B has b1 this quarter
    assertTrue(all.get(6).eligible(), all.get(6).reason());
    assertFalse(all.get(7).eligible(), "B: b1 and now b2 this quarter");
    assertTrue(all.get(7).reason().startsWith("account B already has 2"), all.get(7).reason());
    assertEquals(List.of("a3", "a1", "b2"), d.eligible().stream().map(Throttle.Decision::contactId).toList());
    assertEquals(6, d.excluded().size());
  }

  @Test
  void silentAccountsAtRiskComeFirst() {
    MetricTable usage = MetricTable.builder("events_change_30d", "events_30d")
        .addRow("s1", 0.1, 50).addRow("s2", -0.5, 10).addRow("s3", Double.NaN, 0).addRow("s4", -0.2, 30)
        .addRow("s5", 0.0, 40).build();
    List<AccountId> silent = List.of(AccountId.of("s1"), AccountId.of("s2"), AccountId.of("s3"), AccountId.of("s4"),
        AccountId.of("s5"));
    Map<AccountId, Double> health = Map.of(AccountId.of("s1"), 30.0, AccountId.of("s4"), 80.0, AccountId.of("s5"), 45.0);
    List<SilentCheck.SilentAccount> r = SilentCheck.atRisk(silent, SilentRiskOptions.builder().health(health)
        .healthBelow(50).usage(usage).usageChangeMetric("events_change_30d").declineBelow(-0.3)
        .activityMetric("events_30d").build());
    assertEquals(List.of("s1", "s5", "s2", "s3", "s4"), r.stream().map(s -> s.accountId().value()).toList());
    assertTrue(r.get(0).reasons().startsWith("health 30.0 below 50.0"));
    assertTrue(r.get(2).reasons().contains("usage -50%"));
    assertTrue(r.get(3).reasons().contains("no activity"));
    assertFalse(r.get(4).atRisk());
    // without health scores: usage decline only
    List<SilentCheck.SilentAccount> u = SilentCheck.atRisk(silent, SilentRiskOptions.builder()
        .health(Collections.emptyMap()).usage(usage).usageChangeMetric("events_change_30d").declineBelow(-0.3)
        .build());
    assertEquals(List.of("s2"), u.stream().filter(SilentCheck.SilentAccount::atRisk).map(s -> s.accountId().value()).toList());
  }

  @Test
  void healthBandsMarkAccountsAtRisk() {
    MetricTable usage = MetricTable.builder("events_change_30d").addRow("s1", 0.1).addRow("s2", 0.2)
        .addRow("s3", 0.0).build();
    List<AccountId> silent = List.of(AccountId.of("s1"), AccountId.of("s2"), AccountId.of("s3"));
    Map<AccountId, dev.cskit.core.HealthBand> bands = Map.of(
        AccountId.of("s1"), dev.cskit.core.HealthBand.GREEN,
        AccountId.of("s2"), dev.cskit.core.HealthBand.RED,
        AccountId.of("s3"), dev.cskit.core.HealthBand.INSUFFICIENT_DATA);
    List<SilentCheck.SilentAccount> r = SilentCheck.atRisk(silent, SilentRiskOptions.builder().bands(bands)
        .lowBands(java.util.Set.of(dev.cskit.core.HealthBand.RED)).usage(usage)
        .usageChangeMetric("events_change_30d").declineBelow(-0.3).build());
    assertEquals(List.of("s3", "s2", "s1"), r.stream().map(s -> s.accountId().value()).toList());
    assertEquals("health red", r.get(1).reasons());
    List<SilentCheck.SilentAccount> scored = SilentCheck.atRisk(silent, SilentRiskOptions.builder()
        .health(Map.of(AccountId.of("s2"), 20.0)).bands(bands).lowBands(java.util.Set.of(dev.cskit.core.HealthBand.RED))
        .healthBelow(40).usage(usage).usageChangeMetric("events_change_30d").declineBelow(-0.3).build());
    assertEquals("health red (20.0)", scored.stream().filter(x -> x.accountId().value().equals("s2")).findFirst()
        .orElseThrow().reasons());
    assertTrue(r.get(0).reasons().startsWith("health not scored"));
    assertFalse(r.get(2).atRisk());
  }

  @Test
  void historyFromCsv() {
    List<Throttle.Event> h = Throttle.readHistoryCsv(
        "contact_id,account_id,date,kind,channel\nc1,A,2026-05-01,invitation,email\nc1,A,2026-05-03,Response,email\n",
        "history.csv");
    assertEquals(2, h.size());
    assertEquals(Throttle.Kind.RESPONSE, h.get(1).kind());
    assertEquals(LocalDate.of(2026, 5, 3), h.get(1).date());
    dev.cskit.core.DataException e = org.junit.jupiter.api.Assertions.assertThrows(dev.cskit.core.DataException.class,
        () -> Throttle.readHistoryCsv("contact_id,account_id,date,kind\nc1,A,2026-05-01,call\n", "history.csv"));
    assertTrue(e.getMessage().startsWith("history.csv, row 2, column \"kind\": must be invitation, reminder or response"),
        e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(dev.cskit.core.DataException.class,
        () -> Throttle.readHistoryCsv("contact_id,account_id,date\nc1,A,2026-05-01\n", "history.csv"));
    org.junit.jupiter.api.Assertions.assertThrows(dev.cskit.core.DataException.class,
        () -> Throttle.readHistoryCsv("contact_id,account_id,date,kind\nc1,A,05/01/2026,invitation\n", "h.csv"));
  }

  @Test
  void balanceFlagsLargeDifferences() {
    MetricTable.Builder b = MetricTable.builder("usage", "same");
    for (int i = 0; i < 20; i++) {
      b.addRow("r" + i, 10 + i % 3, i % 2);
      b.addRow("s" + i, 2 + i % 3, i % 2);
    }
    List<AccountId> respondents = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      respondents.add(AccountId.of("r" + i));
    }
    SilentCheck.Balance bal = SilentCheck.compare(b.build(), respondents, SilentCheck.DEFAULT_SMD_THRESHOLD);
    assertEquals(List.of("usage"), bal.flagged().stream().map(SilentCheck.Row::metric).toList());
    assertEquals(0, bal.rows().get(1).smd(), 1e-12);
    assertTrue(bal.rows().get(0).smd() > 5);
  }

  @Test
  void lengthBudget() {
    LengthBudget.Estimate shortOne = LengthBudget.DEFAULT.estimate(List.of(QuestionKind.RATING, QuestionKind.OPEN_TEXT));
    assertEquals(Duration.ofSeconds(10 + 7 + 60), shortOne.estimated());
    assertFalse(shortOne.overBudget());
    List<QuestionKind> longOne = new java.util.ArrayList<>(Collections.nCopies(10, QuestionKind.MATRIX_ROW));
    longOne.addAll(Collections.nCopies(3, QuestionKind.OPEN_TEXT));
    LengthBudget.Estimate e = LengthBudget.DEFAULT.estimate(longOne);
    assertEquals(Duration.ofSeconds(240), e.estimated());
    assertTrue(e.overBudget());
    assertTrue(e.message().contains("4:00 to answer; budget 3:00: over budget"), e.message());
    assertFalse(new LengthBudget(Duration.ofMinutes(5)).estimate(longOne).overBudget());
  }
}
