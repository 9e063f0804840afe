package dev.cskit.touchmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.Accounts;
import dev.cskit.core.io.CsvInput;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rule segmentation (rules, exit thresholds, percentiles, pins with expiry, hysteresis, capacity spills) on 400
 * accounts against an independent Python statement of the semantics
 * (src/test/resources/reference/segmentation.py).
 */
class SegmentationReferenceTest {
  private static Path resource(String name) throws Exception {
    return Path.of(SegmentationReferenceTest.class.getResource("/reference/" + name).toURI());
  }

  @Test
  void matchesThePythonReference() throws Exception {
    TouchModel model = TouchModel.read(resource("seg_model.yaml"));
    List<Account> accounts = Accounts.readCsv(resource("seg_accounts.csv"));
    Map<AccountId, PreviousTier> previous = new HashMap<>();
    try (CsvInput in = CsvInput.open(resource("seg_previous.csv"))) {
      for (CsvInput.Row r : in) {
        previous.put(AccountId.of(r.required("account_id")), PreviousTier.of(r.required("tier"), r.date("since")));
      }
    }
    Segmentation s = model.segment(accounts, Map.of(), previous, LocalDate.of(2026, 6, 30));
    int rows = 0;
    try (CsvInput in = CsvInput.open(resource("seg_expected.csv"))) {
      for (CsvInput.Row r : in) {
        TierAssignment a = s.of(AccountId.of(r.required("account_id")));
        String where = a.toString();
        assertEquals(r.required("tier"), a.tier(), where);
        assertEquals(r.required("kind"), a.kind().name().toLowerCase(Locale.ROOT), where);
        assertEquals(Boolean.parseBoolean(r.required("held")), a.held(), where);
        assertEquals(Boolean.parseBoolean(r.required("changed")), a.changed(), where);
        rows++;
      }
    }
    assertEquals(400, rows);
    assertEquals(25, s.tier("high").accounts());
    assertEquals(160, s.tier("low").accounts());
  }
}
