package dev.cskit.cli;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import dev.cskit.core.MetricTable;
import dev.cskit.core.TouchTier;
import dev.cskit.core.io.TextTable;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.sample.SurveyResponse;
import dev.cskit.survey.BenchmarkPrior;
import dev.cskit.survey.BetaPrior;
import dev.cskit.survey.EscalationPlan;
import dev.cskit.survey.Fpc;
import dev.cskit.survey.MarginOptions;
import dev.cskit.survey.Nps;
import dev.cskit.survey.PlanResult;
import dev.cskit.survey.ResponseModel;
import dev.cskit.survey.SampleSize;
import dev.cskit.survey.SilentCheck;
import dev.cskit.survey.SilentRiskOptions;
import dev.cskit.survey.Wave;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.touchmodel.Segmentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo's survey section: what the last NPS wave says (NPS, interval, margin of error), how many
 * e-mail invitations would bring 150 answers (at most a tenth of the contacts) with 90% probability
 * (beta-binomial on the updated rate), the cheapest plan to reach a 35% response rate with 90% confidence next time, respondents against the silent
 * on usage, and the silent accounts at risk: red health (the health section's shared scores, {@code
 * "healthScores"}) or a score below 40, unscored, usage down 30% or more, or no events in 30 days; lowest
 * health first.
 *
 * <p>Planning assumptions (stated in the output): the e-mail rate is the posterior mean after the sample's
 * e-mail wave, starting from the {@link BenchmarkPrior#FIRST_SURVEY} prior; reminders add 11 and 4 points of
 * the invited (a randomized panel's first two reminders); in-app prompts reach 5% of the still silent;
 * phone calls (low and high touch, 150 calls) 25%; visits (high touch, 25 visits) 50%. Costs per contact:
 * e-mail and reminders 0.02, in-app 0.10, a call 8, a visit 120. Touch tiers come from the example touch
 * model on the health section's scores (the touch-model section's, shared as {@code "touchSegmentation"}); an account it does not
 * place falls back to its segment (smb: tech, mid: low, enterprise: high).
 */
final class SurveySection implements DemoSection {
  static final double TARGET_RATE = 0.35;
  static final double PROBABILITY = 0.9;
  static final double DECLINE = -0.3;
  static final double HEALTH_BELOW = 40;

  @Override
  public String key() {
    return "survey";
  }

  @Override
  public String title() {
    return "Survey";
  }

  /**
   * The cheapest plan to reach a 35% response rate with 90% confidence: e-mail at the updated rate, two
   * reminders, in-app, phone and visits (see the class comment), over the contacts per touch tier.
   */
  static PlanResult plan(double email, Map<TouchTier, Long> contacts) {
    double r1 = Math.min(1, 0.11 / (1 - email));
    double r2 = Math.min(1, 0.04 / ((1 - email) * (1 - r1)));
    List<Wave> waves = List.of(
        new Wave("email", "email", email, 0.02, null, null, true),
        new Wave("reminder-1", "email", r1, 0.02, null, null, false),
        new Wave("reminder-2", "email", r2, 0.02, null, null, false),
        new Wave("in-app", "in-app", 0.05, 0.10, null, null, false),
        new Wave("phone", "phone", 0.25, 8, 150L, List.of("low", "high"), false),
        new Wave("visit", "visit", 0.50, 120, 25L, List.of("high"), false));
    Map<TouchTier, Long> population = new LinkedHashMap<>();
    contacts.forEach((t, n) -> {
      if (n > 0) {
        population.put(t, n);
      }
    });
    List<Wave> usable = waves.stream()
        .filter(w -> w.tiers() == null || w.tiers().stream().anyMatch(t -> population.containsKey(TouchTier.of(t))))
        .map(w -> w.tiers() == null ? w : new Wave(w.name(), w.channel(), w.rate(), w.costPerContact(), w.capacity(),
            w.tiers().stream().filter(t -> population.containsKey(TouchTier.of(t))).toList(), w.required()))
        .toList();
    return EscalationPlan.of(EscalationPlan.Population.ofTiers(population),
        EscalationPlan.Target.rate(TARGET_RATE, PROBABILITY), usable).cheapest();
  }

  /** The contacts of the sample's last wave per touch tier (the example touch model's tiers). */
  static Map<TouchTier, Long> contacts(DemoContext context) {
    SamplePortfolio p = context.portfolio();
    Segmentation segmentation = TouchModelSection.segmentation(context);
    Map<AccountId, TouchTier> tierOf = new HashMap<>();
    for (Account a : p.accounts()) {
      String t = segmentation.tierOf(a.id());
      tierOf.put(a.id(), t == null ? tier(a.attribute("segment")) : TouchTier.of(t));
    }
    Map<TouchTier, Long> contacts = new LinkedHashMap<>();
    for (TouchTier t : List.of(TouchTier.TECH, TouchTier.LOW, TouchTier.HIGH)) {
      contacts.put(t, 0L);
    }
    for (SurveyResponse r : p.surveyResponses()) {
      contacts.merge(tierOf.getOrDefault(r.accountId(), TouchTier.TECH), 1L, Long::sum);
    }
    return contacts;
  }

  @Override
  public Result run(DemoContext context) {
    SamplePortfolio p = context.portfolio();
    List<SurveyResponse> responses = p.surveyResponses();
    // touch tiers from the example touch model on the health section's scores (the touch-model section's)
    Segmentation segmentation = TouchModelSection.segmentation(context);
    Map<AccountId, TouchTier> tierOf = new HashMap<>();
    for (Account a : p.accounts()) {
      String t = segmentation.tierOf(a.id());
      tierOf.put(a.id(), t == null ? tier(a.attribute("segment")) : TouchTier.of(t));
    }
    long invited = responses.size();
    long responded = responses.stream().filter(SurveyResponse::responded).count();
    Nps nps = Nps.ofScores(responses.stream().filter(SurveyResponse::responded).map(SurveyResponse::score).toList());
    Map<TouchTier, Long> contacts = new LinkedHashMap<>();
    for (TouchTier t : List.of(TouchTier.TECH, TouchTier.LOW, TouchTier.HIGH)) {
      contacts.put(t, 0L);
    }
    Set<AccountId> answered = new LinkedHashSet<>();
    Set<AccountId> surveyed = new LinkedHashSet<>();
    for (SurveyResponse r : responses) {
      contacts.merge(tierOf.getOrDefault(r.accountId(), TouchTier.TECH), 1L, Long::sum);
      surveyed.add(r.accountId());
      if (r.responded()) {
        answered.add(r.accountId());
      }
    }
    List<String> lines = new ArrayList<>();
    Map<String, Object> json = new LinkedHashMap<>();
    BetaPrior prior = BenchmarkPrior.FIRST_SURVEY.prior();
    json.put("lastWave", Json.object("invited", invited, "responded", responded,
        "rate", invited == 0 ? Double.NaN : (double) responded / invited,
        "nps", nps.total() == 0 ? Double.NaN : nps.score()));
    if (invited == 0) {
      return new Result("No survey invitations in this portfolio.", json);
    }
    Nps.Interval ci = nps.total() == 0 ? null : nps.interval(0.95);
    lines.add(String.format(Locale.ROOT,
        "Last NPS wave (e-mail, %s): %d contacts invited, %d answered (%.1f%%); NPS %s%s.",
        responses.get(0).invitedOn(), invited, responded, 100.0 * responded / invited,
        ci == null ? "-" : TextTable.number(ci.nps()),
        ci == null ? "" : String.format(Locale.ROOT, " (95%% adjusted-Wald %.1f to %.1f)", ci.lower(), ci.upper())));
    BetaPrior posterior = prior.update(invited, responded);
    json.put("emailRate", Json.object("prior", BenchmarkPrior.FIRST_SURVEY.toString(), "priorAlpha", prior.alpha(),
        "priorBeta", prior.beta(), "posteriorAlpha", posterior.alpha(), "posteriorBeta", posterior.beta(),
        "posteriorMean", posterior.mean()));
    double email = posterior.mean();
    // the next wave by e-mail alone: invitations for 150 answers (at most a tenth of the contacts) with 90%
    // probability, the rate uncertain
    ResponseModel emailModel = ResponseModel.betaBinomial(posterior);
    long wanted = Math.min(150, Math.max(1, invited / 10));
    ResponseModel.Invitations needed = null;
    try {
      needed = emailModel.invitationsFor(wanted, PROBABILITY, invited);
    } catch (dev.cskit.core.CskitException e) {
      // fewer contacts than needed: reported as null
    }
    double npsMargin = nps.total() < 1 ? Double.NaN
        : SampleSize.margin(MarginOptions.builder().responses(nps.total()).confidence(0.95).variance(nps.variance())
            .fpc(Fpc.COCHRAN).build()) * 100;
    json.put("nextEmailWave", Json.object("targetResponses", wanted, "probability", PROBABILITY,
        "invitations", needed == null ? null : needed.invitations(),
        "expectedResponses", needed == null ? Double.NaN : needed.expectedResponses()));
    PlanResult plan = plan(email, contacts);
    json.put("plan", SurveyCommand.planJson(plan));
    lines.add(String.format(Locale.ROOT,
        "E-mail response rate: %s prior updated with the wave -> Beta(%.1f, %.1f), mean %.1f%%.",
        BenchmarkPrior.FIRST_SURVEY, posterior.alpha(), posterior.beta(), 100 * email));
    lines.add(String.format(Locale.ROOT, "The last wave's NPS has a margin of error of +/- %.1f points (95%%).",
        npsMargin));
    lines.add(needed == null
        ? String.format(Locale.ROOT, "E-mail alone cannot bring %d answers with %.0f%% probability from %d contacts.",
            wanted, 100 * PROBABILITY, invited)
        : String.format(Locale.ROOT,
            "For %d answers with %.0f%% probability by e-mail alone, invite %d contacts (beta-binomial, expecting %.1f).",
            wanted, 100 * PROBABILITY, needed.invitations(), needed.expectedResponses()));
    Map<TouchTier, Long> population = new LinkedHashMap<>(contacts);
    population.values().removeIf(n -> n == 0);
    lines.add(String.format(Locale.ROOT, "Contacts per touch tier: %s.", TextTable.pairs(population)));
    lines.add(plan.statement());
    TextTable t = TextTable.withHeader("wave", "channel", "contacts", "responses", "cumulative rate", "cost");
    plan.waves().forEach(w -> t.row(w.name(), w.channel(), w.contacts(), w.responses(), w.cumulativeRate(), w.cost()));
    lines.add(t.toString());

    // silent accounts: surveyed, nobody answered
    MetricTable usage = p.usage();
    List<AccountId> silent = surveyed.stream().filter(a -> !answered.contains(a)).toList();
    SilentCheck.Balance balance = SilentCheck.compare(
        restrict(usage, surveyed).select("active_days_30d", "events_30d", "events_change_30d", "penetration_30d",
            "active_users_30d"),
        answered, SilentCheck.DEFAULT_SMD_THRESHOLD);
    // the health section's scores (shared), their bands, and usage
    ScoreTable scores = HealthSection.scores(context);
    Map<AccountId, Double> health = new HashMap<>();
    Map<AccountId, HealthBand> bands = new HashMap<>();
    for (int i = 0; i < scores.size(); i++) {
      health.put(scores.accountId(i), scores.score(i));
      bands.put(scores.accountId(i), scores.band(i));
    }
    List<SilentCheck.SilentAccount> ranked = SilentCheck.atRisk(silent, SilentRiskOptions.builder().health(health)
        .bands(bands).lowBands(Set.of(HealthBand.RED)).healthBelow(HEALTH_BELOW).usage(usage)
        .usageChangeMetric("events_change_30d").declineBelow(DECLINE).activityMetric("events_30d").build());
    Map<AccountId, Account> byId = new HashMap<>();
    p.accounts().forEach(a -> byId.put(a.id(), a));
    // at risk first, lowest health first, then the steepest usage fall
    List<SilentCheck.SilentAccount> atRisk = ranked.stream().filter(SilentCheck.SilentAccount::atRisk).toList();
    List<Object> balanceJson = new ArrayList<>();
    balance.rows().forEach(r -> balanceJson.add(Json.object("metric", r.metric(), "respondentMean", r.respondentMean(),
        "silentMean", r.silentMean(), "smd", r.smd(), "flagged", r.flagged())));
    List<Object> riskJson = new ArrayList<>();
    for (SilentCheck.SilentAccount s : atRisk) {
      Account a = byId.get(s.accountId());
      HealthBand band = bands.get(s.accountId());
      riskJson.add(Json.object("accountId", s.accountId().value(), "arr", a == null ? Double.NaN : a.arr(),
          "health", s.health(), "band", band == null ? null : band.name(),
          "usageChange", s.usageChange(), "reasons", s.reasons()));
    }
    json.put("silentCheck", Json.object("respondingAccounts", answered.size(), "silentAccounts", silent.size(),
        "metrics", balanceJson));
    json.put("silentAtRisk", Json.object("basis", "health band red or score below 40 (the health section's"
            + " scores), or unscored; events_change_30d below -0.3; or no events in 30 days",
        "count", atRisk.size(), "accounts", riskJson));
    lines.add(String.format(Locale.ROOT,
        "Respondents vs silent accounts (standardized mean differences; |SMD| >= %.1f flagged):",
        SilentCheck.DEFAULT_SMD_THRESHOLD));
    lines.add(balance.toString());
    lines.add(String.format(Locale.ROOT,
        "%d of %d surveyed accounts stayed silent; %d are at risk (red health, falling or no usage), first 10:",
        silent.size(), surveyed.size(), atRisk.size()));
    TextTable rt = TextTable.withHeader("account", "arr", "health", "usage change 30d", "reasons");
    atRisk.stream().limit(10).forEach(s -> rt.row(s.accountId(),
        byId.containsKey(s.accountId()) ? byId.get(s.accountId()).arr() : null, s.health(), s.usageChange(),
        s.reasons()));
    lines.add(rt.toString());
    return new Result(String.join("\n", lines), json);
  }

  static MetricTable restrict(MetricTable table, Set<AccountId> ids) {
    List<String> metrics = table.metrics();
    MetricTable.Builder b = MetricTable.builder(metrics);
    for (int i = 0; i < table.rowCount(); i++) {
      if (ids.contains(table.accountId(i))) {
        double[] v = new double[metrics.size()];
        for (int m = 0; m < v.length; m++) {
          v[m] = table.value(i, metrics.get(m));
        }
        b.addRow(table.accountId(i), v);
      }
    }
    return b.build();
  }

  static TouchTier tier(String segment) {
    if (segment == null) {
      return TouchTier.TECH;
    }
    switch (segment) {
      case "enterprise":
        return TouchTier.HIGH;
      case "mid":
        return TouchTier.LOW;
      default:
        return TouchTier.TECH;
    }
  }
}
