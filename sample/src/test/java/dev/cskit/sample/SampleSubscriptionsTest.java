package dev.cskit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.Account;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleSubscriptionsTest {
  static final SamplePortfolio P = SamplePortfolio.generate(1000, 42);

  static Map<String, List<SampleSubscription>> byAccount() {
    Map<String, List<SampleSubscription>> m = new HashMap<>();
    for (SampleSubscription s : P.subscriptions()) {
      m.computeIfAbsent(s.accountId(), k -> new ArrayList<>()).add(s);
    }
    return m;
  }

  @Test
  void everyAccountIsBilledFromItsContractStartAndNothingRunsPastItsChurnButAReturn() {
    Map<String, List<SampleSubscription>> by = byAccount();
    for (Account a : P.accounts()) {
      List<SampleSubscription> subs = by.get(a.id().value());
      assertTrue(subs != null && !subs.isEmpty(), a.id().value());
      LocalDate start = a.contractStart().orElseThrow();
      assertTrue(subs.stream().anyMatch(s -> s.start().equals(start)), a.id().value());
    }
    for (ChurnOutcome o : P.outcomes()) {
      if (o.churned()) {
        for (SampleSubscription s : by.get(o.accountId().value())) {
          boolean isReturn = s.start().equals(o.churnDate().plusMonths(2));
          assertTrue(isReturn || (s.end() != null && !s.end().isAfter(o.churnDate())), s.toString());
        }
      }
    }
  }

  @Test
  void theHistoryHasEveryKindOfMovement() {
    Map<String, List<SampleSubscription>> by = byAccount();
    int planChanges = 0;
    int overlaps = 0;
    int returnsAfter2 = 0;
    int returnsAfter14 = 0;
    for (List<SampleSubscription> subs : by.values()) {
      for (SampleSubscription x : subs) {
        for (SampleSubscription y : subs) {
          if (x == y) {
            continue;
          }
          if (x.end() != null && x.end().equals(y.start())) {
            planChanges++;
          }
          if (x.end() != null && x.end().plusMonths(2).equals(y.start())) {
            returnsAfter2++;
          }
          if (x.end() != null && x.end().plusMonths(14).equals(y.start())) {
            returnsAfter14++;
          }
          if (x.start().isBefore(y.start()) && (x.end() == null || x.end().isAfter(y.start()))) {
            overlaps++;
          }
        }
      }
    }
    assertTrue(planChanges > 20, "same-day plan changes: " + planChanges);
    assertTrue(overlaps > 10, "overlapping subscriptions: " + overlaps);
    assertTrue(returnsAfter2 > 5, "returns after 2 months: " + returnsAfter2);
    assertTrue(returnsAfter14 > 5, "returns after 14 months: " + returnsAfter14);
    assertTrue(P.subscriptions().stream().anyMatch(s -> s.billingPeriod().equals("year")));
    assertTrue(P.subscriptions().stream().anyMatch(s -> s.billingPeriod().equals("quarter")));
    assertTrue(P.subscriptions().stream().filter(s -> s.start().getDayOfMonth() != 1).count()
        > P.subscriptions().size() / 2, "mostly mid-month starts");
    assertTrue(by.keySet().stream().anyMatch(id -> id.startsWith("F")), "former accounts are billed too");
    assertFalse(P.subscriptions().stream().anyMatch(s -> s.amount().signum() <= 0));
  }

  @Test
  void theHistoryIsReproducible() {
    assertEquals(P.subscriptions(), SamplePortfolio.generate(1000, 42).subscriptions());
  }
}
