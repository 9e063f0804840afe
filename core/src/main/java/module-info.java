/**
 * What every cskit module shares: accounts, metric tables, usage events and their aggregation, configuration
 * and CSV I/O, errors, bands and tiers. {@code dev.cskit.core.internal} is exported only to the cskit modules
 * that need its types (the Immutables style, zero-copy column access for the scoring engine).
 */
module dev.cskit.core {
  requires transitive com.fasterxml.jackson.annotation;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.csv;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires static org.immutables.value;

  exports dev.cskit.core;
  exports dev.cskit.core.io;
  exports dev.cskit.core.internal to
      dev.cskit.ttv,
      dev.cskit.scoring,
      dev.cskit.touchmodel,
      dev.cskit.survey;

  opens dev.cskit.core to com.fasterxml.jackson.databind;
}
