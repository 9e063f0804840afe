package dev.cskit.touchmodel.books;

import java.util.List;
import java.util.Map;

/**
 * One manager's book this month.
 *
 * @param manager the manager's id
 * @param tier the tier they serve
 * @param accounts accounts owned
 * @param maxAccounts the most they may own
 * @param hours hours a month their accounts need
 * @param capacityHours their hours a month
 * @param arr the ARR they own
 * @param byBand accounts per band, bands in name order
 * @param kept accounts kept from last month
 * @param movedIn accounts that came from another manager (their ids)
 * @param newAccounts accounts that had no manager last month (their ids)
 * @param movedOut accounts that left this manager, each with the reason: {@code {accountId: reason}}
 */
public record ManagerBook(String manager, String tier, int accounts, int maxAccounts, double hours,
    double capacityHours, double arr, Map<String, Integer> byBand, int kept, List<String> movedIn,
    List<String> newAccounts, Map<String, String> movedOut) {
  /** Copies. */
  public ManagerBook {
    movedIn = List.copyOf(movedIn);
    newAccounts = List.copyOf(newAccounts);
    movedOut = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(movedOut));
    byBand = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byBand));
  }

  /** Hours booked / hours available. */
  public double utilisation() {
    return hours / capacityHours;
  }
}
