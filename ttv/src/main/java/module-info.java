/** Time to value, censoring-aware: the time-to-value API and the survival estimators behind it. */
module dev.cskit.ttv {
  requires transitive dev.cskit.core;
  requires org.apache.commons.statistics.distribution;
  requires static org.immutables.value;

  exports dev.cskit.ttv;
  exports dev.cskit.ttv.stats;

  opens dev.cskit.ttv to com.fasterxml.jackson.databind;
}
