package dev.cskit.touchmodel;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.ConfigPath;
import dev.cskit.core.HealthBand;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.TouchTier;

/**
 * One cell (or block of cells) of the playbook matrix: tier x health band x lifecycle stage -> an action.
 * A null or {@code "*"} tier, band or stage matches any. {@code upsell: true} marks an action that pitches
 * more product; such actions go only to healthy bands unless the playbook allows otherwise.
 */
public record PlaybookEntry(String tier, String band, String stage, String action, Boolean upsell) {

  /** Validates and normalises names. */
  public PlaybookEntry {
    ConfigPath root = ConfigPath.root();
    tier = any(tier) ? "*" : TouchTier.of(tier).name();
    band = any(band) ? "*" : HealthBand.of(band).name();
    if (!any(stage)) {
      try {
        stage = LifecycleStage.parse(stage).id();
      } catch (ArgumentException e) {
        throw root.field("stage").error(e.rule(), stage);
      }
    } else {
      stage = "*";
    }
    root.field("action").check(action != null && !action.isBlank(), "is required", action);
    upsell = upsell != null && upsell;
  }

  /** An entry. */
  public static PlaybookEntry of(String tier, String band, String stage, String action, boolean upsell) {
    return new PlaybookEntry(tier, band, stage, action, upsell);
  }

  private static boolean any(String s) {
    return s == null || s.isBlank() || s.trim().equals("*");
  }

  boolean matches(String t, String b, String s) {
    return (tier.equals("*") || tier.equals(t)) && (band.equals("*") || band.equals(b))
        && (stage.equals("*") || stage.equals(s));
  }

  int specificity() {
    return (tier.equals("*") ? 0 : 1) + (band.equals("*") ? 0 : 1) + (stage.equals("*") ? 0 : 1);
  }
}
