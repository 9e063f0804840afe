package dev.cskit.cli;

import dev.cskit.core.MetricTable;
import dev.cskit.core.io.TextTable;
import dev.cskit.touchmodel.KMeans;
import dev.cskit.touchmodel.UsageGroupSettings;
import dev.cskit.touchmodel.UsageGroups;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit touch groups}: the eight usage groups, and k-means groups if asked. */
@Command(
    name = "groups",
    mixinStandardHelpOptions = true,
    description = {
      "Group accounts by usage: each is high or low on utilization (login_14d + app_built_14d), engagement "
          + "(seminar_attended_14d + email_clicked_14d + support_question_14d) and penetration "
          + "(penetration_14d), which names one of eight groups; high means above the median, or at least a "
          + "threshold you give.",
      "With --k, also seeded k-means groups on log(1 + x) standardised columns (--columns, default the axes' "
          + "columns): the same data, k and seed give the same groups."
    })
public final class TouchGroupsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--metrics", paramLabel = "FILE", required = true,
      description = "Usage metrics CSV (the output of 'cskit usage', or the sample's metrics.csv).")
  Path metrics;

  @Option(names = "--utilization", paramLabel = "COLS", split = ",", description = "Utilization columns.")
  List<String> utilization;

  @Option(names = "--engagement", paramLabel = "COLS", split = ",", description = "Engagement columns.")
  List<String> engagement;

  @Option(names = "--penetration", paramLabel = "COLS", split = ",", description = "Penetration columns.")
  List<String> penetration;

  @Option(names = "--utilization-threshold", paramLabel = "X", description = "Fixed split (default: the median).")
  Double utilizationThreshold;

  @Option(names = "--engagement-threshold", paramLabel = "X", description = "Fixed split (default: the median).")
  Double engagementThreshold;

  @Option(names = "--penetration-threshold", paramLabel = "X", description = "Fixed split (default: the median).")
  Double penetrationThreshold;

  @Feeds("k")
  @Option(names = "--k", paramLabel = "K", description = "Also k-means with K groups (optional).")
  Integer k;

  @Option(names = "--columns", paramLabel = "COLS", split = ",",
      description = "k-means columns (default: the axes' columns).")
  List<String> columns;

  @Option(names = "--seed", paramLabel = "S", description = "k-means seed (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @CommandLine.Mixin TableFormatOption tableFormat;

  @Override
  public Integer call() {
    MetricTable table = MetricTable.readCsv(metrics);
    UsageGroupSettings settings = new UsageGroupSettings(utilization, engagement, penetration,
        utilizationThreshold, engagementThreshold, penetrationThreshold);
    UsageGroups groups = UsageGroups.of(table, settings);
    List<String> cols = columns;
    if (cols == null) {
      cols = new ArrayList<>(settings.utilization());
      cols.addAll(settings.engagement());
      cols.addAll(settings.penetration());
    }
    KMeans.Clustering km = k == null ? null : KMeans.cluster(table, cols, k, seed);
    List<String> kmColumns = cols;
    Output.print(spec, tableFormat.format, () -> text(groups, km), csv -> {
      csv.row("account_id", "group", "code", "utilization", "engagement", "penetration", "cluster");
      int[] labels = km == null ? null : km.labels();
      for (int i = 0; i < groups.accounts().size(); i++) {
        csv.row(groups.accounts().get(i).value(), groups.groupOf(i), UsageGroups.code(groups.groupOf(i)),
            Output.n(groups.axis(0, i)), Output.n(groups.axis(1, i)), Output.n(groups.axis(2, i)),
            labels == null ? "" : String.valueOf(labels[i] + 1));
      }
    }, () -> json(groups, km, kmColumns, seed));
    return Main.OK;
  }

  static Map<String, Object> json(UsageGroups g, KMeans.Clustering km, List<String> columns, long seed) {
    List<Object> accounts = new ArrayList<>();
    int[] labels = km == null ? null : km.labels();
    for (int i = 0; i < g.accounts().size(); i++) {
      Map<String, Object> a = Json.object("accountId", g.accounts().get(i).value(), "group", g.groupOf(i),
          "code", UsageGroups.code(g.groupOf(i)));
      if (labels != null) {
        a.put("cluster", labels[i] + 1);
      }
      accounts.add(a);
    }
    double[] th = g.thresholds();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("thresholds", Json.object("utilization", th[0], "engagement", th[1], "penetration", th[2]));
    doc.put("counts", g.counts());
    if (km != null) {
      List<Integer> sizes = new ArrayList<>();
      for (int s : km.sizes()) {
        sizes.add(s);
      }
      doc.put("kmeans", Json.object("k", sizes.size(), "seed", seed, "columns", columns, "sizes", sizes,
          "inertia", km.inertia(), "iterations", km.iterations()));
    }
    doc.put("accounts", accounts);
    return doc;
  }

  static String text(UsageGroups g, KMeans.Clustering km) {
    StringBuilder sb = new StringBuilder();
    TextTable t = TextTable.withHeader("usage group", "code", "accounts", "share");
    int n = g.accounts().size();
    g.counts().forEach((name, c) -> t.row(name, UsageGroups.code(name), c, TextTable.percent((double) c / n)));
    double[] th = g.thresholds();
    sb.append(t).append(String.format(java.util.Locale.ROOT,
        "high means above: utilization %s, engagement %s, penetration %s%n", TextTable.number(th[0]),
        TextTable.number(th[1]), TextTable.number(th[2])));
    if (km != null) {
      TextTable c = TextTable.withHeader("k-means group", "accounts", "share");
      int[] sizes = km.sizes();
      for (int i = 0; i < sizes.length; i++) {
        c.row(i + 1, sizes[i], TextTable.percent((double) sizes[i] / n));
      }
      sb.append('\n').append(c).append(String.format(java.util.Locale.ROOT,
          "within-group sum of squares %.1f after %d iterations%n", km.inertia(), km.iterations()));
    }
    return sb.toString();
  }
}
