package dev.cskit.touchmodel;

import dev.cskit.core.AccountId;
import dev.cskit.core.io.TextTable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link TouchModel#segment}: every account's tier with its reason, previous tier, whether it
 * changed or was held, and the nearest boundary; a summary per tier (accounts, ARR, hours needed against hours
 * available); and, for the allocation method, the objective and its gap to the LP bound. Immutable.
 */
public final class Segmentation {
  private final List<TierAssignment> assignments;
  private final List<TierSummary> tiers;
  private final AllocationReport allocation;
  private final LocalDate asOf;
  private final Map<AccountId, TierAssignment> byId = new HashMap<>();

  Segmentation(List<TierAssignment> assignments, List<TierSummary> tiers, AllocationReport allocation,
      LocalDate asOf) {
    this.assignments = List.copyOf(assignments);
    this.tiers = List.copyOf(tiers);
    this.allocation = allocation;
    this.asOf = asOf;
    for (TierAssignment a : assignments) {
      byId.put(a.accountId(), a);
    }
  }

  /** One assignment per account, in input order. */
  public List<TierAssignment> assignments() {
    return assignments;
  }

  /** An account's assignment, or null. */
  public TierAssignment of(AccountId id) {
    return byId.get(id);
  }

  /** An account's tier name, or null. */
  public String tierOf(AccountId id) {
    TierAssignment a = byId.get(id);
    return a == null ? null : a.tier();
  }

  /** The per-tier summary, least touch first. */
  public List<TierSummary> tiers() {
    return tiers;
  }

  /** A tier's summary, or null. */
  public TierSummary tier(String name) {
    return tiers.stream().filter(t -> t.tier().equals(name)).findFirst().orElse(null);
  }

  /** The allocation's quality, for the allocation method. */
  public Optional<AllocationReport> allocation() {
    return Optional.ofNullable(allocation);
  }

  /** The run date. */
  public LocalDate asOf() {
    return asOf;
  }

  /** How many accounts changed tier against the previous run. */
  public int changedCount() {
    return (int) assignments.stream().filter(TierAssignment::changed).count();
  }

  /** How many accounts hysteresis held. */
  public int heldCount() {
    return (int) assignments.stream().filter(TierAssignment::held).count();
  }

  /** The per-tier summary as a text table. */
  public String summaryTable() {
    TextTable t = TextTable.withHeader("tier", "accounts", "arr", "ltv", "hours needed", "hours available",
        "cost");
    for (TierSummary s : tiers) {
      t.row(s.tier(), s.accounts(), s.arr(), s.ltv(), s.hoursNeeded(),
          Double.isInfinite(s.hoursAvailable()) ? "unlimited" : TextTable.number(s.hoursAvailable()), s.cost());
    }
    return t.toString();
  }

  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("account", "tier", "previous", "changed", "nearest boundary", "reason");
    for (TierAssignment a : assignments) {
      Boundary b = a.boundary();
      t.row(a.accountId().value(), a.tier(), a.previousTier(), a.changed() ? "yes" : a.held() ? "held" : "",
          b == null ? "-" : b.field() + " " + TextTable.number(b.threshold()) + " (" + TextTable.number(b.distance())
              + " away)", a.reason());
    }
    StringBuilder sb = new StringBuilder(t.toString()).append('\n').append(summaryTable());
    if (allocation != null) {
      sb.append(String.format(java.util.Locale.ROOT,
          "allocation: objective %s, greedy %s, LP bound %s, gap %s%n", TextTable.number(allocation.objective()),
          TextTable.number(allocation.greedyObjective()), TextTable.number(allocation.upperBound()),
          TextTable.number(allocation.gap())));
    }
    sb.append(changedCount()).append(" changed, ").append(heldCount()).append(" held\n");
    return sb.toString();
  }
}
