package dev.cskit.touchmodel;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.io.TextTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A what-if between two segmentations of the same portfolio (a baseline model and one with moved thresholds
 * or budgets): accounts, hours and ARR per tier in each, and how many accounts would change tier. Immutable.
 */
public final class WhatIf {
  /** One tier before and after. */
  public record Row(String tier, int accountsBefore, int accountsAfter, double hoursBefore, double hoursAfter,
      double arrBefore, double arrAfter) {}

  private final List<Row> rows;
  private final List<AccountId> changedAccounts;

  private WhatIf(List<Row> rows, List<AccountId> changedAccounts) {
    this.rows = List.copyOf(rows);
    this.changedAccounts = List.copyOf(changedAccounts);
  }

  /** Segments the portfolio under both models and compares. */
  public static WhatIf compare(TouchModel baseline, TouchModel alternative, List<Account> accounts,
      Map<AccountId, AccountHealth> health, Map<AccountId, PreviousTier> previous, LocalDate asOf) {
    return compare(baseline.segment(accounts, health, previous, asOf),
        alternative.segment(accounts, health, previous, asOf));
  }

  /** Compares two segmentations of the same accounts. */
  public static WhatIf compare(Segmentation before, Segmentation after) {
    Set<String> tiers = new LinkedHashSet<>();
    before.tiers().forEach(t -> tiers.add(t.tier()));
    after.tiers().forEach(t -> tiers.add(t.tier()));
    List<Row> rows = new ArrayList<>();
    for (String t : tiers) {
      TierSummary b = before.tier(t);
      TierSummary a = after.tier(t);
      rows.add(new Row(t, b == null ? 0 : b.accounts(), a == null ? 0 : a.accounts(),
          b == null ? 0 : b.hoursNeeded(), a == null ? 0 : a.hoursNeeded(), b == null ? 0 : b.arr(),
          a == null ? 0 : a.arr()));
    }
    List<AccountId> changed = new ArrayList<>();
    for (TierAssignment x : before.assignments()) {
      String other = after.tierOf(x.accountId());
      if (other != null && !other.equals(x.tier())) {
        changed.add(x.accountId());
      }
    }
    return new WhatIf(rows, changed);
  }

  /** Per tier, before and after. */
  public List<Row> rows() {
    return rows;
  }

  /** How many accounts would change tier. */
  public int changedCount() {
    return changedAccounts.size();
  }

  /** The accounts that would change tier. */
  public List<AccountId> changedAccounts() {
    return changedAccounts;
  }

  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("tier", "accounts before", "accounts after", "hours before",
        "hours after", "arr before", "arr after");
    for (Row r : rows) {
      t.row(r.tier(), r.accountsBefore(), r.accountsAfter(), r.hoursBefore(), r.hoursAfter(), r.arrBefore(),
          r.arrAfter());
    }
    return t.toString() + changedAccounts.size() + " accounts would change tier\n";
  }
}
