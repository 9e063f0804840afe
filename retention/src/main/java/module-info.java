/** Revenue retention: MRR movements, gross and net revenue retention, logo churn, cohorts, retention by band. */
module dev.cskit.retention {
  requires transitive dev.cskit.core;
  requires org.apache.commons.statistics.distribution;

  exports dev.cskit.retention;
}
