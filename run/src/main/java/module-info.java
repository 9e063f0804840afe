/**
 * The monthly run: a project file naming a team's data and configs, every capability chained as of a date,
 * and a history store (DuckDB embedded, PostgreSQL through JDBC) that remembers each snapshot.
 */
module dev.cskit.run {
  requires transitive dev.cskit.core;
  requires transitive dev.cskit.ttv;
  requires transitive dev.cskit.scoring;
  requires transitive dev.cskit.touchmodel;
  requires transitive dev.cskit.survey;
  requires transitive dev.cskit.retention;
  requires transitive dev.cskit.report;
  requires transitive java.sql;
  requires java.naming;
  requires duckdb.jdbc;
  requires org.postgresql.jdbc;
  requires static org.immutables.value;

  exports dev.cskit.run;
  exports dev.cskit.run.history;


  opens dev.cskit.run to com.fasterxml.jackson.databind;
}
