/**
 * The HTML report: one self-contained page (Apache ECharts inlined from its WebJar) with a section per
 * capability, each chart built from a library result and read in one line of words. Sections whose inputs
 * are missing say what is missing and how to get it.
 */
module dev.cskit.report {
  requires transitive dev.cskit.core;
  requires transitive dev.cskit.ttv;
  requires transitive dev.cskit.scoring;
  requires transitive dev.cskit.touchmodel;
  requires transitive dev.cskit.survey;
  requires transitive dev.cskit.retention;

  exports dev.cskit.report;
}
