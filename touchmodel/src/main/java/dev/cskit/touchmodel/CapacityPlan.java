package dev.cskit.touchmodel;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Capacity planning for a segmented portfolio: per tier, the demand (accounts the rules or allocation wanted
 * there before capacity and hysteresis), the hours that demand needs per month, the managers it takes, the
 * managers and coverage the configured capacity buys, and the shortfall. Immutable.
 *
 * <p>Managers are counted in the tier's own {@code hoursPerManager} when its capacity is given as managers,
 * else in the planning default passed in (say 120 productive hours a month).
 */
public final class CapacityPlan {
  /** One tier's plan. */
  public record Row(
      String tier,
      int accounts,
      double arr,
      double hoursNeeded,
      double hoursAvailable,
      int accountsWanted,
      double hoursWanted,
      double hoursPerManager,
      double managersNeeded,
      double managersAvailable,
      double accountsPerManager,
      double coverageAccounts,
      double shortfallHours,
      double cost) {}

  private final List<Row> rows;

  private CapacityPlan(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /** Managers needed to give {@code accounts} accounts {@code hoursPerAccount} hours a month each. */
  public static double managersNeeded(int accounts, double hoursPerAccount, double hoursPerManager) {
    double hours = accounts * hoursPerAccount;
    return hours == 0 ? 0 : Math.ceil(hours / hoursPerManager - 1e-9);
  }

  /** How many accounts a headcount covers at a cadence (infinite when the cadence needs no hours). */
  public static double coverage(double managers, double hoursPerManager, double hoursPerAccount) {
    return accounts(Tier.slots(managers * hoursPerManager, hoursPerAccount));
  }

  /** A number of account slots, infinite for {@code Long.MAX_VALUE} (no limit). */
  private static double accounts(long slots) {
    return slots == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : slots;
  }

  /**
   * Checks hours per manager as {@link #of} does: a finite number above 0. For callers that take the value
   * before they read the model.
   *
   * @throws ArgumentException ({@code hours per manager}) otherwise
   */
  public static void checkHoursPerManager(double hours) {
    if (!(hours > 0) || Double.isInfinite(hours)) {
      throw new ArgumentException("hours per manager", "must be a number > 0", Double.toString(hours));
    }
  }

  /** The plan for a segmentation under its model. */
  public static CapacityPlan of(TouchModel model, Segmentation segmentation, double defaultHoursPerManager) {
    checkHoursPerManager(defaultHoursPerManager);
    List<Row> rows = new ArrayList<>();
    for (Tier t : model.tiers()) {
      TierSummary s = segmentation.tier(t.name());
      int wanted = (int) segmentation.assignments().stream().filter(a -> a.wantedTier().equals(t.name())).count();
      double h = t.hoursPerAccountMonth();
      Capacity c = t.capacity();
      double hpm = c.managers() != null ? c.hoursPerManager() : defaultHoursPerManager;
      double available = t.capacityHours();
      double managersAvailable = c.managers() != null ? c.managers()
          : Double.isInfinite(available) ? Double.POSITIVE_INFINITY : available / hpm;
      double hoursWanted = wanted * h;
      rows.add(new Row(t.name(), s.accounts(), s.arr(), s.hoursNeeded(), available, wanted, hoursWanted, hpm,
          managersNeeded(wanted, h, hpm), managersAvailable, h == 0 ? Double.POSITIVE_INFINITY : hpm / h,
          accounts(t.slots()),
          Math.max(0, hoursWanted - available), s.cost()));
    }
    return new CapacityPlan(rows);
  }

  /** The rows, least touch first. */
  public List<Row> rows() {
    return rows;
  }

  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("tier", "accounts", "wanted", "hours needed", "hours wanted",
        "hours available", "managers needed", "managers available", "accounts/manager", "shortfall h");
    for (Row r : rows) {
      t.row(r.tier(), r.accounts(), r.accountsWanted(), r.hoursNeeded(), r.hoursWanted(), inf(r.hoursAvailable()),
          r.managersNeeded(), inf(r.managersAvailable()), inf(r.accountsPerManager()), r.shortfallHours());
    }
    return t.toString();
  }

  private static String inf(double v) {
    return Double.isInfinite(v) ? "unlimited" : TextTable.number(v);
  }
}
