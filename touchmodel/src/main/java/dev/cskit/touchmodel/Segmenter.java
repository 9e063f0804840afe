package dev.cskit.touchmodel;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.InfeasiblePlanException;
import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import dev.cskit.core.io.TextTable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One segmentation run: not thread-safe, used once by {@link TouchModel#segment}. */
final class Segmenter {
  private final TouchModel model;
  private final List<Account> accounts;
  private final Map<AccountId, AccountHealth> health;
  private final Map<AccountId, PreviousTier> previous;
  private final LocalDate asOf;
  private final int n;
  private final int tiers;
  private final double[] ltv;
  private final HealthBand[] band;
  private final double[] score;
  private final int[] prev;
  /** Percentile thresholds per rule and condition: [enter, exit]. */
  private final Map<Long, double[]> percentiles = new HashMap<>();

  // the state of the run
  private final int[] tier;
  private final int[] wanted;
  private final ReasonKind[] kind;
  private final String[] reason;
  private final Boundary[] boundary;
  private final boolean[] held;
  private final boolean[] pinned;

  Segmenter(TouchModel model, List<Account> accounts, Map<AccountId, AccountHealth> health,
      Map<AccountId, PreviousTier> previous, LocalDate asOf) {
    if (asOf == null) {
      throw new ArgumentException("asOf", "is required", null);
    }
    this.model = model;
    this.accounts = List.copyOf(accounts);
    this.health = health;
    this.previous = previous;
    this.asOf = asOf;
    this.n = accounts.size();
    this.tiers = model.tiers().size();
    ltv = new double[n];
    band = new HealthBand[n];
    score = new double[n];
    prev = new int[n];
    for (int i = 0; i < n; i++) {
      Account a = this.accounts.get(i);
      ltv[i] = model.ltv().ltv(a.arr());
      AccountHealth h = health.get(a.id());
      band[i] = h == null ? HealthBand.INSUFFICIENT_DATA : h.band();
      score[i] = h == null ? Double.NaN : h.score();
      PreviousTier p = previous.get(a.id());
      prev[i] = p == null ? -1 : model.indexOf(p.tier());
    }
    tier = new int[n];
    wanted = new int[n];
    kind = new ReasonKind[n];
    reason = new String[n];
    boundary = new Boundary[n];
    held = new boolean[n];
    pinned = new boolean[n];
  }

  Segmentation run() {
    Map<String, Pin> pins = new HashMap<>();
    for (Pin p : model.pins()) {
      if (p.activeOn(asOf)) {
        pins.put(p.account(), p);
      }
    }
    for (int i = 0; i < n; i++) {
      Pin p = pins.get(accounts.get(i).id().value());
      if (p != null) {
        pinned[i] = true;
        tier[i] = model.indexOf(p.tier());
        kind[i] = ReasonKind.PIN;
        reason[i] = "pin: " + p.reason() + (p.until() == null ? "" : " (until " + p.until() + ")");
        if (p.until() != null) {
          // the pin's boundary is its expiry: the days it still holds
          double days = ChronoUnit.DAYS.between(asOf, p.until()) + 1;
          boundary[i] = new Boundary("pinDaysLeft", 0, days, days);
        }
      }
    }
    Allocation allocation = null;
    if (model.method() == TouchModel.Method.RULES) {
      computePercentiles();
      for (int i = 0; i < n; i++) {
        if (!pinned[i]) {
          applyRules(i);
        }
      }
      System.arraycopy(tier, 0, wanted, 0, n);
      hold();
      spill();
    } else {
      allocation = allocate(fixedPins());
      System.arraycopy(tier, 0, wanted, 0, n);
      if (hold()) {
        int[] fixed = fixedPins();
        for (int i = 0; i < n; i++) {
          if (!pinned[i] && prev[i] >= 0 && (held[i] || tier[i] == prev[i])) {
            fixed[i] = prev[i];
          }
        }
        String[] holdReasons = reason.clone();
        try {
          allocation = allocate(fixed);
          for (int i = 0; i < n; i++) {
            if (held[i]) {
              kind[i] = ReasonKind.HELD;
              reason[i] = holdReasons[i];
            }
          }
        } catch (InfeasiblePlanException e) {
          allocation = allocate(fixedPins());
          for (int i = 0; i < n; i++) {
            if (held[i]) {
              held[i] = false;
              reason[i] = reason[i] + " (hold released: capacity)";
            }
          }
        }
      }
    }
    return build(allocation);
  }

  private int[] fixedPins() {
    int[] fixed = new int[n];
    for (int i = 0; i < n; i++) {
      fixed[i] = pinned[i] ? tier[i] : -1;
    }
    return fixed;
  }

  // ---------------------------------------------------------------- rules

  private void computePercentiles() {
    List<TierRule> rules = model.rules();
    for (int r = 0; r < rules.size(); r++) {
      List<Condition> when = rules.get(r).when();
      for (int c = 0; c < when.size(); c++) {
        Condition cond = when.get(c);
        if (!cond.isPercentile()) {
          continue;
        }
        double[] values = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
          double v = numeric(i, cond.field());
          if (!Double.isNaN(v)) {
            values[m++] = v;
          }
        }
        double[] sorted = Arrays.copyOf(values, m);
        Arrays.sort(sorted);
        boolean top = cond.topPercent() != null;
        double p = top ? cond.topPercent() : cond.bottomPercent();
        double exitP = top && cond.exitTopPercent() != null ? cond.exitTopPercent() : p;
        percentiles.put(key(r, c), new double[] {cut(sorted, p, top), cut(sorted, exitP, top)});
      }
    }
  }

  /** The value at the cut of the top (or bottom) p percent: the k-th largest (smallest), k = ceil(p% N). */
  private static double cut(double[] sorted, double p, boolean top) {
    int m = sorted.length;
    if (m == 0) {
      return Double.NaN;
    }
    int k = (int) Math.ceil(p / 100 * m - 1e-9);
    k = Math.max(1, Math.min(m, k));
    return top ? sorted[m - k] : sorted[k - 1];
  }

  private static long key(int rule, int cond) {
    return ((long) rule << 32) | cond;
  }

  double numeric(int i, String field) {
    Account a = accounts.get(i);
    switch (field) {
      case "arr":
        return a.arr();
      case "ltv":
        return ltv[i];
      case "seats":
        return a.seats();
      case "score":
        return score[i];
      case "tenureDays":
        return a.contractStart().map(d -> (double) ChronoUnit.DAYS.between(d, asOf)).orElse(Double.NaN);
      case "daysToRenewal":
        return a.renewalDate().map(d -> (double) ChronoUnit.DAYS.between(asOf, d)).orElse(Double.NaN);
      default:
        String text = text(i, field);
        if (text == null || text.isEmpty()) {
          return Double.NaN;
        }
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
    }
  }

  String text(int i, String field) {
    Account a = accounts.get(i);
    switch (field) {
      case "stage":
        return a.stage().id();
      case "band":
        return band[i].name().toLowerCase(Locale.ROOT);
      default:
        String v = a.attribute(field.substring(Condition.ATTRIBUTES.length()));
        return v == null ? null : v.trim().toLowerCase(Locale.ROOT);
    }
  }

  /** The effective [lower, upper] bounds of a numeric condition; NaN where absent; upper inclusive flag. */
  private double[] bounds(int r, int c, Condition cond, boolean inTier) {
    if (cond.isPercentile()) {
      double[] cut = percentiles.get(key(r, c));
      double t = inTier ? cut[1] : cut[0];
      return cond.topPercent() != null ? new double[] {t, Double.NaN, 0} : new double[] {Double.NaN, t, 1};
    }
    double lo = cond.min() == null ? Double.NaN : inTier && cond.exitMin() != null ? cond.exitMin() : cond.min();
    double hi = cond.max() == null ? Double.NaN : inTier && cond.exitMax() != null ? cond.exitMax() : cond.max();
    return new double[] {lo, hi, 0};
  }

  private boolean matches(int i, int r, int c, Condition cond, boolean inTier) {
    if (!cond.isNumeric()) {
      String v = text(i, cond.field());
      return v != null && cond.in().contains(v);
    }
    double v = numeric(i, cond.field());
    if (Double.isNaN(v)) {
      return false;
    }
    double[] b = bounds(r, c, cond, inTier);
    if (!Double.isNaN(b[0]) && !(v >= b[0])) {
      return false;
    }
    if (!Double.isNaN(b[1])) {
      return b[2] == 1 ? v <= b[1] : v < b[1];
    }
    return true;
  }

  private void applyRules(int i) {
    List<TierRule> rules = model.rules();
    Boundary nearest = null;
    for (int r = 0; r < rules.size(); r++) {
      TierRule rule = rules.get(r);
      boolean inTier = prev[i] >= 0 && model.tiers().get(prev[i]).name().equals(rule.tier());
      int failed = 0;
      int failedAt = -1;
      for (int c = 0; c < rule.when().size(); c++) {
        if (!matches(i, r, c, rule.when().get(c), inTier)) {
          failed++;
          failedAt = c;
        }
      }
      if (failed == 0) {
        StringBuilder why = new StringBuilder(rule.toString());
        for (int c = 0; c < rule.when().size(); c++) {
          Condition cond = rule.when().get(c);
          if (!cond.isNumeric()) {
            continue;
          }
          double v = numeric(i, cond.field());
          double[] b = bounds(r, c, cond, inTier);
          if (!Double.isNaN(b[0])) {
            nearest = nearer(nearest, new Boundary(cond.field(), b[0], v, Math.abs(v - b[0])));
          }
          if (!Double.isNaN(b[1])) {
            nearest = nearer(nearest, new Boundary(cond.field(), b[1], v, Math.abs(b[1] - v)));
          }
          if (inTier && !matches(i, r, c, cond, false)) {
            why.append(" (stays: ").append(cond.field()).append(' ')
                .append(TextTable.number(v)).append(" within the exit threshold)");
          }
        }
        tier[i] = model.indexOf(rule.tier());
        kind[i] = ReasonKind.RULE;
        reason[i] = why.toString();
        boundary[i] = nearest;
        return;
      }
      if (failed == 1 && rule.when().get(failedAt).isNumeric()) {
        Condition cond = rule.when().get(failedAt);
        double v = numeric(i, cond.field());
        if (!Double.isNaN(v)) {
          double[] b = bounds(r, failedAt, cond, inTier);
          double t = !Double.isNaN(b[0]) && v < b[0] ? b[0] : b[1];
          if (!Double.isNaN(t)) {
            nearest = nearer(nearest, new Boundary(cond.field(), t, v, Math.abs(v - t)));
          }
        }
      }
    }
    tier[i] = 0;
    kind[i] = ReasonKind.DEFAULT;
    reason[i] = "no rule matched: the lowest tier";
    boundary[i] = nearest;
  }

  private static Boundary nearer(Boundary a, Boundary b) {
    if (a == null) {
      return b;
    }
    return relative(b) < relative(a) ? b : a;
  }

  private static double relative(Boundary b) {
    return b.distance() / Math.max(Math.abs(b.threshold()), 1e-9);
  }

  // ---------------------------------------------------------------- hysteresis

  /** Holds changes that hysteresis forbids; returns whether any account was held or limited. */
  private boolean hold() {
    Hysteresis h = model.hysteresis();
    List<Integer> changes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (pinned[i] || prev[i] < 0 || tier[i] == prev[i]) {
        continue;
      }
      Account a = accounts.get(i);
      String want = model.tiers().get(tier[i]).name();
      String stay = model.tiers().get(prev[i]).name();
      if (h.renewalFreezeDays() > 0 && a.renewalDate().isPresent()) {
        long days = ChronoUnit.DAYS.between(asOf, a.renewalDate().get());
        if (days >= 0 && days <= h.renewalFreezeDays()) {
          setHeld(i, "held in " + stay + ": renewal on " + a.renewalDate().get() + " is within the "
              + h.renewalFreezeDays() + "-day freeze (wanted " + want + ")");
          continue;
        }
      }
      PreviousTier p = previous.get(a.id());
      if (h.minDaysInTier() > 0 && p.since() != null) {
        long days = ChronoUnit.DAYS.between(p.since(), asOf);
        if (days < h.minDaysInTier()) {
          setHeld(i, "held in " + stay + ": in the tier since " + p.since() + " (" + days + " days), minimum "
              + h.minDaysInTier() + " (wanted " + want + ")");
          continue;
        }
      }
      changes.add(i);
    }
    boolean any = false;
    for (int i = 0; i < n; i++) {
      any |= held[i];
    }
    Integer max = h.maxChangesPerCycle();
    if (max != null && changes.size() > max) {
      changes.sort(Comparator.<Integer>comparingDouble(i -> -ltv[i])
          .thenComparing(i -> accounts.get(i).id()));
      for (int k = max; k < changes.size(); k++) {
        int i = changes.get(k);
        setHeld(i, "held in " + model.tiers().get(prev[i]).name() + ": the limit of " + max
            + " tier changes per cycle was reached (wanted " + model.tiers().get(tier[i]).name() + ")");
      }
      any = true;
    }
    return any;
  }

  private void setHeld(int i, String why) {
    held[i] = true;
    tier[i] = prev[i];
    kind[i] = ReasonKind.HELD;
    reason[i] = why;
  }

  // ---------------------------------------------------------------- capacity

  /** Moves the least valuable unpinned accounts of a full tier down one tier, from the top tier down. */
  private void spill() {
    for (int t = tiers - 1; t >= 0; t--) {
      Tier spec = model.tiers().get(t);
      long slots = spec.slots();
      List<Integer> in = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (tier[i] == t) {
          in.add(i);
        }
      }
      if (in.size() <= slots) {
        continue;
      }
      in.sort(Comparator.<Integer, Boolean>comparing(i -> !pinned[i]).thenComparingDouble(i -> -ltv[i])
          .thenComparing(i -> accounts.get(i).id()));
      long pinnedHere = in.stream().filter(i -> pinned[i]).count();
      if (pinnedHere > slots) {
        throw new InfeasiblePlanException("tier " + spec.name(), "pins need more room than its capacity of "
            + slots + " accounts (" + TextTable.number(spec.capacityHours()) + " hours)", pinnedHere + " pins");
      }
      if (t == 0) {
        throw new InfeasiblePlanException("tier " + spec.name(), "the lowest tier has no room left for"
            + " accounts spilled from above: capacity " + slots + " accounts", in.size() + " accounts");
      }
      String below = model.tiers().get(t - 1).name();
      for (int k = (int) slots; k < in.size(); k++) {
        int i = in.get(k);
        reason[i] = "capacity spill: " + spec.name() + " is full (" + slots + " accounts, "
            + TextTable.number(spec.capacityHours()) + " hours) and this account's LTV "
            + TextTable.number(ltv[i]) + " is among the lowest there; " + reason[i];
        tier[i] = t - 1;
        kind[i] = ReasonKind.CAPACITY_SPILL;
        held[i] = false;
        boundary[i] = slots == 0 ? null : new Boundary("ltv", ltv[in.get((int) slots - 1)], ltv[i],
            Math.abs(ltv[in.get((int) slots - 1)] - ltv[i]));
      }
    }
  }

  // ---------------------------------------------------------------- allocation

  private Allocation allocate(int[] fixed) {
    double[][] value = new double[n][tiers];
    double[] hours = new double[tiers];
    long[] slots = new long[tiers];
    for (int t = 0; t < tiers; t++) {
      Tier spec = model.tiers().get(t);
      hours[t] = spec.hoursPerAccountMonth();
      slots[t] = spec.slots();
      for (int i = 0; i < n; i++) {
        value[i][t] = ltv[i] * model.upliftFor(spec.name(), band[i]);
      }
    }
    Allocation a = Allocator.solveSlots(value, hours, slots, fixed, t -> model.tiers().get(t).name());
    for (int i = 0; i < n; i++) {
      int t = a.tierOf(i);
      tier[i] = t;
      if (pinned[i]) {
        continue;
      }
      String name = model.tiers().get(t).name();
      double alt = Double.NEGATIVE_INFINITY;
      for (int u = 0; u < tiers; u++) {
        if (u != t) {
          alt = Math.max(alt, value[i][u] - a.price(u));
        }
      }
      double own = value[i][t] - a.price(t);
      kind[i] = ReasonKind.ALLOCATION;
      reason[i] = "allocation: value " + TextTable.number(value[i][t]) + " = LTV " + TextTable.number(ltv[i])
          + " x uplift " + TextTable.number(model.upliftFor(name, band[i])) + " (" + name + ", band " + band[i]
          + ")" + (a.price(t) > 0 ? ", slot price " + TextTable.number(a.price(t)) : "");
      boundary[i] = tiers < 2 ? null : new Boundary("value", alt, own, Math.abs(own - alt));
    }
    return a;
  }

  // ---------------------------------------------------------------- result

  private Segmentation build(Allocation allocation) {
    List<TierAssignment> out = new ArrayList<>(n);
    int[] count = new int[tiers];
    double[] arr = new double[tiers];
    double[] tierLtv = new double[tiers];
    for (int i = 0; i < n; i++) {
      Account a = accounts.get(i);
      PreviousTier p = previous.get(a.id());
      String name = model.tiers().get(tier[i]).name();
      boolean changed = p != null && !p.tier().equals(name);
      out.add(new TierAssignment(a.id(), name, reason[i], kind[i], p == null ? null : p.tier(), changed,
          held[i], model.tiers().get(wanted[i]).name(), boundary[i], a.arr(), ltv[i], band[i].name(),
          model.playbook().actionFor(name, band[i], a.stage())));
      count[tier[i]]++;
      arr[tier[i]] += a.arr();
      tierLtv[tier[i]] += model.ltv().ltv(a.arr(), name);
    }
    List<TierSummary> summaries = new ArrayList<>(tiers);
    for (int t = 0; t < tiers; t++) {
      Tier spec = model.tiers().get(t);
      summaries.add(new TierSummary(spec.name(), count[t], arr[t], tierLtv[t],
          count[t] * spec.hoursPerAccountMonth(), spec.capacityHours(), count[t] * spec.costPerAccountMonth()));
    }
    return new Segmentation(out, summaries, allocation == null ? null : AllocationReport.of(allocation), asOf);
  }
}
