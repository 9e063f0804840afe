package dev.cskit.touchmodel.books;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import dev.cskit.touchmodel.Segmentation;
import dev.cskit.touchmodel.Tier;
import dev.cskit.touchmodel.TierAssignment;
import dev.cskit.touchmodel.TouchModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Books of business: assigns each account of a booked tier (one with managers on the roster, or needing
 * hours) to one manager of that tier. Stateless and thread-safe.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>Hard: every manager within their hours and maximum accounts; a manager owns only accounts of their
 *       tier whose region, language and segment they cover.
 *   <li>Continuity: an account that stays in its tier keeps last month's manager if that manager is still on
 *       the roster for the tier and covers it, unless the kept accounts alone would put the manager over
 *       their hours or count, more than {@link BookSettings#hoursTolerance()} above the tier's mean
 *       utilisation, or more than {@link BookSettings#arrTolerance()} above their fair share of the tier's
 *       ARR; then the fewest accounts are moved (largest first) and each says why.
 *   <li>Balance: the other accounts (new, changed tier, manager gone, moved) are placed to minimise the peak
 *       hours utilisation, then the peak ARR share (see {@link TierBalance}): exhaustively when small
 *       (optimal), else greedily with improving moves and swaps, the gap to a lower bound reported.
 * </ol>
 */
public final class Books {
  private static final double EPS = 1e-9;

  private Books() {}

  /** {@link #assign(Roster, Collection, BookSettings)} with {@link BookSettings#DEFAULTS}. */
  public static BookAssignment assign(Roster roster, Collection<BookAccount> accounts) {
    return assign(roster, accounts, BookSettings.DEFAULTS);
  }

  /**
   * Books each account of a booked tier to a manager; accounts of other tiers (tech touch) are reported as
   * unbooked.
   *
   * @throws InfeasibleRosterException when the roster cannot take a tier's accounts, saying what is short
   * @throws CskitException when an account appears twice
   */
  public static BookAssignment assign(Roster roster, Collection<BookAccount> accounts, BookSettings settings) {
    Set<AccountId> seen = new HashSet<>();
    Map<String, List<Manager>> managersByTier = new TreeMap<>();
    for (Manager m : roster.managers()) {
      managersByTier.computeIfAbsent(m.tier(), k -> new ArrayList<>()).add(m);
    }
    Map<String, List<BookAccount>> byTier = new TreeMap<>();
    List<AccountBook> unbooked = new ArrayList<>();
    for (BookAccount a : accounts) {
      if (!seen.add(a.accountId())) {
        throw new ArgumentException("accounts", "each account may appear once", CskitException.quote(a.accountId().value()));
      }
      if (managersByTier.containsKey(a.tier()) || a.hours() > 0) {
        byTier.computeIfAbsent(a.tier(), k -> new ArrayList<>()).add(a);
      } else {
        unbooked.add(new AccountBook(a.accountId(), a.tier(), null, a.previousManager(),
            a.previousManager() == null ? Move.NEW : Move.UNBOOKED,
            a.previousManager() == null ? "tier " + a.tier() + " has no managers"
                : "now in tier " + a.tier() + ", which has no managers",
            a.hours(), a.arr(), a.band(), false));
      }
    }
    List<AccountBook> books = new ArrayList<>();
    List<TierBalance> balances = new ArrayList<>();
    for (Map.Entry<String, List<BookAccount>> e : byTier.entrySet()) {
      List<Manager> ms = managersByTier.getOrDefault(e.getKey(), List.of());
      TierSolver solver = new TierSolver(e.getKey(), ms, e.getValue(), settings, roster);
      solver.solve();
      books.addAll(solver.books());
      balances.add(solver.balance());
    }
    for (Map.Entry<String, List<Manager>> e : managersByTier.entrySet()) {
      if (!byTier.containsKey(e.getKey())) {
        TierSolver solver = new TierSolver(e.getKey(), e.getValue(), List.of(), settings, roster);
        solver.solve();
        balances.add(solver.balance());
      }
    }
    books.addAll(unbooked);
    return BookAssignment.of(roster, books, balances, settings);
  }

  /**
   * The accounts to book from a segmentation: each account's tier, ARR and band from the segmentation, the
   * hours its tier needs from the model, its region, language and segment from its attributes of those names
   * (a manager must cover them), its previous tier from the segmentation, and last month's manager from
   * {@code previousManagers} (empty for none).
   */
  public static List<BookAccount> accounts(Segmentation segmentation, TouchModel model, Collection<Account> accounts,
      Map<AccountId, String> previousManagers) {
    Map<String, Double> hours = new HashMap<>();
    for (Tier t : model.tiers()) {
      hours.put(t.name(), t.hoursPerAccountMonth());
    }
    Map<AccountId, Account> byId = new HashMap<>();
    for (Account a : accounts) {
      byId.put(a.id(), a);
    }
    List<BookAccount> out = new ArrayList<>();
    for (TierAssignment t : segmentation.assignments()) {
      Account a = byId.get(t.accountId());
      String region = a == null ? null : a.attribute("region");
      String language = a == null ? null : a.attribute("language");
      String segment = a == null ? null : a.attribute("segment");
      out.add(new BookAccount(t.accountId(), t.tier(), hours.getOrDefault(t.tier(), 0.0), t.arr(), t.band(), region,
          language, segment, previousManagers.get(t.accountId()), t.previousTier()));
    }
    return out;
  }

  /** One tier's solve. */
  static final class TierSolver {
    final String tier;
    final List<Manager> managers;
    final List<BookAccount> accounts;
    final BookSettings settings;
    final Roster roster;
    final int k;
    final double[] cap;
    final int[] maxN;
    final double[] fairArr;
    final double totalHours;
    final double totalCap;
    final double totalArr;
    final Map<String, Integer> index = new HashMap<>();
    // the result
    final int[] owner;
    final boolean[] kept;
    final String[] reason;
    final Move[] move;
    boolean optimal;
    double utilBound;
    double arrBound;
    int keptCount;

    TierSolver(String tier, List<Manager> managers, List<BookAccount> accounts, BookSettings settings,
        Roster roster) {
      this.tier = tier;
      this.managers = managers;
      this.accounts = new ArrayList<>(accounts);
      this.accounts.sort(Comparator.comparing(a -> a.accountId().value()));
      this.settings = settings;
      this.roster = roster;
      this.k = managers.size();
      cap = new double[k];
      maxN = new int[k];
      double tc = 0;
      for (int i = 0; i < k; i++) {
        cap[i] = managers.get(i).hours();
        maxN[i] = managers.get(i).maxAccounts();
        tc += cap[i];
        index.put(managers.get(i).id(), i);
      }
      totalCap = tc;
      double th = 0;
      double ta = 0;
      for (BookAccount a : this.accounts) {
        th += a.hours();
        ta += a.arr();
      }
      totalHours = th;
      totalArr = ta;
      fairArr = new double[k];
      for (int i = 0; i < k; i++) {
        fairArr[i] = totalArr * cap[i] / totalCap;
      }
      int n = this.accounts.size();
      owner = new int[n];
      kept = new boolean[n];
      reason = new String[n];
      move = new Move[n];
    }

    void solve() {
      int n = accounts.size();
      if (n == 0) {
        optimal = true;
        return;
      }
      precheck();
      boolean[] eligibleKeep = new boolean[n];
      for (int a = 0; a < n; a++) {
        BookAccount acc = accounts.get(a);
        owner[a] = -1;
        if (acc.previousManager() == null) {
          move[a] = Move.NEW;
          reason[a] = acc.previousTier() != null && !acc.previousTier().equals(tier)
              ? "new to tier " + tier + " (was " + acc.previousTier() + ")" : "no manager last month";
          continue;
        }
        move[a] = Move.MOVED;
        Integer m = index.get(acc.previousManager());
        Manager prev = roster.manager(acc.previousManager());
        if (acc.previousTier() != null && !acc.previousTier().equals(tier)) {
          reason[a] = "tier changed from " + acc.previousTier() + " to " + tier;
        } else if (prev == null) {
          reason[a] = "manager " + acc.previousManager() + " is not on the roster";
        } else if (m == null) {
          reason[a] = "manager " + acc.previousManager() + " serves tier " + prev.tier();
        } else if (!prev.canServe(acc)) {
          reason[a] = "manager " + acc.previousManager() + " does not cover " + missing(prev, acc);
        } else {
          eligibleKeep[a] = true;
        }
      }
      shed(eligibleKeep);
      if (!place()) {
        // the kept accounts leave no feasible place for the others: release them and place everything
        for (int a = 0; a < n; a++) {
          if (kept[a]) {
            kept[a] = false;
            move[a] = Move.MOVED;
            reason[a] = "moved to make room: the books kept from last month left no feasible place for the rest";
          }
        }
        if (!place()) {
          throw infeasible();
        }
        // those that land with their previous manager anyway are kept
        for (int a = 0; a < n; a++) {
          BookAccount acc = accounts.get(a);
          if (acc.previousManager() != null && owner[a] == index.getOrDefault(acc.previousManager(), -2)
              && acc.staysInTier()) {
            kept[a] = true;
            move[a] = Move.KEPT;
            reason[a] = "kept last month's manager";
          }
        }
      }
      keptCount = 0;
      for (boolean b : kept) {
        keptCount += b ? 1 : 0;
      }
    }

    private static String missing(Manager m, BookAccount a) {
      if (!Manager.covers(m.regions(), a.region())) {
        return "region " + a.region();
      }
      if (!Manager.covers(m.languages(), a.language())) {
        return "language " + a.language();
      }
      return "segment " + a.segment();
    }

    /** Keeps eligible accounts with their manager, shedding the fewest where limits or tolerances break. */
    private void shed(boolean[] eligibleKeep) {
      double mean = totalHours / totalCap;
      for (int m = 0; m < k; m++) {
        List<Integer> mine = new ArrayList<>();
        for (int a = 0; a < accounts.size(); a++) {
          if (eligibleKeep[a] && index.get(accounts.get(a).previousManager()) == m) {
            mine.add(a);
          }
        }
        double hours = 0;
        double arr = 0;
        for (int a : mine) {
          hours += accounts.get(a).hours();
          arr += accounts.get(a).arr();
        }
        double hoursLimit = Math.min(cap[m], (mean + settings.hoursTolerance()) * cap[m]);
        double arrLimit = (1 + settings.arrTolerance()) * fairArr[m];
        String id = managers.get(m).id();
        // largest hours first, then largest ARR, then id: removing the largest sheds the fewest accounts
        mine.sort(Comparator.<Integer>comparingDouble(a -> -accounts.get(a).hours())
            .thenComparingDouble(a -> -accounts.get(a).arr())
            .thenComparing(a -> accounts.get(a).accountId().value()));
        List<Integer> keep = new ArrayList<>(mine);
        while (!keep.isEmpty()) {
          String why = null;
          Integer victim = null;
          if (keep.size() > maxN[m]) {
            why = String.format(Locale.ROOT, "manager %s would own %d accounts, more than their maximum %d", id,
                keep.size(), maxN[m]);
            victim = keep.get(0);
          } else if (hours > cap[m] + EPS) {
            why = String.format(Locale.ROOT, "manager %s would need %s h, more than their %s h", id,
                TextTable.number(hours), TextTable.number(cap[m]));
            victim = keep.get(0);
          } else if (hours > hoursLimit + EPS) {
            why = String.format(Locale.ROOT,
                "rebalanced: manager %s would be at %.0f%% of their hours, the tier at %.0f%% (tolerance %.0f points)",
                id, 100 * hours / cap[m], 100 * mean, 100 * settings.hoursTolerance());
            victim = keep.get(0);
          } else if (arr > arrLimit + EPS) {
            why = String.format(Locale.ROOT,
                "rebalanced: manager %s would own %.0f%% of their fair ARR share (tolerance %.0f%%)", id,
                100 * arr / fairArr[m], 100 * settings.arrTolerance());
            victim = keep.stream().max(Comparator.<Integer>comparingDouble(a -> accounts.get(a).arr())
                .thenComparing(a -> accounts.get(a).accountId().value(), Comparator.reverseOrder())).get();
          }
          if (victim == null) {
            break;
          }
          keep.remove(victim);
          hours -= accounts.get(victim).hours();
          arr -= accounts.get(victim).arr();
          reason[victim] = why;
        }
        for (int a : keep) {
          kept[a] = true;
          owner[a] = m;
          move[a] = Move.KEPT;
          reason[a] = "kept last month's manager";
        }
      }
    }

    /** Places every account not kept; false when no feasible placement exists (or the heuristic finds none). */
    private boolean place() {
      int n = accounts.size();
      double[] load = new double[k];
      double[] arrLoad = new double[k];
      int[] count = new int[k];
      List<Integer> free = new ArrayList<>();
      for (int a = 0; a < n; a++) {
        if (kept[a]) {
          load[owner[a]] += accounts.get(a).hours();
          arrLoad[owner[a]] += accounts.get(a).arr();
          count[owner[a]]++;
        } else {
          owner[a] = -1;
          free.add(a);
        }
      }
      free.sort(Comparator.<Integer>comparingDouble(a -> -accounts.get(a).hours())
          .thenComparingDouble(a -> -accounts.get(a).arr())
          .thenComparing(a -> accounts.get(a).accountId().value()));
      int[][] eligible = new int[free.size()][];
      for (int i = 0; i < free.size(); i++) {
        BookAccount acc = accounts.get(free.get(i));
        eligible[i] = java.util.stream.IntStream.range(0, k).filter(m -> managers.get(m).canServe(acc)).toArray();
        if (eligible[i].length == 0) {
          return false;
        }
      }
      bounds(load, arrLoad, free, eligible);
      double combos = 1;
      for (int[] e : eligible) {
        combos *= e.length;
        if (combos > settings.exhaustiveLimit()) {
          break;
        }
      }
      int[] choice;
      if (combos <= settings.exhaustiveLimit()) {
        choice = new Exhaustive(free, eligible, load, arrLoad, count).run();
        optimal = true;
      } else {
        choice = greedy(free, eligible, load.clone(), arrLoad.clone(), count.clone());
        optimal = false;
        if (choice != null) {
          improve(free, eligible, choice, load, arrLoad, count);
        }
      }
      if (choice == null) {
        return false;
      }
      for (int i = 0; i < free.size(); i++) {
        owner[free.get(i)] = choice[i];
      }
      return true;
    }

    /** Water-filling lower bounds of the peak utilisation and peak ARR share, given the kept loads. */
    private void bounds(double[] load, double[] arrLoad, List<Integer> free, int[][] eligible) {
      double freeHours = 0;
      double freeArr = 0;
      double singleU = 0;
      double singleR = 0;
      for (int i = 0; i < free.size(); i++) {
        BookAccount acc = accounts.get(free.get(i));
        freeHours += acc.hours();
        freeArr += acc.arr();
        double bu = Double.POSITIVE_INFINITY;
        double br = Double.POSITIVE_INFINITY;
        for (int m : eligible[i]) {
          bu = Math.min(bu, (load[m] + acc.hours()) / cap[m]);
          br = Math.min(br, fairArr[m] > 0 ? (arrLoad[m] + acc.arr()) / fairArr[m] : 0);
        }
        singleU = Math.max(singleU, bu);
        singleR = Math.max(singleR, br);
      }
      utilBound = Math.max(singleU, waterLevel(load, cap, freeHours));
      double h0 = free.isEmpty() ? 0 : accounts.get(free.get(0)).hours();
      boolean uniform = h0 > 0 && free.stream().allMatch(a -> accounts.get(a).hours() == h0);
      if (uniform) {
        utilBound = Math.max(utilBound, discreteLevel(load, cap, h0, free.size()));
      }
      arrBound = totalArr > 0 ? Math.max(singleR, waterLevel(arrLoad, fairArr, freeArr)) : 0;
    }

    /**
     * With every free account needing {@code h} hours, the peak utilisation is one of the levels (b_m + j h) /
     * c_m: the least such level at which the managers can take {@code n} accounts (hours only) bounds it.
     */
    static double discreteLevel(double[] b, double[] c, double h, int n) {
      List<Double> levels = new ArrayList<>();
      double floor = 0;
      for (int m = 0; m < b.length; m++) {
        floor = Math.max(floor, b[m] / c[m]);
      }
      for (int m = 0; m < b.length; m++) {
        for (int j = 1; j <= n; j++) {
          levels.add((b[m] + j * h) / c[m]);
        }
      }
      levels.add(floor);
      levels.sort(null);
      for (double level : levels) {
        if (level < floor) {
          continue;
        }
        long take = 0;
        for (int m = 0; m < b.length; m++) {
          take += (long) Math.max(0, Math.floor((level * c[m] - b[m]) / h + 1e-9));
        }
        if (take >= n) {
          return level;
        }
      }
      return floor;
    }

    /** The least level L with sum max(0, L c_m - b_m) >= f, at least max b_m / c_m. */
    static double waterLevel(double[] b, double[] c, double f) {
      double lo = 0;
      for (int m = 0; m < b.length; m++) {
        lo = Math.max(lo, b[m] / c[m]);
      }
      double hi = lo;
      double sumC = 0;
      for (double v : c) {
        sumC += v;
      }
      hi = lo + f / sumC + 1;
      for (int it = 0; it < 200; it++) {
        double mid = (lo + hi) / 2;
        double s = 0;
        for (int m = 0; m < b.length; m++) {
          s += Math.max(0, mid * c[m] - b[m]);
        }
        if (s >= f) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      return lo;
    }

    private boolean fits(int m, BookAccount acc, double[] load, int[] count) {
      return count[m] + 1 <= maxN[m] && load[m] + acc.hours() <= cap[m] + EPS;
    }

    private double share(int m, double arr) {
      return fairArr[m] > 0 ? arr / fairArr[m] : 0;
    }

    private int[] greedy(List<Integer> free, int[][] eligible, double[] load, double[] arrLoad, int[] count) {
      int[] choice = new int[free.size()];
      for (int i = 0; i < free.size(); i++) {
        BookAccount acc = accounts.get(free.get(i));
        int best = -1;
        double bu = 0;
        double br = 0;
        for (int m : eligible[i]) {
          if (!fits(m, acc, load, count)) {
            continue;
          }
          double u = (load[m] + acc.hours()) / cap[m];
          double r = share(m, arrLoad[m] + acc.arr());
          if (best < 0 || u < bu - EPS || (u <= bu + EPS && r < br - EPS)) {
            best = m;
            bu = u;
            br = r;
          }
        }
        if (best < 0) {
          return null;
        }
        choice[i] = best;
        load[best] += acc.hours();
        arrLoad[best] += acc.arr();
        count[best]++;
      }
      return choice;
    }

    /** Objective of a full load state: peak utilisation, peak ARR share, sum of squared shares. */
    private double[] objective(double[] load, double[] arrLoad) {
      double pu = 0;
      double pr = 0;
      double ss = 0;
      for (int m = 0; m < k; m++) {
        pu = Math.max(pu, load[m] / cap[m]);
        double r = share(m, arrLoad[m]);
        pr = Math.max(pr, r);
        ss += r * r;
      }
      return new double[] {pu, pr, ss};
    }

    static boolean better(double[] a, double[] b) {
      for (int i = 0; i < a.length; i++) {
        if (a[i] < b[i] - EPS) {
          return true;
        }
        if (a[i] > b[i] + EPS) {
          return false;
        }
      }
      return false;
    }

    /**
     * Improving moves and swaps of placed accounts until none improves, at most 200 improvements and a budget of
     * objective evaluations.
     */
    private void improve(List<Integer> free, int[][] eligible, int[] choice, double[] baseLoad, double[] baseArr,
        int[] baseCount) {
      double[] load = baseLoad.clone();
      double[] arr = baseArr.clone();
      int[] count = baseCount.clone();
      for (int i = 0; i < free.size(); i++) {
        BookAccount acc = accounts.get(free.get(i));
        load[choice[i]] += acc.hours();
        arr[choice[i]] += acc.arr();
        count[choice[i]]++;
      }
      double[] cur = objective(load, arr);
      boolean improved = true;
      int rounds = 0;
      long budget = 20_000_000L / Math.max(1, k); // objective evaluations, so large tiers stay fast
      while (improved && rounds++ < 200 && budget > 0) {
        improved = false;
        for (int i = 0; i < free.size() && !improved; i++) {
          BookAccount ai = accounts.get(free.get(i));
          int from = choice[i];
          for (int m : eligible[i]) {
            if (m == from) {
              continue;
            }
            // move i to m
            if (fits(m, ai, load, count)) {
              apply(load, arr, count, from, m, ai, 1);
              double[] o = objective(load, arr);
              if (better(o, cur)) {
                choice[i] = m;
                cur = o;
                improved = true;
                break;
              }
              apply(load, arr, count, m, from, ai, 1);
            }
            // swap i with each j on m
            for (int j = 0; j < free.size() && !improved; j++) {
              if (choice[j] != m || !contains(eligible[j], from)) {
                continue;
              }
              BookAccount aj = accounts.get(free.get(j));
              budget--;
              apply(load, arr, count, from, m, ai, 1);
              apply(load, arr, count, m, from, aj, 1);
              if (load[m] <= cap[m] + EPS && load[from] <= cap[from] + EPS) {
                double[] o = objective(load, arr);
                if (better(o, cur)) {
                  choice[i] = m;
                  choice[j] = from;
                  cur = o;
                  improved = true;
                  break;
                }
              }
              apply(load, arr, count, from, m, aj, 1);
              apply(load, arr, count, m, from, ai, 1);
            }
            if (improved) {
              break;
            }
          }
        }
      }
    }

    private static boolean contains(int[] a, int v) {
      for (int x : a) {
        if (x == v) {
          return true;
        }
      }
      return false;
    }

    private static void apply(double[] load, double[] arr, int[] count, int from, int to, BookAccount a, int n) {
      load[from] -= a.hours();
      arr[from] -= a.arr();
      count[from] -= n;
      load[to] += a.hours();
      arr[to] += a.arr();
      count[to] += n;
    }

    /** Depth-first search over every placement, pruned by the incumbent; optimal for the objective. */
    final class Exhaustive {
      final List<Integer> free;
      final int[][] eligible;
      final double[] load;
      final double[] arr;
      final int[] count;
      final int[] cur;
      int[] best;
      double[] bestObj;

      Exhaustive(List<Integer> free, int[][] eligible, double[] load, double[] arr, int[] count) {
        this.free = free;
        this.eligible = eligible;
        this.load = load.clone();
        this.arr = arr.clone();
        this.count = count.clone();
        this.cur = new int[free.size()];
      }

      int[] run() {
        dfs(0);
        return best;
      }

      private void dfs(int i) {
        double[] o = objective(load, arr);
        if (bestObj != null && better(new double[] {bestObj[0], bestObj[1]}, new double[] {o[0], o[1]})) {
          return; // the peaks only grow as accounts are added
        }
        if (i == free.size()) {
          if (bestObj == null || better(o, bestObj)) {
            bestObj = o;
            best = cur.clone();
          }
          return;
        }
        BookAccount acc = accounts.get(free.get(i));
        for (int m : eligible[i]) {
          if (!fits(m, acc, load, count)) {
            continue;
          }
          load[m] += acc.hours();
          arr[m] += acc.arr();
          count[m]++;
          cur[i] = m;
          dfs(i + 1);
          load[m] -= acc.hours();
          arr[m] -= acc.arr();
          count[m]--;
        }
      }
    }

    /** The error naming what is short. */
    private void precheck() {
      String where = "tier " + tier;
      if (k == 0) {
        throw new InfeasibleRosterException(where, "has accounts but no manager on the roster",
            accounts.size() + " accounts needing " + TextTable.number(totalHours) + " h");
      }
      if (totalHours > totalCap + EPS) {
        throw new InfeasibleRosterException(where, String.format(Locale.ROOT,
            "needs %s h a month but its managers have %s h: short %s h", TextTable.number(totalHours),
            TextTable.number(totalCap), TextTable.number(totalHours - totalCap)), null);
      }
      long maxTotal = 0;
      for (int m : maxN) {
        maxTotal += m;
      }
      if (accounts.size() > maxTotal) {
        throw new InfeasibleRosterException(where, String.format(Locale.ROOT,
            "has %d accounts but its managers may own %d: short %d accounts", accounts.size(), maxTotal,
            accounts.size() - maxTotal), null);
      }
      checkSkill(where, "region", BookAccount::region);
      checkSkill(where, "language", BookAccount::language);
      checkSkill(where, "segment", BookAccount::segment);
    }

    private void checkSkill(String where, String skill, java.util.function.Function<BookAccount, String> need) {
      Map<String, double[]> byValue = new TreeMap<>();
      for (BookAccount a : accounts) {
        String v = need.apply(a);
        if (v != null) {
          double[] s = byValue.computeIfAbsent(v, x -> new double[2]);
          s[0] += a.hours();
          s[1]++;
        }
      }
      for (Map.Entry<String, double[]> e : byValue.entrySet()) {
        double capV = 0;
        long countV = 0;
        int managersV = 0;
        for (int m = 0; m < k; m++) {
          Manager mg = managers.get(m);
          Set<String> skills = skill.equals("region") ? mg.regions()
              : skill.equals("language") ? mg.languages() : mg.segments();
          if (Manager.covers(skills, e.getKey())) {
            capV += cap[m];
            countV += maxN[m];
            managersV++;
          }
        }
        String what = skill + " " + e.getKey();
        if (managersV == 0) {
          throw new InfeasibleRosterException(where, "no manager covers " + what,
              (long) e.getValue()[1] + " accounts needing " + TextTable.number(e.getValue()[0]) + " h");
        }
        if (e.getValue()[0] > capV + EPS) {
          throw new InfeasibleRosterException(where, String.format(Locale.ROOT,
              "%s needs %s h but the managers covering it have %s h: short %s h", what,
              TextTable.number(e.getValue()[0]), TextTable.number(capV), TextTable.number(e.getValue()[0] - capV)),
              null);
        }
        if (e.getValue()[1] > countV) {
          throw new InfeasibleRosterException(where, String.format(Locale.ROOT,
              "%s has %d accounts but the managers covering it may own %d", what, (long) e.getValue()[1], countV),
              null);
        }
      }
    }

    private InfeasibleRosterException infeasible() {
      return new InfeasibleRosterException("tier " + tier,
          "the accounts do not fit the managers' hours, counts and skills together (each limit alone holds:"
              + " add hours or managers covering the accounts' regions, languages and segments)",
          accounts.size() + " accounts needing " + TextTable.number(totalHours) + " h of "
              + TextTable.number(totalCap) + " h");
    }

    List<AccountBook> books() {
      List<AccountBook> out = new ArrayList<>();
      for (int a = 0; a < accounts.size(); a++) {
        BookAccount acc = accounts.get(a);
        String mgr = owner[a] < 0 ? null : managers.get(owner[a]).id();
        Move mv = move[a];
        String why = reason[a];
        if (mv == Move.MOVED && mgr != null && mgr.equals(acc.previousManager()) && !kept[a]) {
          // placed back with last month's manager by the balancing: the customer keeps its manager
          mv = Move.KEPT;
          why = acc.staysInTier() ? "kept last month's manager (placed back by the balancing)"
              : why + "; still with " + mgr;
        }
        out.add(new AccountBook(acc.accountId(), tier, mgr, acc.previousManager(), mv, why, acc.hours(), acc.arr(),
            acc.band(), acc.staysInTier()));
      }
      return out;
    }

    TierBalance balance() {
      double[] load = new double[k];
      double[] arr = new double[k];
      for (int a = 0; a < accounts.size(); a++) {
        if (owner[a] >= 0) {
          load[owner[a]] += accounts.get(a).hours();
          arr[owner[a]] += accounts.get(a).arr();
        }
      }
      double[] o = k == 0 ? new double[3] : objective(load, arr);
      int placed = accounts.size() - keptCount;
      return new TierBalance(tier, k, accounts.size(), keptCount, placed, totalCap > 0 ? totalHours / totalCap : 0,
          o[0], utilBound, o[1], arrBound, optimal);
    }
  }
}
