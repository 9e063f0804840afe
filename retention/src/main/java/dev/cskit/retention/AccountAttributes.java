package dev.cskit.retention;

import dev.cskit.core.DataException;
import dev.cskit.core.io.CsvInput;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Readers for the small side tables of a retention analysis: account attributes and conversion rates. */
public final class AccountAttributes {
  private AccountAttributes() {}

  /**
   * One attribute per account from a CSV with {@code account_id} and the named column (e.g. {@code segment});
   * each account once; empty cells are left out.
   */
  public static Map<String, String> readCsv(Path file, String column) {
    Map<String, String> out = new LinkedHashMap<>();
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", column);
      for (CsvInput.Row row : in) {
        String id = row.required("account_id");
        if (out.containsKey(id)) {
          throw row.error("account_id", "each account may appear once", CskitQuote.q(id));
        }
        String v = row.text(column);
        if (!v.isEmpty()) {
          out.put(id, v);
        }
      }
    }
    return out;
  }

  /**
   * A conversion table from a CSV with {@code currency} and {@code rate} (units of the analysis currency per
   * unit of {@code currency}, above 0); each currency once.
   */
  public static Map<String, BigDecimal> readConversionCsv(Path file) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    try (CsvInput in = CsvInput.open(file)) {
      in.require("currency", "rate");
      for (CsvInput.Row row : in) {
        String c = row.required("currency");
        String t = row.required("rate");
        BigDecimal rate;
        try {
          rate = new BigDecimal(t);
        } catch (NumberFormatException e) {
          throw row.error("rate", "must be a decimal number", CskitQuote.q(t));
        }
        if (rate.signum() <= 0) {
          throw row.error("rate", "must be above 0", CskitQuote.q(t));
        }
        if (out.put(c, rate) != null) {
          throw row.error("currency", "each currency may appear once", CskitQuote.q(c));
        }
      }
    }
    if (out.isEmpty()) {
      throw DataException.of(file.toString(), "holds no conversion rates", "no data rows");
    }
    return out;
  }
}
