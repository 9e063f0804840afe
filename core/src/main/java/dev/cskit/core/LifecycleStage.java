package dev.cskit.core;

import java.util.Locale;

/** Where an account is in its life with the product. */
public enum LifecycleStage {
  /** Signed, not yet live: the first weeks, where time to first value is decided. */
  ONBOARDING,
  /** Live and building habits. */
  ADOPTION,
  /** Established use; candidates for upsell when healthy. */
  EXPANSION,
  /** Inside the renewal window. */
  RENEWAL,
  /** Gone. */
  CHURNED;

  /**
   * The stage named by text such as {@code onboarding} or {@code Adoption}; case and dashes ignored.
   *
   * @throws ArgumentException ({@code stage}) for any other text
   */
  public static LifecycleStage parse(String text) {
    String norm = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (LifecycleStage s : values()) {
      if (s.name().equals(norm)) {
        return s;
      }
    }
    throw new ArgumentException("stage",
        "a lifecycle stage must be one of onboarding, adoption, expansion, renewal, churned", CskitException.quote(text));
  }

  /** The lower-case name used in files. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
