package dev.cskit.cli;

import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import dev.cskit.core.HealthBand;
import dev.cskit.core.io.CsvInput;
import dev.cskit.touchmodel.AccountHealth;
import dev.cskit.touchmodel.PreviousTier;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Reads the optional inputs of {@code cskit segment} and {@code cskit capacity}. */
final class TouchInputs {
  private TouchInputs() {}

  /**
   * Health per account from a CSV with columns {@code account_id}, {@code band} and optionally {@code score}
   * (what {@code cskit score --format csv} writes); other columns are ignored.
   */
  static Map<AccountId, AccountHealth> scores(Path file) {
    Map<AccountId, AccountHealth> out = new HashMap<>();
    if (file == null) {
      return out;
    }
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "band");
      for (CsvInput.Row row : in) {
        AccountId id = AccountId.of(row.required("account_id"));
        double score = in.has("score") ? row.number("score") : Double.NaN;
        String band = row.text("band");
        HealthBand b = band.isEmpty() ? HealthBand.INSUFFICIENT_DATA : HealthBand.of(band);
        if (out.put(id, AccountHealth.of(score, b)) != null) {
          throw row.error("account_id", "each account may appear once", CskitException.quote(id.value()));
        }
      }
    }
    return out;
  }

  /** Previous tiers from a CSV {@code account_id,tier[,since]} (since: YYYY-MM-DD). */
  static Map<AccountId, PreviousTier> previous(Path file) {
    Map<AccountId, PreviousTier> out = new HashMap<>();
    if (file == null) {
      return out;
    }
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "tier");
      for (CsvInput.Row row : in) {
        AccountId id = AccountId.of(row.required("account_id"));
        String tier = row.required("tier");
        LocalDate since = row.date("since");
        if (out.put(id, PreviousTier.of(tier, since)) != null) {
          throw row.error("account_id", "each account may appear once", CskitException.quote(id.value()));
        }
      }
    }
    return out;
  }
}
