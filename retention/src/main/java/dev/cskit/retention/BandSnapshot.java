package dev.cskit.retention;

import dev.cskit.core.DataException;
import dev.cskit.core.io.CsvInput;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The health band (and optionally the touch tier) each account had at a date, to measure what the revenue of
 * each band did afterwards.
 *
 * @param asOf the date of the snapshot
 * @param bands account id to band name
 * @param tiers account id to tier name (empty when not known)
 */
public record BandSnapshot(LocalDate asOf, Map<String, String> bands, Map<String, String> tiers) {
  /** Copies the maps. */
  public BandSnapshot {
    Objects.requireNonNull(asOf, "asOf");
    bands = Map.copyOf(bands);
    tiers = Map.copyOf(tiers == null ? Map.of() : tiers);
  }

  /**
   * Reads a CSV with columns {@code account_id, band} and optionally {@code tier}; each account once.
   *
   * @throws DataException naming file, row and column for a missing column, an empty cell or a repeated
   *     account
   */
  public static BandSnapshot readCsv(Path file, LocalDate asOf) {
    Map<String, String> bands = new LinkedHashMap<>();
    Map<String, String> tiers = new LinkedHashMap<>();
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "band");
      boolean hasTier = in.has("tier");
      for (CsvInput.Row row : in) {
        String id = row.required("account_id");
        if (bands.put(id, row.required("band")) != null) {
          throw row.error("account_id", "each account may appear once", CskitQuote.q(id));
        }
        if (hasTier && !row.text("tier").isEmpty()) {
          tiers.put(id, row.text("tier"));
        }
      }
    }
    return new BandSnapshot(asOf, bands, tiers);
  }
}
