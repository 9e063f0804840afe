package dev.cskit.touchmodel;

/** Why an account sits in its tier. */
public enum ReasonKind {
  /** A rule fired. */
  RULE,
  /** No rule matched: the lowest tier. */
  DEFAULT,
  /** A pin holds it. */
  PIN,
  /** The capacity-constrained allocation placed it. */
  ALLOCATION,
  /** Its tier was full: it spilled to the next lower one. */
  CAPACITY_SPILL,
  /** Hysteresis held it in its previous tier (minimum time, renewal freeze, change limit). */
  HELD
}
