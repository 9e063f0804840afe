package dev.cskit.core;

import dev.cskit.core.io.CsvInput;
import dev.cskit.core.io.CsvOutput;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes accounts as CSV.
 *
 * <p>Columns: {@code account_id} (required), {@code name}, {@code arr} (required, >= 0), {@code currency}
 * (default USD), {@code seats} (required, a whole number >= 0), {@code contract_start} and
 * {@code renewal_date} (YYYY-MM-DD), {@code stage} (onboarding, adoption, expansion, renewal, churned;
 * default adoption). Every other column becomes a free-form attribute.
 */
public final class Accounts {
  public static final List<String> COLUMNS =
      List.of("account_id", "name", "arr", "currency", "seats", "contract_start", "renewal_date", "stage");
  private static final Set<String> KNOWN = Set.copyOf(COLUMNS);

  private Accounts() {}

  /** Reads accounts from a CSV file. */
  public static List<Account> readCsv(Path file) {
    try (CsvInput in = CsvInput.open(file)) {
      return read(in);
    }
  }

  /** Reads accounts from CSV text, naming it {@code source} in errors. */
  public static List<Account> readCsv(Reader reader, String source) {
    try (CsvInput in = CsvInput.of(reader, source)) {
      return read(in);
    }
  }

  private static List<Account> read(CsvInput in) {
    in.require("account_id", "arr", "seats");
    // every column found once: positions, and the attribute columns in header order
    int idAt = in.indexOf("account_id");
    int nameAt = in.indexOf("name");
    int arrAt = in.indexOf("arr");
    int currencyAt = in.indexOf("currency");
    int seatsAt = in.indexOf("seats");
    int startAt = in.indexOf("contract_start");
    int renewalAt = in.indexOf("renewal_date");
    int stageAt = in.indexOf("stage");
    List<String> header = in.header();
    List<Integer> attrAt = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (!KNOWN.contains(header.get(i))) {
        attrAt.add(i);
      }
    }
    List<Account> out = new ArrayList<>();
    Map<AccountId, Long> seen = new HashMap<>();
    // currencies and attribute values repeat (a segment, a region): one string each, not one per row
    Map<String, String> pool = new HashMap<>();
    for (CsvInput.Row row : in) {
      AccountId id = AccountId.of(required(row, idAt, "account_id"));
      Long first = seen.putIfAbsent(id, row.number());
      if (first != null) {
        throw row.error("account_id", "each account may appear once",
            CskitException.quote(id.value()) + " again (first at row " + first + ")");
      }
      required(row, arrAt, "arr");
      double arr = row.number(arrAt, "arr");
      if (!(arr >= 0)) {
        throw row.error("arr", "must be a number >= 0", String.valueOf(arr));
      }
      long seats = row.requiredLong(seatsAt, "seats");
      if (seats < 0 || seats > Integer.MAX_VALUE) {
        throw row.error("seats", "must be a whole number >= 0", String.valueOf(seats));
      }
      Account.Builder b = Account.builder();
      b.id(id).arr(arr).seats((int) seats);
      String name = row.text(nameAt);
      if (!name.isEmpty()) {
        b.name(name);
      }
      String currency = row.text(currencyAt);
      if (!currency.isEmpty()) {
        if (!isCurrencyCode(currency)) {
          throw row.error("currency", "must be a three-letter ISO 4217 code", CskitException.quote(currency));
        }
        b.currency(pooled(pool, currency.toUpperCase(java.util.Locale.ROOT)));
      }
      LocalDate start = row.date(startAt, "contract_start");
      if (start != null) {
        b.contractStart(start);
      }
      LocalDate renewal = row.date(renewalAt, "renewal_date");
      if (renewal != null) {
        if (start != null && renewal.isBefore(start)) {
          throw row.error("renewal_date", "must not be before contract_start (" + start + ")", renewal.toString());
        }
        b.renewalDate(renewal);
      }
      String stage = row.text(stageAt);
      if (!stage.isEmpty()) {
        try {
          b.stage(LifecycleStage.parse(stage));
        } catch (ArgumentException e) {
          throw row.error("stage", e.rule(), CskitException.quote(stage));
        }
      }
      for (int k = 0; k < attrAt.size(); k++) {
        int at = attrAt.get(k);
        String v = row.text(at);
        if (!v.isEmpty()) {
          b.putAttributes(header.get(at), pooled(pool, v));
        }
      }
      out.add(b.build());
    }
    return out;
  }

  /** One string for equal short values while the pool is small (free-form text is kept as it is). */
  private static String pooled(Map<String, String> pool, String v) {
    if (v.length() > 32 || pool.size() >= 4096) {
      String p = pool.get(v);
      return p == null ? v : p;
    }
    String p = pool.putIfAbsent(v, v);
    return p == null ? v : p;
  }

  /** The trimmed text of a cell that must not be empty. */
  private static String required(CsvInput.Row row, int position, String column) {
    String t = row.text(position);
    if (t.isEmpty()) {
      throw row.error(column, "must not be empty", null);
    }
    return t;
  }

  /** Three ASCII letters (checked by hand: a regular expression here would be compiled for every row). */
  private static boolean isCurrencyCode(String s) {
    if (s.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    return true;
  }

  /** Writes accounts as CSV; attribute columns follow the standard ones, in order of first appearance. */
  public static void writeCsv(List<Account> accounts, Writer writer) {
    Set<String> attrs = new LinkedHashSet<>();
    for (Account a : accounts) {
      attrs.addAll(a.attributes().keySet());
    }
    CsvOutput out = new CsvOutput(writer);
    List<String> header = new ArrayList<>(COLUMNS);
    header.addAll(attrs);
    out.row(header);
    for (Account a : accounts) {
      List<String> cells = new ArrayList<>(header.size());
      cells.add(a.id().value());
      cells.add(a.name());
      cells.add(CsvOutput.number(a.arr()));
      cells.add(a.currency());
      cells.add(Integer.toString(a.seats()));
      cells.add(a.contractStart().map(LocalDate::toString).orElse(""));
      cells.add(a.renewalDate().map(LocalDate::toString).orElse(""));
      cells.add(a.stage().id());
      for (String k : attrs) {
        cells.add(a.attributes().getOrDefault(k, ""));
      }
      out.row(cells);
    }
    out.flush();
  }

  /** Writes accounts to a CSV file. */
  public static void writeCsv(List<Account> accounts, Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeCsv(accounts, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
