package dev.cskit.sample;

/** The hidden truth behind a sample account's usage, for checking what the analytics find. */
public enum UsagePattern {
  /** Most seats in use, steady or rising. */
  THRIVING,
  /** Moderate, stable use. */
  STEADY,
  /** Use falling over the 90 days. */
  DECLINING,
  /** Signed but never got going. */
  NEVER_ONBOARDED,
  /** Seats bought, few users: penetration is low even where those users are busy. */
  SHELFWARE
}
