package dev.cskit.sample;

import dev.cskit.core.Account;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample portfolio's subscription history, derived from its public data (each account's ARR, seats,
 * segment, contract start, hidden usage pattern and churn outcome) with its own seeded random stream, so the
 * rest of the sample is unchanged by it.
 *
 * <p>The history runs from each account's first contract to a year after the as-of date, like the churn
 * outcomes, so what each health band's revenue did after the as-of date can be measured. Its shape follows
 * the usage patterns: thriving accounts started smaller and upgraded (same-day plan changes; annual plans at
 * an anniversary) and some expand again in the outcome year; declining accounts started bigger and
 * downgraded; some steady accounts bought a seat add-on (a second, overlapping subscription), half of them
 * cancelled it later; some shelfware accounts cut seats in the outcome year. Churned accounts end every
 * subscription on their churn date; some of them return 2 months later. About one in twenty-five accounts
 * had an earlier contract that ended 2 or 14 months before its current one. The former accounts (ids
 * {@code F...}, who churned before reaching value) pay a monthly starter plan from their contract to their
 * churn, as their milestones say. Small accounts pay monthly (some
 * yearly), mid-size ones monthly, quarterly or yearly, enterprise ones yearly; contracts start on any day of
 * the month.
 */
final class SampleSubscriptions {
  static final long STREAM_SUBSCRIPTIONS = 8;

  private SampleSubscriptions() {}

