package dev.cskit.core.internal;

import dev.cskit.core.MetricTable;

/**
 * Zero-copy access to a {@link MetricTable}'s backing columns for cskit's own hot paths (batch scoring).
 * The arrays returned must never be written.
 */
public final class TableAccess {
  /** Implemented by {@link MetricTable}, which registers itself when its class is initialised. */
  public interface Accessor {
    double[] column(MetricTable table, int index);
  }

  private static volatile Accessor accessor;

  private TableAccess() {}

  /** Called once by MetricTable. */
  public static void register(Accessor a) {
    accessor = a;
  }

  /** The backing array of a column, by position. Read only. */
  public static double[] column(MetricTable table, int index) {
    return accessor.column(table, index);
  }

  /** The backing array of a column, by name. Read only. */
  public static double[] column(MetricTable table, String metric) {
    return accessor.column(table, table.indexOfMetric(metric));
  }
}
