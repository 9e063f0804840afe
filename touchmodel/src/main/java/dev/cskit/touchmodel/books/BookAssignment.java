package dev.cskit.touchmodel.books;

import dev.cskit.core.io.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Books of business: each account's manager with the reason, each manager's book (accounts, hours, ARR,
 * accounts by band, moved in and out), each tier's balance against its bound, and continuity.
 *
 * @param accounts one row per account, booked tiers first (tier, then account id), then unbooked ones
 * @param managers one book per manager, in roster order
 * @param tiers the balance of each booked tier
 * @param settings the settings used
 */
public record BookAssignment(List<AccountBook> accounts, List<ManagerBook> managers, List<TierBalance> tiers,
    BookSettings settings) {
  /** Copies. */
  public BookAssignment {
    accounts = List.copyOf(accounts);
    managers = List.copyOf(managers);
    tiers = List.copyOf(tiers);
  }

  static BookAssignment of(Roster roster, List<AccountBook> books, List<TierBalance> tiers, BookSettings settings) {
    List<ManagerBook> out = new ArrayList<>();
    for (Manager m : roster.managers()) {
      int n = 0;
      double hours = 0;
      double arr = 0;
      int kept = 0;
      Map<String, Integer> bands = new TreeMap<>();
      List<String> in = new ArrayList<>();
      List<String> fresh = new ArrayList<>();
      Map<String, String> outMoves = new LinkedHashMap<>();
      for (AccountBook b : books) {
        if (m.id().equals(b.manager())) {
          n++;
          hours += b.hours();
          arr += b.arr();
          bands.merge(b.band() == null ? "unknown" : b.band(), 1, Integer::sum);
          if (b.move() == Move.KEPT) {
            kept++;
          } else if (b.previousManager() == null) {
            fresh.add(b.accountId().value());
          } else {
            in.add(b.accountId().value());
          }
        } else if (m.id().equals(b.previousManager())) {
          outMoves.put(b.accountId().value(), b.reason());
        }
      }
      out.add(new ManagerBook(m.id(), m.tier(), n, m.maxAccounts(), hours, m.hours(), arr, bands, kept, in, fresh,
          outMoves));
    }
    List<TierBalance> sorted = new ArrayList<>(tiers);
    sorted.sort(java.util.Comparator.comparing(TierBalance::tier));
    return new BookAssignment(books, out, sorted, settings);
  }

  /**
   * What is legal but worth a look: managers left without accounts, managers over 95% of their hours,
   * accounts whose previous manager is not on the roster.
   */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (ManagerBook m : managers) {
      if (m.accounts() == 0) {
        out.add("manager " + m.manager() + " (" + m.tier() + ") has no accounts");
      } else if (m.utilisation() > 0.95) {
        out.add(String.format(Locale.ROOT, "manager %s is at %.0f%% of their hours", m.manager(),
            100 * m.utilisation()));
      }
    }
    Map<String, Integer> gone = new TreeMap<>();
    for (AccountBook b : accounts) {
      if (b.reason() != null && b.reason().endsWith(" is not on the roster") && b.previousManager() != null) {
        gone.merge(b.previousManager(), 1, Integer::sum);
      }
    }
    gone.forEach((m, n) -> out.add("manager " + m + " is not on the roster: " + n + " of their accounts moved"));
    return out;
  }

  /** An account's manager, or null when it is not booked or unknown. */
  public String managerOf(dev.cskit.core.AccountId id) {
    for (AccountBook b : accounts) {
      if (b.accountId().equals(id)) {
        return b.manager();
      }
    }
    return null;
  }

  /** Accounts that had a manager last month and stay in their tier (booked tiers only). */
  public int staying() {
    int n = 0;
    for (AccountBook b : accounts) {
      if (b.manager() != null && b.staysInTier()) {
        n++;
      }
    }
    return n;
  }

  /** Accounts staying in their tier that kept last month's manager. */
  public int keptCount() {
    return (int) accounts.stream().filter(b -> b.move() == Move.KEPT && b.staysInTier()).count();
  }

  /** Kept / staying: the share of accounts staying in their tier that kept their manager (1 when none stay). */
  public double continuity() {
    int s = staying();
    return s == 0 ? 1.0 : (double) keptCount() / s;
  }

  /** The per-manager table. */
  public String managerTable() {
    TextTable t = TextTable.withHeader("manager", "tier", "accounts", "max", "hours", "capacity", "use", "arr",
        "by band", "kept", "in", "new", "out");
    for (ManagerBook m : managers) {
      StringBuilder bands = new StringBuilder();
      m.byBand().forEach((k, v) -> bands.append(bands.length() == 0 ? "" : " ").append(k).append(' ').append(v));
      t.row(m.manager(), m.tier(), m.accounts(), m.maxAccounts() == Integer.MAX_VALUE ? "-" : m.maxAccounts(),
          m.hours(), m.capacityHours(), String.format(Locale.ROOT, "%.0f%%", 100 * m.utilisation()), m.arr(),
          bands.toString(), m.kept(), m.movedIn().size(), m.newAccounts().size(), m.movedOut().size());
    }
    return t.toString();
  }

  /** The per-tier balance lines. */
  public String balanceText() {
    StringBuilder sb = new StringBuilder();
    for (TierBalance b : tiers) {
      sb.append(String.format(Locale.ROOT,
          "tier %s: %d accounts on %d managers, %d kept, %d placed; utilisation mean %.1f%%, peak %.1f%%"
              + " (bound %.1f%%, gap %.2f pts); peak ARR share %.3f (bound %.3f, gap %.3f); %s%n",
          b.tier(), b.accounts(), b.managers(), b.kept(), b.placed(), 100 * b.meanUtilisation(),
          100 * b.peakUtilisation(), 100 * b.utilisationBound(), 100 * b.utilisationGap(), b.peakArrShare(),
          b.arrShareBound(), b.arrShareGap(), b.optimal() ? "optimal (exhaustive search)" : "heuristic"));
    }
    sb.append(String.format(Locale.ROOT, "continuity: %d of %d accounts staying in their tier kept their manager (%.1f%%)%n",
        keptCount(), staying(), 100 * continuity()));
    return sb.toString();
  }

  /** The moves: accounts that changed manager or left the books, with the reason. */
  public String movesTable() {
    TextTable t = TextTable.withHeader("account", "tier", "from", "to", "reason");
    for (AccountBook b : accounts) {
      if (b.move() == Move.MOVED || b.move() == Move.UNBOOKED) {
        t.row(b.accountId().value(), b.tier(), b.previousManager(), b.manager() == null ? "-" : b.manager(),
            b.reason());
      }
    }
    return t.toString();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(managerTable()).append('\n').append(balanceText());
    for (String w : warnings()) {
      sb.append("warning: ").append(w).append('\n');
    }
    return sb.toString();
  }
}