  static List<SampleSubscription> generate(SamplePortfolio p) {
    Map<String, ChurnOutcome> outcomes = new HashMap<>();
    for (ChurnOutcome o : p.outcomes()) {
      outcomes.put(o.accountId().value(), o);
    }
    LocalDate horizon = p.asOf().plusYears(1);
    List<SampleSubscription> out = new ArrayList<>();
    List<Account> accounts = p.accounts();
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      new Gen(a, p.pattern(a.id()), outcomes.get(a.id().value()), p.asOf(), horizon,
          new Rng(p.seed(), i, STREAM_SUBSCRIPTIONS), out).run();
    }
    // former accounts (ids F...): a monthly starter plan from their contract to their churn
    Map<String, LocalDate[]> former = new java.util.TreeMap<>();
    for (Milestone m : p.milestones()) {
      String id = m.accountId().value();
      if (id.startsWith("F")) {
        LocalDate[] d = former.computeIfAbsent(id, k -> new LocalDate[2]);
        LocalDate day = m.timestamp().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        if (m.type().equals(Milestone.CONTRACT_SIGNED)) {
          d[0] = day;
        } else if (m.type().equals(Milestone.CHURNED)) {
          d[1] = day;
        }
      }
    }
    int k = 0;
    for (Map.Entry<String, LocalDate[]> e : former.entrySet()) {
      Rng r = new Rng(p.seed(), accounts.size() + k++, STREAM_SUBSCRIPTIONS);
      LocalDate[] d = e.getValue();
      if (d[0] != null && d[1] != null && d[1].isAfter(d[0])) {
        BigDecimal amount = BigDecimal.valueOf(StrictMath.rint(r.logNormal(500, 0.5) * 100) / 100.0)
            .setScale(2, RoundingMode.HALF_EVEN);
        out.add(new SampleSubscription(e.getKey(), e.getKey() + "-S1", "starter", d[0], d[1], amount, "month", "USD"));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The history of one account. */
  private static final class Gen {
    final Account a;
    final UsagePattern pattern;
    final ChurnOutcome outcome;
    final LocalDate asOf;
    final LocalDate horizon;
    final Rng r;
    final List<SampleSubscription> out;
    final String segment;
    final String period;
    final int months;
    final String plan;
    int next = 1;

    Gen(Account a, UsagePattern pattern, ChurnOutcome outcome, LocalDate asOf, LocalDate horizon, Rng r,
        List<SampleSubscription> out) {
      this.a = a;
      this.pattern = pattern;
      this.outcome = outcome;
      this.asOf = asOf;
      this.horizon = horizon;
      this.r = r;
      this.out = out;
      this.segment = a.attribute("segment");
      if ("enterprise".equals(segment)) {
        period = "year";
      } else if ("mid".equals(segment)) {
        period = new String[] {"month", "quarter", "year"}[r.pick(0.4, 0.3, 0.3)];
      } else {
        period = r.bernoulli(0.8) ? "month" : "year";
      }
      months = period.equals("year") ? 12 : period.equals("quarter") ? 3 : 1;
      plan = "enterprise".equals(segment) ? "enterprise" : "mid".equals(segment) ? "growth" : "starter";
    }

    void run() {
      LocalDate start = a.contractStart().orElseThrow();
      LocalDate churn = outcome == null ? null : outcome.churnDate();
      double mrr = a.arr() / 12.0; // the MRR at the as-of date
      // the main plan: a list of (from, MRR) steps, each a subscription ended by a same-day plan change
      List<LocalDate> from = new ArrayList<>();
      List<Double> value = new ArrayList<>();
      from.add(start);
      long tenure = ChronoUnit.DAYS.between(start, asOf);
      switch (pattern) {
        case THRIVING:
          if (tenure > 90) {
            value.add(mrr * r.uniform(0.55, 0.8));
            from.add(changeDate(start, tenure));
          }
          value.add(mrr);
          if (churn == null && r.bernoulli(0.4)) {
            from.add(asOf.plusDays(15 + r.nextInt(300)));
            value.add(mrr * r.uniform(1.1, 1.35));
          }
          break;
        case DECLINING:
          if (tenure > 90) {
            value.add(mrr * r.uniform(1.15, 1.5));
            from.add(changeDate(start, tenure));
          }
          value.add(mrr);
          break;
        case SHELFWARE:
          value.add(mrr);
          if (churn == null && r.bernoulli(0.3)) {
            from.add(asOf.plusDays(15 + r.nextInt(300)));
            value.add(mrr * r.uniform(0.5, 0.8));
          }
          break;
        default:
          value.add(mrr);
      }
      // an earlier contract, ended 2 or 14 months before this one
      if (r.bernoulli(0.04)) {
        int gap = r.bernoulli(0.5) ? 2 : 14;
        int length = 6 + r.nextInt(7);
        LocalDate priorEnd = start.minusMonths(gap);
        emit(priorEnd.minusMonths(length), priorEnd, value.get(0) * 0.8, plan);
      }
      LocalDate end = churn;
      for (int k = 0; k < value.size(); k++) {
        LocalDate s = from.get(k);
        LocalDate e = k + 1 < from.size() ? from.get(k + 1) : null;
        if (end != null && !s.isBefore(end)) {
          break;
        }
        if (end != null && (e == null || e.isAfter(end))) {
          e = end;
        }
        emit(s, e, value.get(k), k == 0 ? plan : plan + (value.get(k) > value.get(k - 1) ? "-plus" : "-lite"));
      }
      // a seat add-on: a second subscription beside the main one
      if (pattern == UsagePattern.STEADY && tenure > 60 && r.bernoulli(0.3)) {
        LocalDate s = start.plusDays(30 + r.nextInt((int) Math.max(1, tenure - 30)));
        LocalDate e = r.bernoulli(0.5) ? asOf.plusDays(r.nextInt(365)) : null;
        if (end != null && (e == null || e.isAfter(end))) {
          e = end;
        }
        if (e == null || e.isAfter(s)) {
          emit(s, e, mrr * r.uniform(0.1, 0.25), "seats-addon");
        }
      }
      // a return 2 months after churning
      if (churn != null && r.bernoulli(0.15)) {
        LocalDate back = churn.plusMonths(2);
        if (back.isBefore(horizon)) {
          emit(back, null, mrr * 0.7, plan);
        }
      }
    }

    /** A plan change between the start and the as-of date: at an anniversary for yearly plans. */
    LocalDate changeDate(LocalDate start, long tenure) {
      if (months == 12 && tenure > 366) {
        long years = ChronoUnit.YEARS.between(start, asOf);
        return start.plusYears(1 + r.nextInt((int) years));
      }
      return start.plusDays(30 + r.nextInt((int) (tenure - 30)));
    }

    void emit(LocalDate start, LocalDate end, double monthly, String planName) {
      BigDecimal amount = BigDecimal.valueOf(monthly * months).setScale(2, RoundingMode.HALF_EVEN);
      out.add(new SampleSubscription(a.id().value(), a.id().value() + "-S" + next++, planName, start, end, amount,
          period, a.currency()));
    }
  }
}
