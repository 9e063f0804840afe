package dev.cskit.cli;

import dev.cskit.core.AccountId;

import dev.cskit.core.io.CsvOutput;
import dev.cskit.touchmodel.Boundary;
import dev.cskit.touchmodel.PreviousTier;
import dev.cskit.touchmodel.Segmentation;
import dev.cskit.touchmodel.TierAssignment;
import dev.cskit.touchmodel.TierSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cskit segment}: assigns each account a touch tier under a touch model and says why. JSON: {@code
 * {"accounts":[{"accountId","tier","reason","previousTier","changed",...}],"tiers":[{"tier","accounts","arr",
 * "hoursNeeded","hoursAvailable",...}]}}.
 */
@Command(
    name = "segment",
    mixinStandardHelpOptions = true,
    description = "Assign every account a touch tier (tech, low, high...) under a touch model, with the reason.")
public final class SegmentCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin TouchInputs inputs;

  @CommandLine.Mixin TableFormatOption tableFormat;

  @Override
  public Integer call() {
    Segmentation s = inputs.segment(inputs.model(), spec.commandLine());
    Map<AccountId, PreviousTier> previous = TouchInputs.previous(inputs.previous);
    PrintWriter out = spec.commandLine().getOut();
    Warn.print(inputs.warnings, spec.commandLine().getErr());
    switch (tableFormat.format) {
      case JSON:
        Map<String, Object> doc = json(s, previous);
        doc.put("warnings", inputs.warnings.list());
        out.println(Json.write(doc));
        break;
      case CSV:
        CsvOutput csv = new CsvOutput(out);
        csv.row("account_id", "tier", "reason", "previous_tier", "changed", "held", "kind", "wanted_tier",
            "boundary_field", "boundary_threshold", "boundary_distance", "arr", "ltv", "band", "action", "since");
        for (TierAssignment a : s.assignments()) {
          Boundary b = a.boundary();
          csv.row(a.accountId().value(), a.tier(), a.reason(), a.previousTier() == null ? "" : a.previousTier(),
              Boolean.toString(a.changed()), Boolean.toString(a.held()), a.kind().name().toLowerCase(java.util.Locale.ROOT),
              a.wantedTier(), b == null ? "" : b.field(), b == null ? "" : CsvOutput.number(b.threshold()),
              b == null ? "" : CsvOutput.number(b.distance()), CsvOutput.number(a.arr()),
              CsvOutput.number(a.ltv()), a.band(), a.action() == null ? "" : a.action(),
              PreviousTier.since(previous.get(a.accountId()), a.tier(), s.asOf()).toString());
        }
        csv.flush();
        break;
      default:
        out.print(s);
    }
    out.flush();
    return Main.OK;
  }

  /** The JSON form of a segmentation without previous tiers (every account enters its tier on the as-of date). */
  static Map<String, Object> json(Segmentation s) {
    return json(s, Map.of());
  }

  /** The JSON form of a segmentation; {@code since} from the previous tiers. */
  static Map<String, Object> json(Segmentation s, Map<AccountId, PreviousTier> previous) {
    List<Object> accounts = new ArrayList<>();
    for (TierAssignment a : s.assignments()) {
      Boundary b = a.boundary();
      accounts.add(Json.object(
          "accountId", a.accountId().value(),
          "tier", a.tier(),
          "reason", a.reason(),
          "previousTier", a.previousTier(),
          "changed", a.changed(),
          "held", a.held(),
          "kind", a.kind().name().toLowerCase(java.util.Locale.ROOT),
          "wantedTier", a.wantedTier(),
          "boundary", b == null ? null : Json.object("field", b.field(), "threshold", b.threshold(),
              "value", b.value(), "distance", b.distance()),
          "arr", a.arr(),
          "ltv", a.ltv(),
          "band", a.band(),
          "action", a.action(),
          "since", PreviousTier.since(previous.get(a.accountId()), a.tier(), s.asOf()).toString()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("asOf", s.asOf().toString());
    out.put("accounts", accounts);
    out.put("tiers", tiers(s));
    out.put("changed", s.changedCount());
    out.put("held", s.heldCount());
    s.allocation().ifPresent(r -> out.put("allocation", Json.object("objective", r.objective(),
        "greedyObjective", r.greedyObjective(), "upperBound", r.upperBound(), "gap", r.gap(),
        "exchanges", r.exchanges())));
    return out;
  }

  static List<Object> tiers(Segmentation s) {
    List<Object> tiers = new ArrayList<>();
    for (TierSummary t : s.tiers()) {
      tiers.add(Json.object("tier", t.tier(), "accounts", t.accounts(), "arr", t.arr(),
          "hoursNeeded", t.hoursNeeded(), "hoursAvailable", t.hoursAvailable(), "ltv", t.ltv(), "cost", t.cost()));
    }
    return tiers;
  }
}
