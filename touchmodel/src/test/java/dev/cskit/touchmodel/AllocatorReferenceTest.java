package dev.cskit.touchmodel;

import dev.cskit.core.InfeasiblePlanException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The allocator against scipy's HiGHS LP optimum on instances of 50 to 250 accounts
 * (src/test/resources/reference/allocation_lp.py).
 */
class AllocatorReferenceTest {
  private static List<String[]> csv(String name) throws Exception {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        AllocatorReferenceTest.class.getResourceAsStream("/reference/" + name), StandardCharsets.UTF_8))) {
      return r.lines().skip(1).map(l -> l.split(",", -1)).collect(Collectors.toList());
    }
  }

  @Test
  void matchesTheLpOptimum() throws Exception {
    Map<Integer, List<String[]>> rows = new TreeMap<>();
    for (String[] c : csv("allocation_instances.csv")) {
      rows.computeIfAbsent(Integer.parseInt(c[0]), k -> new ArrayList<>()).add(c);
    }
    int checked = 0;
    double maxDiff = 0;
    for (String[] o : csv("allocation_optima.csv")) {
      int inst = Integer.parseInt(o[0]);
      int tiers = Integer.parseInt(o[1]);
      double[] hours = parse(o[2]);
      double[] cap = parse(o[3]);
      List<String[]> accts = rows.get(inst);
      double[][] value = new double[accts.size()][tiers];
      int[] fixed = new int[accts.size()];
      for (int i = 0; i < accts.size(); i++) {
        fixed[i] = Integer.parseInt(accts.get(i)[2]);
        for (int t = 0; t < tiers; t++) {
          value[i][t] = Double.parseDouble(accts.get(i)[3 + t]);
        }
      }
      if (!o[4].equals("0")) {
        assertThrows(InfeasiblePlanException.class, () -> Allocator.solve(value, hours, cap, fixed));
        checked++;
        continue;
      }
      double optimum = Double.parseDouble(o[5]);
      Allocation a = Allocator.solve(value, hours, cap, fixed);
      double diff = Math.abs(a.objective() - optimum);
      maxDiff = Math.max(maxDiff, diff / optimum);
      assertEquals(optimum, a.objective(), 1e-7 * optimum, "instance " + inst);
      assertEquals(optimum, a.upperBound(), 1e-7 * optimum, "bound, instance " + inst);
      checked++;
    }
    assertEquals(6, checked);
    assertTrue(maxDiff < 1e-7);
  }

  private static double[] parse(String s) {
    String[] p = s.split(";");
    double[] d = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      d[i] = p[i].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(p[i]);
    }
    return d;
  }
}
