package dev.cskit.ttv;

import dev.cskit.core.AccountId;
import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import dev.cskit.ttv.stats.ConfType;
import dev.cskit.ttv.stats.KaplanMeier;
import dev.cskit.ttv.stats.Quantile;
import dev.cskit.ttv.stats.RestrictedMean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Milestone bottlenecks along an ordered onboarding path (e.g. {@code users_invited -> first_app_built ->
 * first_value}): for each step, the accounts that reached its first milestone, how long they took to reach
 * the next one (Kaplan-Meier, censored at churn or at the as-of instant for those still in the step), and
 * the step where accounts stall most.
 *
 * <p>Rules: the earliest milestone of each type counts; events after the as-of instant are ignored; a next
 * milestone reached before the previous one counts as completing the step at 0 days. The stall step is the
 * one with the largest restricted mean time in step up to a common horizon (the longest duration observed
 * in any step): unlike the median it exists even when most accounts never complete the step.
 *
 * @param path the ordered milestone types
 * @param steps one entry per consecutive pair
 * @param horizon the common horizon of the restricted means
 * @param stallStep the index of the step where accounts stall most (-1 when no step has entrants)
 */
public record Bottlenecks(List<String> path, List<StepStats> steps, double horizon, int stallStep) {
  public Bottlenecks {
    path = List.copyOf(path);
    steps = List.copyOf(steps);
  }

  /**
   * Analyses a path.
   *
   * @param events milestone events of all accounts (any order)
   * @param path at least two milestone types, in order
   * @param churnTypes milestone types that end the path (censoring), may be empty
   * @param asOf the as-of instant
   */
  public static Bottlenecks analyze(
      Iterable<MilestoneEvent> events, List<String> path, List<String> churnTypes, Instant asOf) {
    if (path.size() < 2) {
      throw new ArgumentException("path", "needs at least two milestone types", String.valueOf(path));
    }
    Map<AccountId, Map<String, Instant>> firsts = new TreeMap<>();
    for (MilestoneEvent e : events) {
      if (e.timestamp().isAfter(asOf)) {
        continue;
      }
      if (!path.contains(e.type()) && !churnTypes.contains(e.type())) {
        continue;
      }
      String key = churnTypes.contains(e.type()) ? "\u0000churn" : e.type();
      firsts.computeIfAbsent(e.accountId(), k -> new HashMap<>()).merge(
          key, e.timestamp(), (a, b) -> a.isBefore(b) ? a : b);
    }
    List<double[]> times = new ArrayList<>();
    List<int[]> status = new ArrayList<>();
    double horizon = 0;
    for (int s = 0; s + 1 < path.size(); s++) {
      List<Double> t = new ArrayList<>();
      List<Integer> st = new ArrayList<>();
      for (Map<String, Instant> f : firsts.values()) {
        Instant from = f.get(path.get(s));
        if (from == null) {
          continue;
        }
        Instant to = f.get(path.get(s + 1));
        if (to != null) {
          t.add(to.isBefore(from) ? 0.0 : Durations.days(from, to));
          st.add(1);
        } else {
          Instant churn = f.get("\u0000churn");
          Instant end = churn != null && !churn.isBefore(from) ? churn : asOf;
          t.add(Durations.days(from, end));
          st.add(0);
        }
      }
      double[] ta = t.stream().mapToDouble(Double::doubleValue).toArray();
      int[] sa = st.stream().mapToInt(Integer::intValue).toArray();
      times.add(ta);
      status.add(sa);
      for (double x : ta) {
        horizon = Math.max(horizon, x);
      }
    }
    List<StepStats> steps = new ArrayList<>();
    int stall = -1;
    double worst = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < times.size(); s++) {
      double[] ta = times.get(s);
      int[] sa = status.get(s);
      if (ta.length == 0) {
        steps.add(new StepStats(path.get(s), path.get(s + 1), 0, 0, 0,
            new Quantile(0.5, Double.NaN, Double.NaN, Double.NaN),
            new RestrictedMean(horizon, Double.NaN, Double.NaN)));
        continue;
      }
      KaplanMeier km = KaplanMeier.fit("step " + path.get(s) + " -> " + path.get(s + 1), ta, sa,
          ConfType.LOG_LOG, 0.95);
      int done = km.events();
      StepStats stats = new StepStats(path.get(s), path.get(s + 1), ta.length, done, ta.length - done,
          km.median(), km.restrictedMean(horizon));
      steps.add(stats);
      if (stats.restrictedMean().value() > worst) {
        worst = stats.restrictedMean().value();
        stall = s;
      }
    }
    return new Bottlenecks(path, steps, horizon, stall);
  }

  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("step", "entered", "completed", "in step", "median days",
        "restricted mean", "std err").column(4, TextTable.decimals(1)).column(5, TextTable.decimals(1))
        .column(6, TextTable.decimals(2));
    for (StepStats s : steps) {
      t.row(s.from() + " -> " + s.to(), s.entered(), s.completed(), s.censored(), s.median().value(),
          s.restrictedMean().value(), s.restrictedMean().stdErr());
    }
    return "Milestone bottlenecks (restricted means up to " + TextTable.cell(horizon) + " days)\n" + t
        + (stallStep >= 0 ? "accounts stall most in " + steps.get(stallStep).from() + " -> "
            + steps.get(stallStep).to() + "\n" : "");
  }
}
