/** Survey response-rate planning: sample sizes, NPS with intervals, invitations, escalation plans. */
module dev.cskit.survey {
  requires transitive dev.cskit.core;
  requires org.apache.commons.numbers.gamma;
  requires org.apache.commons.rng.api;
  requires org.apache.commons.statistics.distribution;
  requires org.apache.commons.statistics.interval;
  requires static org.immutables.value;

  exports dev.cskit.survey;

  opens dev.cskit.survey to com.fasterxml.jackson.databind;
}
