package dev.cskit.benchmarks.card;

import dev.cskit.core.MetricTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive baseline, written the way a first version usually is: each account a map of metric name to boxed
 * value (missing metrics absent), the card a list of measure objects with a rule interface, one result object
 * per account.
 */
public final class ObjectPerAccount {

  /** One account's metrics. */
  public record Account(String id, Map<String, Double> metrics) {}

  /** A rule: a value to a sub-score. */
  public interface Rule {
    double score(double value);
  }

  /** A linear rule over points. */
  public static final class LinearRule implements Rule {
    private final double[] xs;
    private final double[] ss;

    public LinearRule(double[] xs, double[] ss) {
      this.xs = xs;
      this.ss = ss;
    }

    @Override
    public double score(double v) {
      if (v <= xs[0]) {
        return ss[0];
      }
      for (int p = 1; p < xs.length; p++) {
        if (v < xs[p]) {
          return ss[p - 1] + (v - xs[p - 1]) * (ss[p] - ss[p - 1]) / (xs[p] - xs[p - 1]);
        }
      }
      return ss[ss.length - 1];
    }
  }

  /** A weighted measure. */
  public record Measure(String id, String metric, double weight, Rule rule) {}

  /** A band. */
  public record Band(String name, double min) {}

  /** The result for one account. */
  public static final class AccountScore {
    public final String accountId;
    public final Double score;
    public final String band;

    AccountScore(String accountId, Double score, String band) {
      this.accountId = accountId;
      this.score = score;
      this.band = band;
    }
  }

  private final List<Measure> measures = new ArrayList<>();
  private final List<Band> bands = List.of(new Band("red", 0), new Band("yellow", 40), new Band("green", 70));

  public ObjectPerAccount(CardSpec card) {
    for (int j = 0; j < card.measures(); j++) {
      measures.add(new Measure("m" + (j + 1), card.metric(j), card.weight(j),
          new LinearRule(card.xs(j), card.scores(j))));
    }
  }

  /** The accounts of a table as objects (done once, outside the timed part). */
  public static List<Account> accounts(MetricTable table) {
    List<Account> out = new ArrayList<>(table.rowCount());
    List<String> metrics = table.metrics();
    for (int i = 0; i < table.rowCount(); i++) {
      Map<String, Double> m = new HashMap<>();
      MetricTable.Row row = table.row(i);
      for (int j = 0; j < metrics.size(); j++) {
        double v = row.get(j);
        if (!Double.isNaN(v)) {
          m.put(metrics.get(j), v);
        }
      }
      out.add(new Account(table.accountId(i).value(), m));
    }
    return out;
  }

  /** Scores every account. */
  public List<AccountScore> score(List<Account> accounts) {
    List<AccountScore> out = new ArrayList<>(accounts.size());
    for (Account a : accounts) {
      out.add(score(a));
    }
    return out;
  }

  /** Scores one account. */
  public AccountScore score(Account a) {
    double num = 0;
    double den = 0;
    for (Measure m : measures) {
      Double v = a.metrics().get(m.metric());
      if (v != null) {
        num += m.weight() * m.rule().score(v);
        den += m.weight();
      }
    }
    if (den == 0) {
      return new AccountScore(a.id(), null, "INSUFFICIENT_DATA");
    }
    Double score = num / den;
    String band = null;
    for (Band b : bands) {
      if (score >= b.min()) {
        band = b.name();
      }
    }
    return new AccountScore(a.id(), score, band);
  }

  /** The summary of a list of results. */
  public static ScoreSummary summary(List<AccountScore> scores) {
    long red = 0;
    long yellow = 0;
    long green = 0;
    long none = 0;
    double sum = 0;
    for (AccountScore s : scores) {
      switch (s.band) {
        case "red" -> red++;
        case "yellow" -> yellow++;
        case "green" -> green++;
        default -> none++;
      }
      if (s.score != null) {
        sum += s.score;
      }
    }
    return new ScoreSummary(red, yellow, green, none, sum);
  }
}
