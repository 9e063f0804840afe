package dev.cskit.cli;

import dev.cskit.core.CskitException;
import dev.cskit.survey.BenchmarkPrior;
import dev.cskit.survey.BetaPrior;
import dev.cskit.survey.EscalationPlan;
import dev.cskit.survey.Fpc;
import dev.cskit.survey.MarginOptions;
import dev.cskit.survey.Nps;
import dev.cskit.survey.NpsMethod;
import dev.cskit.survey.PlanResult;
import dev.cskit.survey.Rate;
import dev.cskit.survey.RateMethod;
import dev.cskit.survey.ResponseModel;
import dev.cskit.survey.Rounding;
import dev.cskit.survey.SampleSize;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cskit survey}: survey response-rate planning. Every subcommand prints JSON by default, or a table or
 * CSV with {@code --format}. Out-of-range values (a
 * margin outside (0, 1), a rate outside [0, 1], negative counts, a plan whose waves have no capacity) exit
 * with 3 and a one-line message; malformed flags exit with 2.
 */
@Command(
    name = "survey",
    mixinStandardHelpOptions = true,
    description = "Survey response-rate planning: sample sizes, margins, NPS intervals, invitations, escalation plans.",
    subcommands = {
      SurveyCommand.SampleSizeCommand.class,
      SurveyCommand.MarginCommand.class,
      SurveyCommand.NpsCommand.class,
      SurveyCommand.NpsCompareCommand.class,
      SurveyCommand.InvitationsCommand.class,
      SurveyCommand.PlanCommand.class,
      SurveyCommand.RateCommand.class,
      SurveyEligibleCommand.class,
      SurveySilentCommand.class,
      SurveyAllocateCommand.class,
      SurveyUpdatePriorCommand.class,
      SurveyPowerCommand.class,
    })
