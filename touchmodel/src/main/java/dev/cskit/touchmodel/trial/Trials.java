package dev.cskit.touchmodel.trial;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Plans and analyses trials of a play (an upsell call, a seminar invitation, a usage review) against a control
 * group. Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@link #plan}: accounts per arm for a baseline and target conversion, a power and a two-sided level,
 *       exactly as R's {@code power.prop.test}; months at a pace.
 *   <li>{@link #assign}: a seeded random split of eligible accounts into play and control, half and half
 *       within each stratum.
 *   <li>{@link #analyse}: the difference with a Newcombe hybrid score interval, Fisher's exact test, the
 *       conditional MLE odds ratio and the posterior probability that the play beats control.
 * </ul>
 */
public final class Trials {
  /**
   * The rule behind the small-count warning: an arm whose expected conversions (its accounts times the pooled
   * conversion rate) are below this, or whose observed conversions or non-conversions are below it.
   */
  public static final double MIN_EXPECTED_CONVERSIONS = 5;

  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  private Trials() {}

  /** {@link #plan(double, double, double, double, double, boolean)} without a pace, R's default (not strict). */
  public static TrialPlan plan(double baseline, double target, double power, double alpha) {
    return plan(baseline, target, power, alpha, Double.NaN, false);
  }

  /**
   * The accounts per arm to detect a change from {@code baseline} to {@code target} conversion with {@code
   * power} at two-sided level {@code alpha}, as R's {@code power.prop.test(p1 = baseline, p2 = target, power =
   * power, sig.level = alpha, strict = strict)}: the normal approximation with the pooled variance under the
   * null and the unpooled one under the alternative, solved for n by R's root finder; and the months to enrol
   * both arms at {@code pace} accounts a month (NaN for none).
   *
   * @throws CskitException naming the argument that is out of range
   */
  public static TrialPlan plan(double baseline, double target, double power, double alpha, double pace,
      boolean strict) {
    check("baseline", baseline > 0 && baseline < 1, "must be a rate in (0, 1)", baseline);
    check("target", target > 0 && target < 1, "must be a rate in (0, 1)", target);
    check("target", target != baseline, "must differ from the baseline", target);
    check("power", power > 0 && power < 1, "must be in (0, 1)", power);
    check("alpha", alpha > 0 && alpha < 1, "must be in (0, 1)", alpha);
    check("pace", Double.isNaN(pace) || (pace > 0 && !Double.isInfinite(pace)), "must be a number > 0", pace);
    double p1 = baseline;
    double p2 = target;
    double qu = NORMAL.inverseSurvivalProbability(alpha / 2);
    java.util.function.DoubleUnaryOperator pBody = n -> {
      double d = Math.abs(p1 - p2);
      if (strict) {
        double pbar = (p1 + p2) / 2;
        double qbar = 1 - pbar;
        double v1 = p1 * (1 - p1);
        double v2 = p2 * (1 - p2);
        double vbar = pbar * qbar;
        return NORMAL.cumulativeProbability((Math.sqrt(n) * d - qu * Math.sqrt(2 * vbar)) / Math.sqrt(v1 + v2))
            + NORMAL.survivalProbability((Math.sqrt(n) * d + qu * Math.sqrt(2 * vbar)) / Math.sqrt(v1 + v2));
      }
      return NORMAL.cumulativeProbability((Math.sqrt(n) * d - (qu * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2))))
          / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
    };
    java.util.function.DoubleUnaryOperator f = n -> pBody.applyAsDouble(n) - power;
    double lower = 1;
    double upper = 1e7;
    double fl = f.applyAsDouble(lower);
    double fu = f.applyAsDouble(upper);
    check("power", fl < 0, "is reached with a single account per arm; ask for more power", power);
    check("target", fu > 0, "is too close to the baseline: more than 10 million accounts per arm needed", target);
    double n = Zeroin.zeroin2(f, lower, upper, fl, fu, Zeroin.R_TOL, 1000);
    long perArm = (long) Math.ceil(n);
    long total = 2 * perArm;
    long months = Double.isNaN(pace) ? 0 : (long) Math.ceil(total / pace - 1e-12);
    return new TrialPlan(baseline, target, power, alpha, strict, n, perArm, arcsineN(p1, p2, power, alpha), total,
        pace, months);
  }

  /**
   * Accounts per arm by statsmodels' {@code NormalIndPower} (effect size Cohen's h = 2 asin(sqrt p2) - 2
   * asin(sqrt p1), equal arms, two-sided, both tails counted), solved to 1e-12.
   */
  static double arcsineN(double p1, double p2, double power, double alpha) {
    double h = Math.abs(2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1)));
    double crit = NORMAL.inverseSurvivalProbability(alpha / 2);
    java.util.function.DoubleUnaryOperator f = n1 -> {
      double nobs = n1 / 2;
      return NORMAL.survivalProbability(crit - h * Math.sqrt(nobs))
          + NORMAL.cumulativeProbability(-crit - h * Math.sqrt(nobs)) - power;
    };
    double lo = 1e-6;
    double hi = 2;
    while (f.applyAsDouble(hi) < 0 && hi < 1e12) {
      hi *= 2;
    }
    if (f.applyAsDouble(lo) >= 0) {
      return lo;
    }
    return Zeroin.uniroot(f, lo, hi, 1e-13);
  }

  /**
   * Splits eligible accounts into play and control at random, half and half within each stratum: the accounts
   * of a stratum are ordered by id and shuffled by a generator seeded from {@code seed} and the stratum's name
   * (SplitMix64, the same on every JVM), the first half go to the play, the rest to control; an odd one out
   * goes to either arm by a coin of the same generator. The result does not depend on the input order.
   *
   * @throws CskitException when an account appears twice
   */
  public static TrialAssignment assign(Collection<TrialCandidate> eligible, long seed) {
    Map<String, List<AccountId>> byStratum = new TreeMap<>();
    Set<AccountId> seen = new HashSet<>();
    for (TrialCandidate c : eligible) {
      if (!seen.add(c.accountId())) {
        throw new ArgumentException("eligible accounts", "each account may appear once",
            CskitException.quote(c.accountId().value()));
      }
      byStratum.computeIfAbsent(c.stratum(), k -> new ArrayList<>()).add(c.accountId());
    }
    List<ArmAssignment> out = new ArrayList<>();
    for (Map.Entry<String, List<AccountId>> e : byStratum.entrySet()) {
      List<AccountId> ids = e.getValue();
      ids.sort((a, b) -> a.value().compareTo(b.value()));
      SplittableRandom rng = new SplittableRandom(mix(mix(seed) ^ mix(e.getKey().hashCode() + 0x9E3779B97F4A7C15L)));
      for (int i = ids.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        AccountId t = ids.get(i);
        ids.set(i, ids.get(j));
        ids.set(j, t);
      }
      int half = ids.size() / 2;
      int play = ids.size() % 2 == 1 && rng.nextBoolean() ? half + 1 : half;
      List<ArmAssignment> stratum = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        stratum.add(new ArmAssignment(ids.get(i), e.getKey(), i < play ? Arm.PLAY : Arm.CONTROL));
      }
      stratum.sort((a, b) -> a.accountId().value().compareTo(b.accountId().value()));
      out.addAll(stratum);
    }
    return new TrialAssignment(seed, out);
  }

  /** {@link #analyse(int, int, int, int, double, BetaPrior, BetaPrior)} at 95% with uniform priors. */
  public static TrialAnalysis analyse(int playConversions, int playAccounts, int controlConversions,
      int controlAccounts) {
    return analyse(playConversions, playAccounts, controlConversions, controlAccounts, 0.95, BetaPrior.UNIFORM,
        BetaPrior.UNIFORM);
  }

  /**
   * Play against control from the counts of each arm.
   *
   * @throws CskitException naming the argument that is out of range (a count below 0, conversions above
   *     accounts, an empty arm, a confidence outside (0, 1))
   */
  public static TrialAnalysis analyse(int playConversions, int playAccounts, int controlConversions,
      int controlAccounts, double confidence, BetaPrior playPrior, BetaPrior controlPrior) {
    checkCounts(playConversions, playAccounts, controlConversions, controlAccounts, confidence);
    ArmComparison all = compare("all", playConversions, playAccounts, controlConversions, controlAccounts,
        confidence, playPrior, controlPrior);
    return new TrialAnalysis(confidence, playPrior, controlPrior, all, List.of());
  }

  /**
   * Play against control from each account's outcome: all accounts, then each tier and each band (in name
   * order) whose arms both have accounts. A tier or band with an empty arm is not compared; the overall
   * comparison carries a warning naming it.
   */
  public static TrialAnalysis analyse(Collection<TrialOutcome> outcomes, double confidence, BetaPrior playPrior,
      BetaPrior controlPrior) {
    int[] all = new int[4];
    Map<String, int[]> strata = new LinkedHashMap<>();
    Map<String, int[]> tiers = new TreeMap<>();
    Map<String, int[]> bands = new TreeMap<>();
    for (TrialOutcome o : outcomes) {
      add(all, o);
      if (o.tier() != null && !o.tier().isEmpty()) {
        add(tiers.computeIfAbsent("tier=" + o.tier(), k -> new int[4]), o);
      }
      if (o.band() != null && !o.band().isEmpty()) {
        add(bands.computeIfAbsent("band=" + o.band(), k -> new int[4]), o);
      }
    }
    strata.putAll(tiers);
    strata.putAll(bands);
    checkCounts(all[0], all[1], all[2], all[3], confidence);
    List<String> skipped = new ArrayList<>();
    List<ArmComparison> out = new ArrayList<>();
    for (Map.Entry<String, int[]> e : strata.entrySet()) {
      int[] c = e.getValue();
      if (c[1] == 0 || c[3] == 0) {
        skipped.add(e.getKey() + " has no " + (c[1] == 0 ? "play" : "control") + " accounts: not compared");
        continue;
      }
      out.add(compare(e.getKey(), c[0], c[1], c[2], c[3], confidence, playPrior, controlPrior));
    }
    ArmComparison overall = compare("all", all[0], all[1], all[2], all[3], confidence, playPrior, controlPrior);
    if (!skipped.isEmpty()) {
      List<String> w = new ArrayList<>(overall.warnings());
      w.addAll(skipped);
      overall = withWarnings(overall, w);
    }
    return new TrialAnalysis(confidence, playPrior, controlPrior, overall, out);
  }

  private static void add(int[] c, TrialOutcome o) {
    int base = o.arm() == Arm.PLAY ? 0 : 2;
    c[base + 1]++;
    if (o.converted()) {
      c[base]++;
    }
  }

  private static ArmComparison withWarnings(ArmComparison c, List<String> w) {
    return new ArmComparison(c.group(), c.playConversions(), c.playAccounts(), c.controlConversions(),
        c.controlAccounts(), c.playRate(), c.playLower(), c.playUpper(), c.controlRate(), c.controlLower(),
        c.controlUpper(), c.difference(), c.differenceLower(), c.differenceUpper(), c.fisherP(), c.oddsRatio(),
        c.oddsRatioLower(), c.oddsRatioUpper(), c.probabilityPlayBetter(), w);
  }

  private static void checkCounts(int x1, int n1, int x2, int n2, double confidence) {
    check("play accounts", n1 >= 1, "must be at least 1", n1);
    check("control accounts", n2 >= 1, "must be at least 1", n2);
    check("play conversions", x1 >= 0 && x1 <= n1, "must be between 0 and the play accounts (" + n1 + ")", x1);
    check("control conversions", x2 >= 0 && x2 <= n2,
        "must be between 0 and the control accounts (" + n2 + ")", x2);
    check("confidence", confidence > 0 && confidence < 1, "must be in (0, 1)", confidence);
  }

  static ArmComparison compare(String group, int x1, int n1, int x2, int n2, double confidence,
      BetaPrior playPrior, BetaPrior controlPrior) {
    double alpha = 1 - confidence;
    double[] w1 = wilson(x1, n1, alpha);
    double[] w2 = wilson(x2, n2, alpha);
    double p1 = (double) x1 / n1;
    double p2 = (double) x2 / n2;
    double d = p1 - p2;
    double dLow = d - Math.sqrt(sq(p1 - w1[0]) + sq(w2[1] - p2));
    double dUpp = d + Math.sqrt(sq(p2 - w2[0]) + sq(w1[1] - p1));
    FisherExact f = new FisherExact(x1, n1 - x1, x2, n2 - x2, confidence);
    double prob = probabilityGreater(playPrior.alpha() + x1, playPrior.beta() + n1 - x1,
        controlPrior.alpha() + x2, controlPrior.beta() + n2 - x2);
    List<String> warnings = new ArrayList<>();
    double pooled = (double) (x1 + x2) / (n1 + n2);
    for (int arm = 0; arm < 2; arm++) {
      int n = arm == 0 ? n1 : n2;
      int x = arm == 0 ? x1 : x2;
      String name = arm == 0 ? "play" : "control";
      double expected = n * pooled;
      if (expected < MIN_EXPECTED_CONVERSIONS || n * (1 - pooled) < MIN_EXPECTED_CONVERSIONS) {
        warnings.add(String.format(Locale.ROOT,
            "%s arm expects %.1f conversions and %.1f non-conversions at the pooled rate (rule: at least %.0f"
                + " of each per arm): little power, read with care",
            name, expected, n * (1 - pooled), MIN_EXPECTED_CONVERSIONS));
      } else if (x < MIN_EXPECTED_CONVERSIONS || n - x < MIN_EXPECTED_CONVERSIONS) {
        warnings.add(String.format(Locale.ROOT, "%s arm has only %d %s (fewer than %.0f)", name,
            Math.min(x, n - x), x < n - x ? "conversions" : "non-conversions", MIN_EXPECTED_CONVERSIONS));
      }
    }
    return new ArmComparison(group, x1, n1, x2, n2, p1, w1[0], w1[1], p2, w2[0], w2[1], d, dLow, dUpp, f.pValue,
        f.oddsRatio, f.lower, f.upper, prob, warnings);
  }

  /** The Wilson score interval as statsmodels' {@code proportion_confint(count, nobs, alpha, 'wilson')}. */
  static double[] wilson(int count, int nobs, double alpha) {
    double q = (double) count / nobs;
    double crit = NORMAL.inverseSurvivalProbability(alpha / 2.);
    double crit2 = crit * crit;
    double denom = 1 + crit2 / nobs;
    double center = (q + crit2 / (2 * nobs)) / denom;
    double dist = crit * Math.sqrt(q * (1. - q) / nobs + crit2 / (4. * nobs * (double) nobs));
    dist /= denom;
    return new double[] {center - dist, center + dist};
  }

  /**
   * P(X &gt; Y) for X ~ Beta(a1, b1) and Y ~ Beta(a2, b2), exactly: the closed-form sum over {@code i < a1}
   * (Evan Miller's formula) when {@code a1} is a whole number, else one minus the same sum with the roles
   * swapped (then {@code a2} must be whole).
   */
  public static double probabilityGreater(double a1, double b1, double a2, double b2) {
    if (a1 == Math.rint(a1)) {
      return sum(a1, b1, a2, b2);
    }
    if (a2 == Math.rint(a2)) {
      return 1 - sum(a2, b2, a1, b1);
    }
    throw new ArgumentException("prior alpha", "must be a whole number for one of the arms", String.valueOf(a1));
  }

  /** P(X &gt; Y), X ~ Beta(a1, b1) with a1 whole: sum_{i=0}^{a1-1} B(a2+i, b1+b2) / ((b1+i) B(1+i, b1) B(a2, b2)). */
  private static double sum(double a1, double b1, double a2, double b2) {
    double total = 0;
    double lb = LogBeta.value(a2, b2);
    for (int i = 0; i < (int) a1; i++) {
      total += Math.exp(LogBeta.value(a2 + i, b1 + b2) - Math.log(b1 + i) - LogBeta.value(1 + i, b1) - lb);
    }
    return Math.min(1.0, Math.max(0.0, total));
  }

  private static double sq(double v) {
    return v * v;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static void check(String argument, boolean ok, String rule, Object found) {
    if (!ok) {
      throw new ArgumentException(argument, rule, String.valueOf(found));
    }
  }

  /** A helper for callers that group accounts: the stratum of each candidate by a key function. */
  public static <T> List<TrialCandidate> candidates(Collection<T> items, Function<T, AccountId> id,
      Function<T, String> stratum) {
    List<TrialCandidate> out = new ArrayList<>();
    for (T t : items) {
      out.add(new TrialCandidate(id.apply(t), stratum.apply(t)));
    }
    return out;
  }
}
