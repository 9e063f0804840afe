package dev.cskit.survey;

/**
 * Published response-rate benchmarks as Beta priors for planning a first survey. Each prior has the
 * benchmark's mean (the midpoint of a range) and a standard deviation of 5 percentage points: a benchmark
 * describes other companies' surveys, not yours, so it should be a loose belief that one wave of your own
 * answers quickly overrides ({@link BetaPrior#update}).
 */
public enum BenchmarkPrior {
  /**
   * NPS surveys, 13% response rate. Source: Zendesk Benchmark report, 2014 (customer satisfaction and NPS
   * survey response rates across Zendesk customers: NPS 13%, CSAT 21%).
   */
  ZENDESK_2014_NPS(0.13),
  /** CSAT surveys, 21% response rate. Source: Zendesk Benchmark report, 2014 (as above). */
  ZENDESK_2014_CSAT(0.21),
  /**
   * A population never surveyed before, 10-15% (mean 12.5%). Source: survey-tool guidance (SurveyMonkey,
   * Qualtrics and similar vendors' help pages on response rates) that 10-15% is the safe planning guess for
   * an external survey of an unsurveyed population; an access-control IoT vendor planned its first NPS on 15%.
   */
  FIRST_SURVEY(0.125),
  /**
   * A great result for an online survey, 20-30% (mean 25%). Source: the same survey-tool guidance, which
   * calls 20-30% a great response rate for an online survey.
   */
  GREAT_ONLINE(0.25),
  /**
   * B2B relationship NPS surveys, about 30-35% (mean 32.5%). Source: B2B NPS benchmark reports (e.g.
   * CustomerGauge's B2B NPS and CX benchmarks), averaging around 30-35% for relationship surveys of known
   * business contacts.
   */
  B2B_RELATIONSHIP(0.325);

  /** The standard deviation every benchmark prior is given: 5 percentage points. */
  public static final double SD = 0.05;

  private final double mean;

  BenchmarkPrior(double mean) {
    this.mean = mean;
  }

  /** The benchmark response rate. */
  public double mean() {
    return mean;
  }

  /** The Beta prior: this mean, a standard deviation of {@link #SD}. */
  public BetaPrior prior() {
    return BetaPrior.ofMeanAndSd(mean, SD);
  }

  /** Parses a name such as {@code zendesk-2014-nps} or {@code B2B_RELATIONSHIP}. */
  public static BenchmarkPrior parse(String text) {
    return Enums.parse(BenchmarkPrior.class, text, "prior");
  }

  @Override
  public String toString() {
    return Enums.text(this);
  }
}
