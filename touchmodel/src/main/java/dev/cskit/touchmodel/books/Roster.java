package dev.cskit.touchmodel.books;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.io.CsvInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The managers who own accounts, one per row. Read from CSV with columns {@code manager_id}, {@code tier},
 * {@code hours}, and optionally {@code max_accounts} (empty: no limit) and {@code regions}, {@code
 * languages}, {@code segments} (several separated by {@code ;} or {@code |}; empty: any).
 *
 * @param managers the managers, ids unique
 */
public record Roster(List<Manager> managers) {
  /** Copies and checks that ids are unique. */
  public Roster {
    managers = List.copyOf(managers);
    Set<String> ids = new HashSet<>();
    for (Manager m : managers) {
      if (!ids.add(m.id())) {
        throw new ArgumentException("roster", "each manager id may appear once", CskitException.quote(m.id()));
      }
    }
  }

  /** A roster of these managers. */
  public static Roster of(List<Manager> managers) {
    return new Roster(managers);
  }

  /** The manager with this id, or null. */
  public Manager manager(String id) {
    for (Manager m : managers) {
      if (m.id().equals(id)) {
        return m;
      }
    }
    return null;
  }

  /** Reads a roster CSV (see the type's description). */
  public static Roster readCsv(Path file) {
    try (CsvInput in = CsvInput.open(file)) {
      return read(in);
    }
  }

  /** Reads a roster CSV from text, naming {@code source} in errors. */
  public static Roster parseCsv(String text, String source) {
    try (CsvInput in = CsvInput.ofText(text, source)) {
      return read(in);
    }
  }

  private static Roster read(CsvInput in) {
    in.require("manager_id", "tier", "hours");
    List<Manager> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (CsvInput.Row row : in) {
      String id = row.required("manager_id");
      if (!ids.add(id)) {
        throw row.error("manager_id", "each manager may appear once", CskitException.quote(id));
      }
      double hours = row.requiredNumber("hours");
      if (!(hours > 0)) {
        throw row.error("hours", "must be a number > 0", String.valueOf(hours));
      }
      int max = Integer.MAX_VALUE;
      if (in.has("max_accounts") && !row.text("max_accounts").isEmpty()) {
        long v = row.requiredLong("max_accounts");
        if (v < 1 || v > Integer.MAX_VALUE) {
          throw row.error("max_accounts", "must be a whole number >= 1 (or empty for no limit)", String.valueOf(v));
        }
        max = (int) v;
      }
      try {
        out.add(new Manager(id, row.required("tier"), hours, max, set(in, row, "regions"),
            set(in, row, "languages"), set(in, row, "segments")));
      } catch (DataException e) {
        throw e;
      } catch (CskitException e) {
        throw row.error("tier", e.rule(), e.found());
      }
    }
    if (out.isEmpty()) {
      throw DataException.of(in.source(), "a roster needs at least one manager", "no rows");
    }
    return new Roster(out);
  }

  private static Set<String> set(CsvInput in, CsvInput.Row row, String column) {
    Set<String> out = new HashSet<>();
    if (!in.has(column)) {
      return out;
    }
    for (String s : row.text(column).split("[;|]")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }
}
