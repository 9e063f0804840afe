package dev.cskit.spark;

import dev.cskit.core.Account;
import dev.cskit.core.LifecycleStage;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * Reads {@link Account}s from rows with cskit's account columns ({@code account_id, name, arr, currency,
 * seats, contract_start, renewal_date, stage}; every other column a free-form attribute, empty values left
 * out), as {@code Accounts.readCsv} does. Serializable: it travels with a task.
 */
final class SparkAccounts implements Serializable {
  private static final long serialVersionUID = 1L;
  static final Set<String> KNOWN =
      Set.of("account_id", "name", "arr", "currency", "seats", "contract_start", "renewal_date", "stage");

  private final String[] names;
  private final int offset;

  /** Account columns {@code names} start at field {@code offset} of each row. */
  SparkAccounts(List<String> names, int offset) {
    this.names = names.toArray(new String[0]);
    this.offset = offset;
  }

  /** The account of a row, or null when the row has none (its id column is null). */
  Account read(Row row) {
    Account.Builder b = null;
    for (int k = 0; k < names.length; k++) {
      if (names[k].equals("account_id")) {
        Object id = row.get(offset + k);
        if (id == null) {
          return null;
        }
        b = Account.builder().id(id.toString());
      }
    }
    if (b == null) {
      return null;
    }
    for (int k = 0; k < names.length; k++) {
      Object v = row.get(offset + k);
      if (v == null) {
        continue;
      }
      String text = v.toString();
      switch (names[k]) {
        case "account_id" -> { }
        case "name" -> b.name(text);
        case "arr" -> b.arr(v instanceof Number n ? n.doubleValue() : Double.parseDouble(text));
        case "currency" -> b.currency(text);
        case "seats" -> b.seats(v instanceof Number n ? n.intValue() : Integer.parseInt(text.trim()));
        case "contract_start" -> b.contractStart(date(v));
        case "renewal_date" -> b.renewalDate(date(v));
        case "stage" -> {
          if (!text.isEmpty()) {
            b.stage(LifecycleStage.parse(text));
          }
        }
        default -> {
          if (!text.isEmpty()) {
            b.putAttributes(names[k], text);
          }
        }
      }
    }
    return b.build();
  }

  private static LocalDate date(Object v) {
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    return LocalDate.parse(v.toString().trim());
  }
}
