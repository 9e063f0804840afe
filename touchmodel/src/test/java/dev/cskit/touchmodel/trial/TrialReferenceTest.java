package dev.cskit.touchmodel.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The trial statistics against R ({@code power.prop.test}, {@code fisher.test}: trial_r.R) and statsmodels /
 * scipy (Wilson and Newcombe intervals, NormalIndPower, the Beta posterior by quadrature and Monte Carlo:
 * trial_py.py), all under src/test/resources/reference/trial/.
 */
class TrialReferenceTest {
  static final double TOL = 1e-9;

  static List<String[]> csv(String name) throws Exception {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        TrialReferenceTest.class.getResourceAsStream("/reference/trial/" + name), StandardCharsets.UTF_8))) {
      return r.lines().skip(1).map(l -> l.split(",", -1)).collect(Collectors.toList());
    }
  }

  static double d(String s) {
    return s.equals("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(s);
  }

  static void close(double expected, double actual, double tol, String what) {
    if (Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
      return;
    }
    assertEquals(expected, actual, tol * Math.max(1, Math.abs(expected)), what);
  }

  @Test
  void planEqualsPowerPropTest() throws Exception {
    List<String[]> rows = csv("power_prop_test.csv");
    double max = 0;
    for (String[] r : rows) {
      TrialPlan p = Trials.plan(d(r[0]), d(r[1]), d(r[2]), d(r[3]), Double.NaN, Boolean.parseBoolean(r[4]));
      double n = d(r[5]);
      close(n, p.nPerArm(), TOL, String.join(",", r));
      assertEquals((long) Math.ceil(n), p.accountsPerArm());
      max = Math.max(max, Math.abs(n - p.nPerArm()) / n);
    }
    assertTrue(rows.size() > 500);
    System.out.printf("power.prop.test: %d plans, max relative difference %.3g%n", rows.size(), max);
  }

  @Test
  void arcsineEqualsNormalIndPower() throws Exception {
    for (String[] r : csv("arcsine_power.csv")) {
      TrialPlan p = Trials.plan(d(r[0]), d(r[1]), d(r[2]), d(r[3]));
      close(d(r[4]), p.nPerArmArcsine(), TOL, String.join(",", r));
    }
  }

  @Test
  void fisherEqualsR() throws Exception {
    double max = 0;
    for (String[] r : csv("fisher_test.csv")) {
      int a = Integer.parseInt(r[0]);
      int b = Integer.parseInt(r[1]);
      int c = Integer.parseInt(r[2]);
      int dd = Integer.parseInt(r[3]);
      FisherExact f = new FisherExact(a, b, c, dd, 0.95);
      String what = String.join(",", r);
      close(d(r[4]), f.pValue, TOL, "p " + what);
      close(d(r[5]), f.oddsRatio, TOL, "or " + what);
      close(d(r[6]), f.lower, TOL, "lower " + what);
      close(d(r[7]), f.upper, TOL, "upper " + what);
      FisherExact f90 = new FisherExact(a, b, c, dd, 0.90);
      close(d(r[8]), f90.lower, TOL, "lower90 " + what);
      close(d(r[9]), f90.upper, TOL, "upper90 " + what);
      ArmComparison cmp = Trials.analyse(a, a + b, c, c + dd).overall();
      assertEquals(f.pValue, cmp.fisherP());
      max = Math.max(max, Math.abs(d(r[4]) - f.pValue));
    }
    System.out.printf("fisher.test: max p difference %.3g%n", max);
  }

  @Test
  void intervalsEqualStatsmodels() throws Exception {
    for (String[] r : csv("intervals.csv")) {
      int x1 = Integer.parseInt(r[0]);
      int n1 = Integer.parseInt(r[1]);
      int x2 = Integer.parseInt(r[2]);
      int n2 = Integer.parseInt(r[3]);
      ArmComparison c = Trials.analyse(x1, n1, x2, n2, d(r[4]), BetaPrior.UNIFORM, BetaPrior.UNIFORM).overall();
      String what = String.join(",", r);
      close(d(r[5]), c.playLower(), TOL, "low1 " + what);
      close(d(r[6]), c.playUpper(), TOL, "upp1 " + what);
      close(d(r[7]), c.controlLower(), TOL, "low2 " + what);
      close(d(r[8]), c.controlUpper(), TOL, "upp2 " + what);
      close(d(r[9]), c.difference(), TOL, "diff " + what);
      close(d(r[10]), c.differenceLower(), TOL, "diff_low " + what);
      close(d(r[11]), c.differenceUpper(), TOL, "diff_upp " + what);
    }
  }

  @Test
  void posteriorEqualsQuadratureAndMonteCarlo() throws Exception {
    for (String[] r : csv("beta_posterior.csv")) {
      double p = Trials.probabilityGreater(d(r[0]), d(r[1]), d(r[2]), d(r[3]));
      String what = String.join(",", r);
      close(d(r[4]), p, TOL, "quad " + what);
      double se = d(r[6]);
      assertTrue(Math.abs(p - d(r[5])) <= 4 * Math.max(se, 1e-6), "monte carlo " + what);
    }
  }
}
