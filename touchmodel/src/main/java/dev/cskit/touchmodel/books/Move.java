package dev.cskit.touchmodel.books;

/** Why an account has the manager it has. */
public enum Move {
  /** Kept last month's manager. */
  KEPT,
  /** Had no manager last month (new to a booked tier, or no history). */
  NEW,
  /** Changed manager: its tier changed, its manager left, or keeping it broke capacity or balance. */
  MOVED,
  /** Left the booked tiers (now in a tier without managers, such as tech touch). */
  UNBOOKED;

  /** Lower-case name. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
