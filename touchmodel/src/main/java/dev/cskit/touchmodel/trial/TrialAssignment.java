package dev.cskit.touchmodel.trial;

import dev.cskit.core.io.TextTable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The random assignment of a trial's eligible accounts to play and control: one row per account, ordered by
 * stratum and then account id, with the seed that reproduces it.
 *
 * @param seed the seed
 * @param assignments the accounts and their arms
 */
public record TrialAssignment(long seed, List<ArmAssignment> assignments) {
  /** Copies. */
  public TrialAssignment {
    assignments = List.copyOf(assignments);
  }

  /** Play and control counts per stratum, strata in name order: {@code {stratum: [play, control]}}. */
  public Map<String, int[]> countsByStratum() {
    Map<String, int[]> out = new TreeMap<>();
    for (ArmAssignment a : assignments) {
      out.computeIfAbsent(a.stratum(), k -> new int[2])[a.arm().ordinal()]++;
    }
    return out;
  }

  /** How many accounts are in an arm. */
  public int count(Arm arm) {
    return (int) assignments.stream().filter(a -> a.arm() == arm).count();
  }

  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("stratum", "play", "control");
    for (Map.Entry<String, int[]> e : countsByStratum().entrySet()) {
      t.row(e.getKey(), e.getValue()[0], e.getValue()[1]);
    }
    t.row("all", count(Arm.PLAY), count(Arm.CONTROL));
    return t + "seed " + seed + "; " + assignments.size() + " accounts assigned\n";
  }
}
