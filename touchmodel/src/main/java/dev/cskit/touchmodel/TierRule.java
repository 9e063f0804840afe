package dev.cskit.touchmodel;

import dev.cskit.core.ConfigPath;
import dev.cskit.core.TouchTier;
import java.util.List;

/**
 * A tiering rule: when every condition holds ({@code when}; none means always), the account goes to
 * {@code tier}. Rules are tried in order and the first match wins.
 */
public record TierRule(String name, String tier, List<Condition> when) {

  /** Validates. */
  public TierRule {
    ConfigPath root = ConfigPath.root();
    root.field("tier").check(tier != null && !tier.isBlank(), "is required", tier);
    tier = TouchTier.of(tier).name();
    when = when == null ? List.of() : List.copyOf(when);
    for (int i = 0; i < when.size(); i++) {
      root.field("when").index(i).required(when.get(i));
    }
    name = name == null || name.isBlank() ? tier : name;
  }

  /** A rule. */
  public static TierRule of(String name, String tier, Condition... when) {
    return new TierRule(name, tier, List.of(when));
  }

  @Override
  public String toString() {
    if (when.isEmpty()) {
      return "rule \"" + name + "\" (always)";
    }
    StringBuilder sb = new StringBuilder("rule \"").append(name).append("\": ");
    for (int i = 0; i < when.size(); i++) {
      sb.append(i == 0 ? "" : " and ").append(when.get(i));
    }
    return sb.toString();
  }
}
