package dev.cskit.cli;

import dev.cskit.core.AccountId;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.sample.SampleRoster;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.touchmodel.AccountHealth;
import dev.cskit.touchmodel.PreviousTier;
import dev.cskit.touchmodel.Segmentation;
import dev.cskit.touchmodel.TierAssignment;
import dev.cskit.touchmodel.TouchModel;
import dev.cskit.touchmodel.books.AccountBook;
import dev.cskit.touchmodel.books.BookAssignment;
import dev.cskit.touchmodel.books.Books;
import dev.cskit.touchmodel.books.Manager;
import dev.cskit.touchmodel.books.Roster;
import dev.cskit.touchmodel.trial.Arm;
import dev.cskit.touchmodel.trial.BetaPrior;
import dev.cskit.touchmodel.trial.TrialAnalysis;
import dev.cskit.touchmodel.trial.TrialOutcome;
import dev.cskit.touchmodel.trial.TrialPlan;
import dev.cskit.touchmodel.trial.Trials;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's books-and-trials section: the sample's 12 managers' books on the touch-model section's tiers, the
 * books a month later (one manager down to 80 hours) with continuity, the plan of a trial from 10% to 15% at
 * 80% power and 100 accounts a month, and the sample trial analysed by tier and band.
 */
final class BooksAndTrialsSection implements DemoSection {
  @Override
  public String key() {
    return "booksAndTrials";
  }

  @Override
  public String title() {
    return "Books of business and play trials";
  }

  @Override
  public Result run(DemoContext context) {
    SamplePortfolio p = context.portfolio();
    TouchModel model = TouchModel.example();
    Roster roster = roster();
    Segmentation s1 = TouchModelSection.segmentation(context);
    BookAssignment b1 = Books.assign(roster, Books.accounts(s1, model, p.accounts(), Map.of()));

    // a month later: last month's tiers and managers, one manager (M02) down to 80 hours
    Map<AccountId, PreviousTier> prevTiers = new HashMap<>();
    for (TierAssignment t : s1.assignments()) {
      prevTiers.put(t.accountId(), PreviousTier.of(t.tier(), p.asOf().minusMonths(6)));
    }
    Map<AccountId, String> prevManagers = new HashMap<>();
    for (AccountBook a : b1.accounts()) {
      if (a.manager() != null) {
        prevManagers.put(a.accountId(), a.manager());
      }
    }
    Segmentation s2 = model.segment(p.accounts(), health(HealthSection.scores(context)), prevTiers,
        p.asOf().plusMonths(1));
    List<Manager> ms = new ArrayList<>(roster.managers());
    Manager m2 = ms.get(1);
    ms.set(1, new Manager(m2.id(), m2.tier(), 80, m2.maxAccounts(), m2.regions(), m2.languages(), m2.segments()));
    BookAssignment b2 = Books.assign(Roster.of(ms), Books.accounts(s2, model, p.accounts(), prevManagers));

    TrialPlan plan = Trials.plan(0.10, 0.15, 0.8, 0.05, 100, false);
    List<TrialOutcome> outcomes = new ArrayList<>();
    for (SampleRoster.TrialRow r : SampleRoster.trial(p)) {
      TierAssignment t = s1.of(r.accountId());
      outcomes.add(new TrialOutcome(r.accountId(), Arm.parse(r.arm()), t.tier(), t.band(), r.converted()));
    }
    TrialAnalysis analysis = Trials.analyse(outcomes, 0.95, BetaPrior.UNIFORM, BetaPrior.UNIFORM);

    String text = "Books of 12 managers (sample roster) on the touch model's tiers, as of " + p.asOf() + ":\n\n"
        + b1 + "\nA month later, with M02 down to 80 hours:\n\n" + b2.managerTable() + "\n" + b2.balanceText()
        + "\n" + b2.movesTable() + "\nTrial plan, 10% -> 15% at 80% power, 100 accounts a month:\n\n" + plan
        + "\nThe sample trial (an upsell call at the end of onboarding, 200 mid-market accounts):\n\n" + analysis;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("books", TouchBooksCommand.json(b1));
    json.put("nextMonth", TouchBooksCommand.json(b2));
    json.put("trialPlan", plan);
    json.put("trial", TouchTrialCommand.AnalyseCommand.json(analysis));
    return new Result(text, json);
  }

  /** The sample's roster, through its CSV (as {@code cskit sample} writes it). */
  static Roster roster() {
    StringWriter w = new StringWriter();
    SampleRoster.writeCsv(w);
    return Roster.parseCsv(w.toString(), "the sample roster");
  }

  private static Map<AccountId, AccountHealth> health(ScoreTable scores) {
    Map<AccountId, AccountHealth> out = new HashMap<>();
    for (int i = 0; i < scores.size(); i++) {
      out.put(scores.accountId(i), AccountHealth.of(scores.score(i), scores.band(i)));
    }
    return out;
  }
}