public final class SurveyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: sample-size, margin, nps, nps-compare, invitations, plan, rate, eligible, silent, "
            + "allocate, update-prior or power");
  }

  /** Prints a result in the command's {@code --format} (JSON by default). */
  static void print(CommandLine.Model.CommandSpec spec, Map<String, Object> json) {
    Output.document(spec, json);
  }

  /** A whole number as a long (so JSON prints 385, not 385.0); other values unchanged. */
  static Object count(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : Json.number(v);
  }

  /** Converts text to an enum by the library's parser; a bad value is a usage error (exit 2). */
  abstract static class LibraryConverter<T> implements CommandLine.ITypeConverter<T> {
    private final Function<String, T> parse;

    LibraryConverter(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T convert(String value) {
      try {
        return parse.apply(value);
      } catch (CskitException e) {
        throw new CommandLine.TypeConversionException(e.rule() + ", found \"" + value + "\"");
      }
    }
  }

  static final class FpcConverter extends LibraryConverter<Fpc> {
    FpcConverter() {
      super(Fpc::parse);
    }
  }

  static final class RoundingConverter extends LibraryConverter<Rounding> {
    RoundingConverter() {
      super(Rounding::parse);
    }
  }

  static final class NpsMethodConverter extends LibraryConverter<NpsMethod> {
    NpsMethodConverter() {
      super(NpsMethod::parse);
    }
  }

  static final class RateMethodConverter extends LibraryConverter<RateMethod> {
    RateMethodConverter() {
      super(RateMethod::parse);
    }
  }

  static final class PriorConverter extends LibraryConverter<BenchmarkPrior> {
    PriorConverter() {
      super(BenchmarkPrior::parse);
    }
  }

  /** {@code --confidence}, the confidence level of an interval or a margin (default 0.95). */
  static final class ConfidenceOption {
    @Feeds("confidence")
    @Option(names = "--confidence", paramLabel = "C", description = "Confidence level in (0, 1) (default: ${DEFAULT-VALUE}).")
    double confidence = 0.95;
  }

  /** {@code --population}, the size of a finite population (default: infinite). */
  static final class PopulationOption {
    @Feeds("population")
    @Option(names = "--population", paramLabel = "N", description = "Population size (default: infinite).")
    Long population;
  }

  /** {@code cskit survey sample-size}. */
  @Command(
      name = "sample-size",
      mixinStandardHelpOptions = true,
      description = {
        "Responses needed for a margin of error (Cochran, with a finite-population correction).",
        "Prints {\"requiredResponses\", \"unrounded\"}."
      })
  static final class SampleSizeCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin FormatOption format;

    @Feeds("margin")
    @Option(names = "--margin", paramLabel = "E", required = true,
        description = "Margin of error as a fraction in (0, 1): 0.05 for five points (of NPS: on the -1..1 scale).")
    double margin;

    @CommandLine.Mixin ConfidenceOption confidenceOption;

    @CommandLine.Mixin PopulationOption populationOption;

    @ArgGroup(exclusive = true)
    Variance variance;

    static final class Variance {
      @Feeds("proportion")
    @Option(names = "--proportion", paramLabel = "P", description = "Expected proportion in [0, 1] (default: 0.5).")
      Double proportion;

      @ArgGroup(exclusive = false)
      NpsShares nps;
    }

    static final class NpsShares {
      @Feeds({"promoters", "promoters + detractors"})
    @Option(names = "--nps-promoters", paramLabel = "P", required = true,
          description = "Expected share of promoters in [0, 1] (NPS: trinomial variance p + d - (p - d)^2).")
      double promoters;

      @Feeds("detractors")
    @Option(names = "--nps-detractors", paramLabel = "D", required = true, description = "Expected share of detractors in [0, 1].")
      double detractors;
    }

    @Option(names = "--fpc", paramLabel = "FORM", converter = FpcConverter.class,
        description = "cochran: n0/(1+(n0-1)/N) (default) or simple: n0/(1+n0/N).")
    Fpc fpc = Fpc.COCHRAN;

    @Option(names = "--rounding", paramLabel = "MODE", converter = RoundingConverter.class,
        description = "up (default), nearest or none.")
    Rounding rounding = Rounding.UP;

    @Override
    public Integer call() {
      SampleSize s = SampleSize.of(margin, confidenceOption.confidence).withFpc(fpc).withRounding(rounding);
      if (populationOption.population != null) {
        s = s.withPopulation(SampleSize.finitePopulation(populationOption.population));
      }
      if (variance != null && variance.proportion != null) {
        s = s.withProportion(variance.proportion);
      } else if (variance != null && variance.nps != null) {
        s = s.withNps(variance.nps.promoters, variance.nps.detractors);
      }
      SampleSize.Result r = s.compute();
      print(spec, Json.object("requiredResponses", count(r.requiredResponses()), "unrounded", r.unrounded()));
      return Main.OK;
    }
  }

  /** {@code cskit survey margin}. */
  @Command(
      name = "margin",
      mixinStandardHelpOptions = true,
      description = {
        "The margin of error of a proportion (or of NPS, on the -1..1 scale) from a number of responses.",
        "Prints {\"margin\"} (a fraction: 0.05 for five points)."
      })
  static final class MarginCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin FormatOption format;

    @Feeds("responses")
    @Option(names = "--responses", paramLabel = "n", required = true, description = "Responses received (1 or more).")
    long responses;

    @CommandLine.Mixin PopulationOption populationOption;

    @CommandLine.Mixin ConfidenceOption confidenceOption;

    @ArgGroup(exclusive = true)
    SampleSizeCommand.Variance variance;

    @Option(names = "--fpc", paramLabel = "FORM", converter = FpcConverter.class,
        description = "cochran: sqrt((N-n)/(N-1)) (default) or simple: sqrt((N-n)/N).")
    Fpc fpc = Fpc.COCHRAN;

    @Override
    public Integer call() {
      double v = 0.25;
      if (variance != null && variance.proportion != null) {
        v = SampleSize.proportionVariance(variance.proportion);
      } else if (variance != null && variance.nps != null) {
        v = SampleSize.npsVariance(variance.nps.promoters, variance.nps.detractors);
      }
      MarginOptions.Builder options = MarginOptions.builder().responses(responses).confidence(confidenceOption.confidence).variance(v)
          .fpc(fpc);
      if (populationOption.population != null) {
        options.population(SampleSize.finitePopulation(populationOption.population));
      }
      double e = SampleSize.margin(options.build());
      print(spec, Json.object("margin", e));
      return Main.OK;
    }
  }

  /** {@code cskit survey nps}. */
  @Command(
      name = "nps",
      mixinStandardHelpOptions = true,
      description = {
        "NPS with a confidence interval from counts (or raw 0-10 answers).",
        "Prints {\"nps\", \"stdErr\", \"lower\", \"upper\"} on the -100..100 scale."
      })
  static final class NpsCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin FormatOption format;

    @Feeds("promoters")
    @Option(names = "--promoters", paramLabel = "P", description = "Promoters (answers 9-10).")
    Long promoters;

    @Feeds("passives")
    @Option(names = "--passives", paramLabel = "Q", description = "Passives (answers 7-8).")
    Long passives;

    @Feeds("detractors")
    @Option(names = "--detractors", paramLabel = "D", description = "Detractors (answers 0-6).")
    Long detractors;

    @Feeds("scores")
    @Option(names = "--scores", paramLabel = "S", split = ",",
        description = "Raw 0-10 answers, comma-separated, instead of the counts.")
    List<Integer> scores;

    @CommandLine.Mixin ConfidenceOption confidenceOption;

    @Option(names = "--method", paramLabel = "M", converter = NpsMethodConverter.class,
        description = "adjusted-wald (default: add 3/4 to promoters and detractors, 3 to n), wald or bootstrap.")
    NpsMethod method = NpsMethod.ADJUSTED_WALD;

    @Option(names = "--seed", paramLabel = "S", description = "Bootstrap seed (default: 42).")
    long seed = Nps.DEFAULT_SEED;

    @Option(names = "--replicates", paramLabel = "B", description = "Bootstrap replicates (default: 10000).")
    int replicates = Nps.DEFAULT_REPLICATES;

    @Override
    public Integer call() {
      Nps nps;
      if (scores != null) {
        if (promoters != null || passives != null || detractors != null) {
          throw new CommandLine.ParameterException(spec.commandLine(), "give either --scores or the three counts, not both");
        }
        nps = Nps.ofScores(scores);
      } else {
        if (promoters == null || passives == null || detractors == null) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--promoters, --passives and --detractors are required (or --scores)");
        }
        nps = Nps.ofCounts(promoters, passives, detractors);
      }
      Nps.Interval i = method == NpsMethod.BOOTSTRAP
          ? nps.bootstrap(confidenceOption.confidence, replicates, seed)
          : nps.interval(confidenceOption.confidence, method);
      print(spec, Json.object("nps", i.nps(), "stdErr", i.stdErr(), "lower", i.lower(), "upper", i.upper()));
      return Main.OK;
    }
  }

  /** {@code cskit survey nps-compare}. */
  @Command(
      name = "nps-compare",
      mixinStandardHelpOptions = true,
      description = {
        "Compare two NPS values (A - B) by a two-sided z-test (adjusted-Wald variances by default).",
        "Prints {\"difference\", \"z\", \"pValue\"}; the difference in NPS points (-200..200)."
      })
  static final class NpsCompareCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin FormatOption format;

    @Option(names = "--promoters-a", paramLabel = "P", required = true, description = "Promoters of A.")
    long promotersA;

    @Option(names = "--passives-a", paramLabel = "Q", required = true, description = "Passives of A.")
    long passivesA;

    @Option(names = "--detractors-a", paramLabel = "D", required = true, description = "Detractors of A.")
    long detractorsA;

    @Option(names = "--promoters-b", paramLabel = "P", required = true, description = "Promoters of B.")
    long promotersB;

    @Option(names = "--passives-b", paramLabel = "Q", required = true, description = "Passives of B.")
    long passivesB;

    @Option(names = "--detractors-b", paramLabel = "D", required = true, description = "Detractors of B.")
    long detractorsB;

    @Option(names = "--method", paramLabel = "M", converter = NpsMethodConverter.class,
        description = "adjusted-wald (default) or wald: the variances used for z.")
    NpsMethod method = NpsMethod.ADJUSTED_WALD;

    @Override
    public Integer call() {
      Nps.Comparison c = Nps.compare(
          Nps.ofCounts(promotersA, passivesA, detractorsA), Nps.ofCounts(promotersB, passivesB, detractorsB), method);
      print(spec, Json.object("difference", c.difference(), "z", c.z(), "pValue", c.pValue()));
      return Main.OK;
    }
  }

  /** {@code cskit survey invitations}. */
  @Command(
      name = "invitations",
      mixinStandardHelpOptions = true,
      description = {
        "The fewest invitations so that P(responses >= target) >= probability, for a known response rate"
            + " (binomial) or an uncertain one (Beta prior: beta-binomial). With --invitations, that number"
            + " instead.",
        "Prints {\"invitations\", \"expectedResponses\", \"probability\"}."
      })
  static final class InvitationsCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin FormatOption format;

    @Feeds("target")
    @Option(names = "--target", paramLabel = "N", required = true, description = "Responses wanted.")
    long target;

    @ArgGroup(exclusive = true, multiplicity = "1")
    RateSource rate;

    static final class RateSource {
      @Feeds("rate")
    @Option(names = "--rate", paramLabel = "R", required = true, description = "Known response rate in [0, 1].")
      Double rate;

      @ArgGroup(exclusive = false)
      Prior prior;

      @Option(names = "--prior", paramLabel = "NAME", required = true, converter = PriorConverter.class,
          description = "A benchmark prior: zendesk-2014-nps, zendesk-2014-csat, first-survey, great-online, b2b-relationship.")
      BenchmarkPrior benchmark;
    }

    static final class Prior {
      @Feeds("alpha")
    @Option(names = "--prior-alpha", paramLabel = "A", required = true, description = "Beta prior alpha (> 0).")
      double alpha;

      @Feeds("beta")
    @Option(names = "--prior-beta", paramLabel = "B", required = true, description = "Beta prior beta (> 0).")
      double beta;
    }

    @Feeds("probability")
    @Option(names = "--probability", paramLabel = "Q", description = "Wanted chance of reaching the target, in (0, 1).")
    Double probability;

    @Feeds("invitations")
    @Option(names = "--invitations", paramLabel = "n",
        description = "Evaluate this number of invitations instead of searching for the fewest.")
    Long invitations;

    @Feeds("max")
    @Option(names = "--max-invitations", paramLabel = "n",
        description = "The most invitations possible, e.g. the population (default: 100000000).")
    long max = ResponseModel.MAX_INVITATIONS;

    @Override
    public Integer call() {
      ResponseModel model;
      if (rate.rate != null) {
        model = ResponseModel.binomial(rate.rate);
      } else if (rate.benchmark != null) {
        model = ResponseModel.betaBinomial(rate.benchmark.prior());
      } else {
        model = ResponseModel.betaBinomial(BetaPrior.of(rate.prior.alpha, rate.prior.beta));
      }
      ResponseModel.Invitations r;
      if (invitations != null) {
        r = model.forInvitations(invitations, target);
      } else {
        if (probability == null) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--probability is required (or --invitations)");
        }
        r = model.invitationsFor(target, probability, max);
      }
      print(spec, Json.object(
          "invitations", r.invitations(), "expectedResponses", r.expectedResponses(), "probability", r.probability()));
      return Main.OK;
    }
  }

  /** {@code cskit survey plan}. */
  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description = {
        "The cheapest escalation plan (waves of e-mail, reminders, in-app, phone, visits) that reaches a target"
            + " response count or rate with a probability, from a plan file (YAML or JSON, formatVersion 1: see"
            + " dev.cskit.survey.EscalationPlan).",
        "Prints {\"feasible\", \"statement\", \"invitations\", \"targetResponses\", \"requiredProbability\","
            + " \"probability\", \"expectedResponses\", \"expectedRate\", \"expectedCost\", \"waves\"}."
      })
  static final class PlanCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin FormatOption format;

    @Option(names = "--plan", paramLabel = "FILE", required = true, description = "The plan file (.yaml, .yml or .json).")
    Path plan;

    @Override
    public Integer call() {
      print(spec, planJson(EscalationPlan.read(plan).cheapest()));
      return Main.OK;
    }
  }

  /** {@code cskit survey rate}. */
  @Command(
      name = "rate",
      mixinStandardHelpOptions = true,
      description = {
        "A yes/no rate (CSAT, response rate) with its confidence interval.",
        "Prints {\"rate\", \"lower\", \"upper\"} as fractions."
      })
  static final class RateCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin FormatOption format;

    @Feeds("successes")
    @Option(names = "--successes", paramLabel = "X", required = true, description = "Yes answers.")
    long successes;

    @Feeds("trials")
    @Option(names = "--trials", paramLabel = "N", required = true, description = "All answers.")
    long trials;

    @CommandLine.Mixin ConfidenceOption confidenceOption;

    @Option(names = "--method", paramLabel = "M", converter = RateMethodConverter.class,
        description = "wilson (default), clopper-pearson, jeffreys, agresti-coull or wald.")
    RateMethod method = RateMethod.WILSON;

    @Override
    public Integer call() {
      Rate r = Rate.of(successes, trials, confidenceOption.confidence, method);
      print(spec, Json.object("rate", r.rate(), "lower", r.lower(), "upper", r.upper()));
      return Main.OK;
    }
  }

  /** A plan result as the CLI's JSON. */
  static Map<String, Object> planJson(PlanResult r) {
    List<Object> waves = new ArrayList<>();
    for (PlanResult.WaveOutcome w : r.waves()) {
      waves.add(Json.object("name", w.name(), "channel", w.channel(), "contacts", w.contacts(),
          "responses", w.responses(), "cumulativeRate", w.cumulativeRate(), "cost", w.cost()));
    }
    return Json.object(
        "feasible", r.feasible(),
        "statement", r.statement(),
        "invitations", r.invitations(),
        "targetResponses", r.targetResponses(),
        "requiredProbability", r.requiredProbability(),
        "probability", r.probability(),
        "expectedResponses", r.expectedResponses(),
        "expectedRate", r.expectedRate(),
        "expectedCost", r.expectedCost(),
        "waves", waves);
  }
}
