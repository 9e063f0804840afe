package dev.cskit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the bridge and the retention rates on random subscription histories. */
class RetentionProperties {
  static final LocalDate ORIGIN = LocalDate.of(2023, 1, 1);
  static final YearMonth THROUGH = YearMonth.of(2025, 12);

  @Provide
  Arbitrary<List<Subscription>> portfolios() {
    Arbitrary<Subscription> sub = Combinators.combine(
        Arbitraries.integers().between(0, 7),
        Arbitraries.integers().between(0, 1000),
        Arbitraries.integers().between(0, 400),
        Arbitraries.integers().between(0, 3),
        Arbitraries.longs().between(0, 500_000),
        Arbitraries.of(BillingPeriod.values()))
        .as((acct, start, length, endKind, cents, period) -> {
          LocalDate s = ORIGIN.plusDays(start);
          LocalDate e = endKind == 0 ? null : s.plusDays(length);
          return new Subscription("acct" + acct, "", "", s, e, BigDecimal.valueOf(cents, 2), period, "USD");
        });
    return sub.list().ofMinSize(1).ofMaxSize(25);
  }

  static RetentionOptions options(int variant) {
    RetentionOptions o = RetentionOptions.defaults().withThrough(THROUGH);
    if (variant % 2 == 1) {
      o = o.withChurnRecognition(ChurnRecognition.AT_PERIOD_END);
    }
    if (variant >= 2) {
      o = o.withReactivationWindowMonths(variant - 1);
    }
    return o;
  }

  @Property(tries = 200)
  void theBridgeReconcilesAndChainsForAnyInput(@ForAll("portfolios") List<Subscription> subs,
      @ForAll("variants") int variant) {
    MrrHistory h = MrrHistory.ofSubscriptions(subs, options(variant));
    for (ReportPeriod p : ReportPeriod.values()) {
      Bridge b = h.bridge(p);
      long previous = 0;
      for (BridgeRow r : b.rows()) {
        assertTrue(r.reconciles(), r.toString());
        assertEquals(previous, r.starting(), "each period starts where the last ended");
        previous = r.ending();
        assertEquals(h.totalMrr(r.lastMonth()), r.ending());
      }
    }
  }

  @Provide
  Arbitrary<Integer> variants() {
    return Arbitraries.integers().between(0, 4);
  }

  @Property(tries = 200)
  void grrIsBetweenZeroAndOneAndNrrIsAtLeastGrr(@ForAll("portfolios") List<Subscription> subs) {
    MrrHistory h = MrrHistory.ofSubscriptions(subs, options(0));
    for (ReportPeriod p : ReportPeriod.values()) {
      for (RateRow r : h.rates(p).rows()) {
        check(r.grr(), r.nrr());
        check(r.grr12(), r.nrr12());
      }
    }
    Map<String, String> bands = new HashMap<>();
    for (String a : h.accounts()) {
      bands.put(a, a.hashCode() % 2 == 0 ? "green" : "red");
    }
    BandRetention br = h.byBand(new BandSnapshot(h.firstMonth().plusMonths(Math.min(6, h.months() - 1)).atEndOfMonth(), bands, Map.of()), 3, 6, 12);
    for (BandRow r : br.rows()) {
      if (r.observed()) {
        check(r.grr(), r.nrr());
        assertTrue(r.logoChurn() >= 0 && r.logoChurn() <= 1);
      }
    }
  }

  static void check(double grr, double nrr) {
    if (Double.isNaN(grr)) {
      assertTrue(Double.isNaN(nrr));
      return;
    }
    assertTrue(grr >= 0 && grr <= 1, "GRR " + grr);
    assertTrue(nrr >= grr, "NRR " + nrr + " < GRR " + grr);
  }

  @Property(tries = 150)
  void theOrderOfInputRowsDoesNotMatter(@ForAll("portfolios") List<Subscription> subs, @ForAll long seed,
      @ForAll("variants") int variant) {
    List<Subscription> shuffled = new ArrayList<>(subs);
    Collections.shuffle(shuffled, new Random(seed));
    MrrHistory a = MrrHistory.ofSubscriptions(subs, options(variant));
    MrrHistory b = MrrHistory.ofSubscriptions(shuffled, options(variant));
    assertEquals(a.bridge(), b.bridge());
    assertEquals(a.rates(ReportPeriod.QUARTER).toString(), b.rates(ReportPeriod.QUARTER).toString());
    assertEquals(a.cohorts(), b.cohorts());
  }

  @Property(tries = 150)
  void splittingThePortfolioAndAddingTheBridgesGivesThePortfoliosBridge(
      @ForAll("portfolios") List<Subscription> subs, @ForAll("variants") int variant) {
    List<Subscription> even = new ArrayList<>();
    List<Subscription> odd = new ArrayList<>();
    for (Subscription s : subs) {
      (s.accountId().hashCode() % 2 == 0 ? even : odd).add(s);
    }
    MrrHistory all = MrrHistory.ofSubscriptions(subs, options(variant));
    for (ReportPeriod p : ReportPeriod.values()) {
      Bridge whole = all.bridge(p);
      List<Bridge> parts = new ArrayList<>();
      for (List<Subscription> part : List.of(even, odd)) {
        if (!part.isEmpty()) {
          parts.add(MrrHistory.ofSubscriptions(part, options(variant)).bridge(p, all.firstMonth(), all.lastMonth()));
        }
      }
      assertEquals(whole, Bridge.sum(parts));
    }
  }
}
