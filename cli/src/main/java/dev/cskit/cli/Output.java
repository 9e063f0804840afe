package dev.cskit.cli;

import dev.cskit.core.io.CsvOutput;
import dev.cskit.core.io.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Prints a command's result in the format asked for: a text table, CSV, or JSON. */
final class Output {
  /** The one description every {@code --format} option carries. */
  static final String FORMAT_HELP = "table, csv or json (default: ${DEFAULT-VALUE}).";

  private Output() {}

  /** Prints {@code table}, {@code csv} or {@code json}, whichever {@code format} names, then flushes. */
  static void print(CommandLine.Model.CommandSpec spec, OutputFormat format, Supplier<String> table,
      Consumer<CsvOutput> csv, Supplier<Object> json) {
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case CSV: {
        CsvOutput c = new CsvOutput(out);
        csv.accept(c);
        c.flush();
        break;
      }
      case JSON:
        out.println(Json.write(json.get()));
        break;
      default:
        out.print(table.get());
    }
    out.flush();
  }

  /**
   * Prints a JSON document (a map of scalars, nested maps and lists of maps) in the format of the command's
   * {@code --format} option: as JSON; as text, a field/value table of the scalars then one table per list; as
   * CSV, the rows of its one list of records, or a header and one row of its scalars.
   */
  static void document(CommandLine.Model.CommandSpec spec, Map<String, Object> doc) {
    CommandLine.Model.OptionSpec o = spec.findOption("--format");
    OutputFormat format = o == null || o.getValue() == null ? OutputFormat.JSON : o.getValue();
    print(spec, format, () -> text(doc), csv -> csv(doc, csv), () -> doc);
  }

  static String text(Map<String, Object> doc) {
    Map<String, Object> scalars = new LinkedHashMap<>();
    flatten("", doc, scalars);
    StringBuilder sb = new StringBuilder();
    TextTable t = TextTable.withHeader("field", "value");
    scalars.forEach((k, v) -> t.row(k, v instanceof Double ? TextTable.number((Double) v) : TextTable.cell(v)));
    sb.append(t);
    doc.forEach((k, v) -> {
      List<Map<String, Object>> rows = records(v);
      if (rows != null && !rows.isEmpty()) {
        sb.append('\n').append(k).append('\n').append(table(rows));
      }
    });
    return sb.toString();
  }

  private static String table(List<Map<String, Object>> rows) {
    List<String> head = new ArrayList<>();
    List<Map<String, Object>> flat = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      Map<String, Object> f = new LinkedHashMap<>();
      flatten("", r, f);
      f.keySet().forEach(k -> {
        if (!head.contains(k)) {
          head.add(k);
        }
      });
      flat.add(f);
    }
    TextTable t = TextTable.withHeader(head.toArray(new String[0]));
    for (int i = 0; i < head.size(); i++) {
      java.util.function.DoubleFunction<String> format = columnFormat(head.get(i), flat);
      if (format != null) {
        t.column(i, format);
      }
    }
    for (Map<String, Object> f : flat) {
      Object[] cells = new Object[head.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = f.get(head.get(i));
      }
      t.row(cells);
    }
    return t.toString();
  }

  /**
   * One precision for a column of a record table, chosen for what it holds: a share (a key ending in rate,
   * share, chance or probability, every value in [0, 1]) as a percentage; other numbers with the decimals their
   * largest magnitude needs (1 from 1,000, 2 from 1, else 4), so that 887.40 and 1200 print as 887.4 and
   * 1200.0. Null for a column of whole numbers or text, printed as they are, and for a column where that
   * precision would print a value that is not zero as zero (each value then prints with its own precision).
   */
  static java.util.function.DoubleFunction<String> columnFormat(String key, List<Map<String, Object>> rows) {
    boolean fractional = false;
    boolean share = true;
    double max = 0;
    double minNonZero = Double.POSITIVE_INFINITY;
    for (Map<String, Object> r : rows) {
      Object v = r.get(key);
      if (v == null) {
        continue;
      }
      if (!(v instanceof Number)) {
        return null;
      }
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        continue;
      }
      fractional |= d != Math.rint(d);
      share &= d >= 0 && d <= 1;
      max = Math.max(max, Math.abs(d));
      if (d != 0) {
        minNonZero = Math.min(minNonZero, Math.abs(d));
      }
    }
    if (!fractional) {
      return null;
    }
    if (share && key.toLowerCase(java.util.Locale.ROOT).matches(".*(rate|share|chance|probability)")) {
      // a share that would print as 0.0% is not zero: such a column keeps each value's own precision
      return minNonZero < 0.0005 ? null : TextTable::percent;
    }
    int decimals = max >= 1000 ? 1 : max >= 1 ? 2 : 4;
    // never a value that is not zero printed as 0.0, 0.00 or 0.0000 (a p-value, a standard error)
    return minNonZero < 0.5 * Math.pow(10, -decimals) ? null : TextTable.decimals(decimals);
  }

  private static void csv(Map<String, Object> doc, CsvOutput csv) {
    List<Map<String, Object>> only = null;
    int lists = 0;
    for (Object v : doc.values()) {
      List<Map<String, Object>> r = records(v);
      if (r != null) {
        lists++;
        only = r;
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    if (lists == 1 && !only.isEmpty()) {
      for (Map<String, Object> r : only) {
        Map<String, Object> f = new LinkedHashMap<>();
        flatten("", r, f);
        rows.add(f);
      }
    } else {
      Map<String, Object> f = new LinkedHashMap<>();
      flatten("", doc, f);
      rows.add(f);
    }
    List<String> head = new ArrayList<>();
    rows.forEach(r -> r.keySet().forEach(k -> {
      if (!head.contains(k)) {
        head.add(k);
      }
    }));
    csv.row(head);
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>();
      for (String k : head) {
        Object v = r.get(k);
        cells.add(v == null ? "" : v instanceof Number ? n(((Number) v).doubleValue()) : String.valueOf(v));
      }
      csv.row(cells);
    }
  }

  /** The scalars of a map, nested maps as {@code key.sub}; lists are left out. */
  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Map<String, Object> m, Map<String, Object> out) {
    m.forEach((k, v) -> {
      String key = prefix.isEmpty() ? k : prefix + "." + k;
      if (v instanceof Map) {
        flatten(key, (Map<String, Object>) v, out);
      } else if (v instanceof List) {
        List<?> l = (List<?>) v;
        if (!l.isEmpty() && !(l.get(0) instanceof Map)) {
          out.put(key, String.join(", ", l.stream().map(TextTable::cell).toList()));
        }
      } else {
        out.put(key, v);
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> records(Object v) {
    if (v instanceof List && !((List<?>) v).isEmpty() && ((List<?>) v).get(0) instanceof Map) {
      return (List<Map<String, Object>>) v;
    }
    return null;
  }

  /** A number for CSV (empty when undefined). */
  static String n(double v) {
    return CsvOutput.number(v);
  }
}
