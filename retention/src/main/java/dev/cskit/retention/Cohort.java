package dev.cskit.retention;

import java.util.List;

/**
 * One row of a cohort triangle.
 *
 * @param group the start month ({@code 2025-03}) or the attribute value the accounts share
 * @param accounts accounts in the group
 * @param startMrr their MRR in their first month (cents)
 * @param cells months since start 0, 1, ... as far as any account of the group is observed
 */
public record Cohort(String group, int accounts, long startMrr, List<CohortCell> cells) {
  /** Copies the cells. */
  public Cohort {
    cells = List.copyOf(cells);
  }
}
