package dev.cskit.touchmodel;

import dev.cskit.core.ConfigPath;
import dev.cskit.core.HealthBand;
import dev.cskit.core.LifecycleStage;
import java.util.ArrayList;
import java.util.List;

/**
 * The playbook matrix: tier x health band x lifecycle stage -> the action to take. The most specific matching
 * entry wins (ties: the first listed). Upsell actions are offered only to accounts in a healthy band
 * ({@code healthyBands}, default green): pitching to unhealthy accounts drives them away. An upsell entry that
 * names an unhealthy band is a configuration error unless {@code allowUpsellToUnhealthy: true}; an upsell entry
 * whose band is a wildcard is skipped for unhealthy accounts.
 */
public record Playbook(List<PlaybookEntry> entries, List<String> healthyBands, Boolean allowUpsellToUnhealthy) {

  /** Validates. */
  public Playbook {
    ConfigPath root = ConfigPath.root();
    root.field("entries").check(entries != null && !entries.isEmpty(), "must list at least one entry", null);
    entries = List.copyOf(entries);
    List<String> healthy = new ArrayList<>();
    if (healthyBands == null || healthyBands.isEmpty()) {
      healthy.add(HealthBand.GREEN.name());
    } else {
      for (String b : healthyBands) {
        healthy.add(HealthBand.of(b).name());
      }
    }
    healthyBands = List.copyOf(healthy);
    allowUpsellToUnhealthy = allowUpsellToUnhealthy != null && allowUpsellToUnhealthy;
    for (int i = 0; i < entries.size(); i++) {
      PlaybookEntry e = root.field("entries").index(i).required(entries.get(i));
      if (e.upsell() && !allowUpsellToUnhealthy && !e.band().equals("*")) {
        root.field("entries").index(i).field("band").check(healthyBands.contains(e.band()),
            "upsell is offered only to healthy bands (" + String.join(", ", healthyBands) + ")"
                + " (set allowUpsellToUnhealthy: true to override)", e.band());
      }
    }
  }

  /** The built-in matrix for tech, low and high touch. */
  public static Playbook defaults() {
    return new Playbook(List.of(
        PlaybookEntry.of("*", "*", "churned", "win-back campaign", false),
        PlaybookEntry.of("*", "*", "onboarding", "onboarding programme for the tier", false),
        PlaybookEntry.of("high", "red", "*", "escalate: executive sponsor call and recovery plan", false),
        PlaybookEntry.of("high", "yellow", "*", "manager check-in and success plan review", false),
        PlaybookEntry.of("high", "green", "expansion", "business review with expansion proposal", true),
        PlaybookEntry.of("high", "green", "renewal", "renewal review with multi-year offer", true),
        PlaybookEntry.of("high", "*", "*", "quarterly business review", false),
        PlaybookEntry.of("low", "red", "*", "phone call from the pooled team", false),
        PlaybookEntry.of("low", "yellow", "*", "invite to a targeted webinar", false),
        PlaybookEntry.of("low", "green", "expansion", "webinar on advanced features with upgrade offer", true),
        PlaybookEntry.of("low", "*", "*", "group training invitation", false),
        PlaybookEntry.of("tech", "red", "*", "automated rescue e-mail sequence and call-centre call", false),
        PlaybookEntry.of("tech", "green", "expansion", "in-product upgrade prompt", true),
        PlaybookEntry.of("*", "*", "*", "in-product guides and newsletter", false)),
        null, false);
  }

  /** Whether a band counts as healthy. */
  public boolean isHealthy(String band) {
    return band != null && !band.isBlank() && healthyBands.contains(HealthBand.of(band).name());
  }

  /** The matching entry, or null when none matches. */
  public PlaybookEntry entryFor(String tier, HealthBand band, LifecycleStage stage) {
    String b = band == null ? HealthBand.INSUFFICIENT_DATA.name() : band.name();
    PlaybookEntry best = null;
    for (PlaybookEntry e : entries) {
      if (!e.matches(tier, b, stage.id())) {
        continue;
      }
      if (e.upsell() && !allowUpsellToUnhealthy && !isHealthy(b)) {
        continue;
      }
      if (best == null || e.specificity() > best.specificity()) {
        best = e;
      }
    }
    return best;
  }

  /** The action for a cell of the matrix, or null when no entry matches. */
  public String actionFor(String tier, HealthBand band, LifecycleStage stage) {
    PlaybookEntry e = entryFor(tier, band, stage);
    return e == null ? null : e.action();
  }
}
