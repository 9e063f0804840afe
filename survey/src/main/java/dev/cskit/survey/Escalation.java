package dev.cskit.survey;

import dev.cskit.core.TouchTier;
import dev.cskit.survey.internal.BinomialSum;
import dev.cskit.survey.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Channel escalation: how waves sent to the still-silent contacts add up, and the cheapest set of waves
 * that reaches a target.
 *
 * <p>The model: each wave reaches the silent contacts of its tiers, up to its capacity (when the capacity
 * binds, an even share {@code a} of them, so each silent contact is reached with probability {@code a}); a
 * reached contact answers with the wave's rate {@code r}. A contact of tier {@code t} therefore answers at
 * some point with probability {@code c_t = 1 - prod_k (1 - a_k r_k)} over the waves for its tier, which is
 * {@code 1 - prod_k (1 - r_k)} without capacity limits. Responses are the sum over tiers of independent
 * {@code Binomial(n_t, c_t)}; the chance of reaching the target is computed exactly from that sum (by
 * convolution, or a continuity-corrected normal approximation for very large populations).
 *
 * <p>With a capacity that binds, contacts are no longer independent (how many a wave reaches depends on how
 * many are still silent), so the probability is computed exactly by carrying the distribution of the number
 * of non-responders from wave to wave: tiers reached by the same waves are merged
 * into groups; a capped wave contacts {@code min(capacity, silent)} of its group's silent contacts, and each
 * answers with its rate; groups no capped wave reaches are binomial. This is exact whenever every capped
 * wave reaches one group and each such group has at most 20,000 invitations; otherwise (a capped wave across
 * tiers that other waves tell apart, or very large groups) the capacity shares {@code a_k} use the expected
 * numbers still silent and the probability is an approximation.
 *
 * <p>{@link #cheapest} considers every subset of the candidate waves that keeps their order and includes the
 * required ones (only the prefixes when there are more than 12 candidates); for a number of responses it also
 * finds the fewest invitations (spread over the tiers in proportion); for a rate it invites everybody. The
 * last wave of a plan that reaches the target is then trimmed to the fewest contacts that still do (no need
 * to make all 200 calls when 90 suffice). It returns the plan of least expected cost whose probability reaches the one asked (ties: the higher
 * probability), or, when none does, the plan with the highest probability (then the most expected
 * responses), marked infeasible.
 */
public final class Escalation {
  private static final int MAX_SUBSET_WAVES = 12;

  private Escalation() {}

  /**
   * The cumulative response rate of waves with these rates among the still-silent: {@code 1 - prod(1 - r_k)}.
   *
   * @throws dev.cskit.core.CskitException when a rate is outside [0, 1]
   */
  public static double cumulativeRate(double... rates) {
    double silent = 1;
    for (int i = 0; i < rates.length; i++) {
      Checks.unit("rates[" + i + "]", rates[i]);
      silent *= 1 - rates[i];
    }
    return 1 - silent;
  }

  /** The cheapest plan for a plan configuration; see the class description. */
  public static PlanResult cheapest(EscalationPlan plan) {
    Map<TouchTier, Long> tierMap = plan.population().tierMap();
    TouchTier[] tiers = tierMap.keySet().toArray(new TouchTier[0]);
    long[] population = new long[tiers.length];
    for (int i = 0; i < tiers.length; i++) {
      population[i] = tierMap.get(tiers[i]);
    }
    List<Wave> candidates = plan.waves();
    EscalationPlan.Target target = plan.target();
    double q = target.probability();
    Evaluation best = null;
    Evaluation closest = null;
    for (List<Wave> subset : subsets(candidates)) {
      Evaluation e;
      if (target.rate() != null) {
        e = evaluate(tiers, population, subset, targetFor(target, sum(population)));
      } else {
        e = fewestInvitations(tiers, population, subset, target.responses(), q);
      }
      if (e.probability >= q) {
        e = trimLastWave(tiers, e, q);
        if (best == null
            || e.cost < best.cost - 1e-9
            || (Math.abs(e.cost - best.cost) <= 1e-9 && e.probability > best.probability)) {
          best = e;
        }
      }
      if (closest == null || e.probability > closest.probability + 1e-12
          || (Math.abs(e.probability - closest.probability) <= 1e-12
              && (e.expectedResponses > closest.expectedResponses + 1e-9
                  || (Math.abs(e.expectedResponses - closest.expectedResponses) <= 1e-9 && e.cost < closest.cost)))) {
        closest = e;
      }
    }
    String goal =
        target.rate() != null
            ? String.format(Locale.ROOT, "a %s response rate", percent(target.rate()))
            : target.responses() + " responses";
    if (best != null) {
      String statement =
          String.format(
              Locale.ROOT,
              "The cheapest plan reaching %s with probability %s: %s, inviting %d; it reaches the target with"
                  + " probability %.4f at an expected cost of %.2f.",
              goal, q, names(best.waves), best.invitations, best.probability, best.cost);
      return best.toResult(true, statement, q);
    }
    String statement =
        String.format(
            Locale.ROOT,
            "No plan from these waves reaches %s with probability %s: the best (%s, inviting %d) reaches it"
                + " with probability %.4f, expecting %.1f responses (%s).",
            goal, q, names(closest.waves), closest.invitations, closest.probability, closest.expectedResponses,
            percent(closest.expectedResponses / closest.invitations));
    return closest.toResult(false, statement, q);
  }

  /**
   * Evaluates waves sent in order to invited contacts per tier, for a target number of responses.
   *
   * @param invited contacts invited per tier
   * @param waves the waves in the order they are sent
   * @param targetResponses the responses wanted
   */
  public static PlanResult evaluate(Map<TouchTier, Long> invited, List<Wave> waves, long targetResponses, double q) {
    TouchTier[] tiers = invited.keySet().toArray(new TouchTier[0]);
    long[] n = new long[tiers.length];
    for (int i = 0; i < tiers.length; i++) {
      n[i] = Checks.nonNegative("invited." + tiers[i], invited.get(tiers[i]));
    }
    Checks.openUnit("probability", q);
    Evaluation e = evaluate(tiers, n, waves, targetResponses);
    return e.toResult(e.probability >= q, String.format(Locale.ROOT,
        "%s, inviting %d: probability %.4f of %d responses.", names(waves), e.invitations, e.probability,
        targetResponses), q);
  }

  /**
   * A feasible plan whose last wave contacts only as many as needed: the fewest contacts (at most its
   * capacity and the silent contacts it could reach) that still give probability {@code q}.
   */
  private static Evaluation trimLastWave(TouchTier[] tiers, Evaluation e, double q) {
    int last = e.waves.size() - 1;
    Wave w = e.waves.get(last);
    double reachable = e.rows.get(last).contacts();
    long hi = (long) Math.floor(reachable);
    if (w.costPerContact() == 0 || hi <= 1) {
      return e;
    }
    long[] invited = e.invited;
    long lo = 0;
    Evaluation best = e;
    List<Wave> trimmed = new ArrayList<>(e.waves);
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      trimmed.set(last, w.withCapacity(mid));
      Evaluation t = evaluate(tiers, invited, List.copyOf(trimmed), e.target);
      if (t.probability >= q) {
        hi = mid;
        best = t;
      } else {
        lo = mid;
      }
    }
    return best;
  }

  private static long targetFor(EscalationPlan.Target target, long invited) {
    return (long) Math.ceil(target.rate() * invited - 1e-9);
  }

  private static Evaluation fewestInvitations(
      TouchTier[] tiers, long[] population, List<Wave> waves, long target, double q) {
    long total = sum(population);
    Evaluation all = evaluate(tiers, population, waves, target);
    if (all.probability < q || target > total) {
      return all;
    }
    long lo = Math.max(0, target - 1);
    long hi = total;
    Evaluation hiEval = all;
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      Evaluation e = evaluate(tiers, split(population, mid), waves, target);
      if (e.probability >= q) {
        hi = mid;
        hiEval = e;
      } else {
        lo = mid;
      }
    }
    return hiEval;
  }

  /** {@code n} contacts spread over the tiers in proportion to their sizes (largest remainders). */
  static long[] split(long[] population, long n) {
    long total = sum(population);
    double[] exact = new double[population.length];
    for (int i = 0; i < population.length; i++) {
      exact[i] = (double) n * population[i] / total;
    }
    return StratifiedAllocation.largestRemainders(exact, new long[population.length], population, n);
  }

  private static Evaluation evaluate(TouchTier[] tiers, long[] invited, List<Wave> waves, long target) {
    int t = tiers.length;
    double[] silent = new double[t];
    double[] neverAnswer = new double[t];
    for (int i = 0; i < t; i++) {
      silent[i] = invited[i];
      neverAnswer[i] = 1;
    }
    long total = sum(invited);
    List<PlanResult.WaveOutcome> rows = new ArrayList<>();
    double cost = 0;
    double responded = 0;
    for (Wave w : waves) {
      boolean[] reach = new boolean[t];
      double eligible = 0;
      for (int i = 0; i < t; i++) {
        reach[i] = w.reaches(tiers[i]);
        if (reach[i]) {
          eligible += silent[i];
        }
      }
      double contacts = w.capacity() == null ? eligible : Math.min(w.capacity(), eligible);
      double share = eligible == 0 ? 0 : contacts / eligible;
      double responses = 0;
      for (int i = 0; i < t; i++) {
        if (reach[i]) {
          double answered = silent[i] * share * w.rate();
          responses += answered;
          silent[i] -= answered;
          neverAnswer[i] *= 1 - share * w.rate();
        }
      }
      double waveCost = contacts * w.costPerContact();
      cost += waveCost;
      responded += responses;
      rows.add(new PlanResult.WaveOutcome(
          w.name(), w.channel(), contacts, responses, total == 0 ? 0 : responded / total, waveCost));
    }
    double[] p = new double[t];
    for (int i = 0; i < t; i++) {
      p[i] = Math.min(1, Math.max(0, 1 - neverAnswer[i]));
    }
    double probability = exactProbability(tiers, invited, waves, target);
    if (Double.isNaN(probability)) {
      probability = BinomialSum.atLeast(invited, p, target);
    }
    return new Evaluation(waves, invited.clone(), total, target, probability, responded, cost, rows);
  }

  /** The largest group a capped wave may reach for the exact computation (its work grows with the square). */
  static final int MAX_EXACT_GROUP = 20_000;

  /**
   * The exact probability of at least {@code target} responses when waves are sent in order to the still-silent
   * contacts (capped waves contacting {@code min(capacity, silent)} of them), or NaN when no capped wave is in
   * the plan or the exact computation does not apply (see the class description).
   */
  static double exactProbability(TouchTier[] tiers, long[] invited, List<Wave> waves, long target) {
    boolean capped = false;
    for (Wave w : waves) {
      capped |= w.capacity() != null;
    }
    if (!capped) {
      return Double.NaN; // independent contacts: the binomial sum is exact
    }
    // group the tiers by the set of waves that reach them
    Map<Long, long[]> groups = new java.util.LinkedHashMap<>();
    for (int i = 0; i < tiers.length; i++) {
      long signature = 0;
      for (int k = 0; k < waves.size(); k++) {
        if (waves.get(k).reaches(tiers[i])) {
          signature |= 1L << k;
        }
      }
      groups.computeIfAbsent(signature, x -> new long[1])[0] += invited[i];
    }
    // every capped wave must reach a single group (with at least one invitation)
    for (int k = 0; k < waves.size(); k++) {
      if (waves.get(k).capacity() == null) {
        continue;
      }
      int reached = 0;
      for (Map.Entry<Long, long[]> g : groups.entrySet()) {
        if ((g.getKey() & (1L << k)) != 0 && g.getValue()[0] > 0) {
          reached++;
          if (g.getValue()[0] > MAX_EXACT_GROUP) {
            return Double.NaN;
          }
        }
      }
      if (reached > 1) {
        return Double.NaN;
      }
    }
    long total = sum(invited);
    if (total > 10L * MAX_EXACT_GROUP) {
      return Double.NaN;
    }
    double[] logFactorial = new double[(int) total + 2];
    for (int i = 1; i < logFactorial.length; i++) {
      logFactorial[i] = logFactorial[i - 1] + Math.log(i);
    }
    double[] silentTotal = {1.0}; // distribution of the number of contacts silent at the end
    for (Map.Entry<Long, long[]> g : groups.entrySet()) {
      int n = (int) g.getValue()[0];
      boolean tracked = false;
      double stay = 1; // the chance a contact stays silent through uncapped waves only
      for (int k = 0; k < waves.size(); k++) {
        if ((g.getKey() & (1L << k)) != 0) {
          tracked |= waves.get(k).capacity() != null;
          stay *= 1 - waves.get(k).rate();
        }
      }
      double[] dist;
      if (!tracked) {
        dist = binomial(n, stay, logFactorial); // independent contacts
      } else {
        dist = new double[n + 1];
        dist[n] = 1;
        for (int k = 0; k < waves.size(); k++) {
          if ((g.getKey() & (1L << k)) != 0) {
            dist = wave(dist, waves.get(k), logFactorial);
          }
        }
      }
      silentTotal = convolve(silentTotal, dist);
    }
    long maxSilent = total - target;
    double p = 0;
    for (int s = 0; s < silentTotal.length && s <= maxSilent; s++) {
      p += silentTotal[s];
    }
    return Math.min(1, Math.max(0, p));
  }

  /** The distribution of silent contacts after a wave: {@code min(capacity, s)} are contacted, each answers with the rate. */
  private static double[] wave(double[] dist, Wave w, double[] logFactorial) {
    double r = w.rate();
    double[] out = new double[dist.length];
    for (int s = 0; s < dist.length; s++) {
      double ps = dist[s];
      if (ps == 0) {
        continue;
      }
      int m = w.capacity() == null ? s : (int) Math.min(w.capacity(), s);
      if (m == 0 || r == 0) {
        out[s] += ps;
        continue;
      }
      if (r >= 1) {
        out[s - m] += ps;
        continue;
      }
      double lr = Math.log(r);
      double lq = Math.log1p(-r);
      for (int b = 0; b <= m; b++) {
        double logPmf = logFactorial[m] - logFactorial[b] - logFactorial[m - b] + b * lr + (m - b) * lq;
        out[s - b] += ps * Math.exp(logPmf);
      }
    }
    return out;
  }

  private static double[] binomial(int n, double p, double[] logFactorial) {
    double[] out = new double[n + 1];
    if (p <= 0) {
      out[0] = 1;
      return out;
    }
    if (p >= 1) {
      out[n] = 1;
      return out;
    }
    double lp = Math.log(p);
    double lq = Math.log1p(-p);
    for (int k = 0; k <= n; k++) {
      out[k] = Math.exp(logFactorial[n] - logFactorial[k] - logFactorial[n - k] + k * lp + (n - k) * lq);
    }
    return out;
  }

  private static double[] convolve(double[] a, double[] b) {
    double[] out = new double[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      if (a[i] == 0) {
        continue;
      }
      for (int j = 0; j < b.length; j++) {
        out[i + j] += a[i] * b[j];
      }
    }
    return out;
  }

  private static List<List<Wave>> subsets(List<Wave> candidates) {
    List<List<Wave>> out = new ArrayList<>();
    int w = candidates.size();
    if (w > MAX_SUBSET_WAVES) {
      for (int k = 1; k <= w; k++) {
        List<Wave> prefix = candidates.subList(0, k);
        boolean allRequired = true;
        for (int j = k; j < w; j++) {
          allRequired &= !candidates.get(j).required();
        }
        if (allRequired) {
          out.add(List.copyOf(prefix));
        }
      }
      return out;
    }
    for (int mask = 1; mask < (1 << w); mask++) {
      List<Wave> s = new ArrayList<>();
      boolean ok = true;
      for (int j = 0; j < w; j++) {
        boolean in = (mask & (1 << j)) != 0;
        if (in) {
          s.add(candidates.get(j));
        } else if (candidates.get(j).required()) {
          ok = false;
        }
      }
      if (ok) {
        out.add(s);
      }
    }
    return out;
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long x : a) {
      s += x;
    }
    return s;
  }

  private static String names(List<Wave> waves) {
    StringBuilder sb = new StringBuilder();
    for (Wave w : waves) {
      sb.append(sb.length() == 0 ? "" : " + ").append(w.name());
      if (w.capacity() != null) {
        sb.append(" (up to ").append(w.capacity()).append(')');
      }
    }
    return sb.toString();
  }

  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
  }

  private static final class Evaluation {
    final List<Wave> waves;
    final long[] invited;
    final long invitations;
    final long target;
    final double probability;
    final double expectedResponses;
    final double cost;
    final List<PlanResult.WaveOutcome> rows;

    Evaluation(List<Wave> waves, long[] invited, long invitations, long target, double probability, double expectedResponses,
        double cost, List<PlanResult.WaveOutcome> rows) {
      this.waves = waves;
      this.invited = invited;
      this.invitations = invitations;
      this.target = target;
      this.probability = probability;
      this.expectedResponses = expectedResponses;
      this.cost = cost;
      this.rows = rows;
    }

    PlanResult toResult(boolean feasible, String statement, double q) {
      return new PlanResult(feasible, statement, invitations, target, q, probability, expectedResponses,
          invitations == 0 ? 0 : expectedResponses / invitations, cost, rows);
    }
  }
}
