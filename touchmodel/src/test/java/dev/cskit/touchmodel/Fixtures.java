package dev.cskit.touchmodel;

import dev.cskit.core.Account;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.LifecycleStage;
import java.time.LocalDate;

/** Small hand-made portfolios and models for the tests. */
final class Fixtures {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  private Fixtures() {}

  static Account account(String id, double arr) {
    return Account.builder().id(id).arr(arr).seats(10).build();
  }

  static Account account(String id, LifecycleStage stage, double arr, LocalDate renewal) {
    return account(id, arr, stage, null, renewal);
  }

  static Account account(String id, double arr, LifecycleStage stage, String segment, LocalDate renewal) {
    Account.Builder b = Account.builder().id(id).arr(arr).seats(10).stage(stage);
    if (segment != null) {
      b.putAttributes("segment", segment);
    }
    if (renewal != null) {
      b.renewalDate(renewal);
    }
    return b.build();
  }

  /** Tiers tech (unlimited), low (1 h, 100 h), high (10 h, 100 h); extra YAML appended. */
  static TouchModel model(String rest) {
    String yaml = "version: 1\n"
        + "tiers:\n"
        + "  - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}\n"
        + "  - {name: low, hoursPerAccountMonth: 1, capacity: {hours: 100}}\n"
        + "  - {name: high, hoursPerAccountMonth: 10, capacity: {managers: 1, hoursPerManager: 100}}\n"
        + "ltv: {method: capped, grossMargin: 0.5, churn: 0.25, horizonYears: 10}\n"
        + rest;
    return TouchModel.parse(yaml, ConfigFormat.YAML, "model.yaml");
  }

  static final String ARR_RULES = "rules:\n"
      + "  - {name: strategic, tier: high, when: [{field: arr, min: 100000, exitMin: 90000}]}\n"
      + "  - {name: pooled, tier: low, when: [{field: arr, min: 20000}]}\n"
      + "  - {name: default, tier: tech}\n";
}
