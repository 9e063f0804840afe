/**
 * The health-score engine: scorecards, rules, bands, explanations, history and validation against churn. The
 * Vector API is optional: the engine uses it when {@code jdk.incubator.vector} is in the JVM and falls back to
 * its scalar kernels otherwise.
 */
module dev.cskit.scoring {
  requires transitive dev.cskit.core;
  requires org.apache.commons.statistics.distribution;
  requires org.apache.commons.statistics.interval;
  requires org.slf4j;
  requires static jdk.incubator.vector;
  requires static org.immutables.value;

  exports dev.cskit.scoring;
  exports dev.cskit.scoring.validation;

  opens dev.cskit.scoring to com.fasterxml.jackson.databind;
}
