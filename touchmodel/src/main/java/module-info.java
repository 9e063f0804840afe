/**
 * Touch-model segmentation: tech, low and high touch tiers by value, health and capacity; lifetime value; books of
 * business per manager; trials of a play.
 */
module dev.cskit.touchmodel {
  requires transitive dev.cskit.core;
  requires org.apache.commons.numbers.gamma;
  requires org.apache.commons.statistics.distribution;
  requires static org.immutables.value;

  exports dev.cskit.touchmodel;
  exports dev.cskit.touchmodel.trial;
  exports dev.cskit.touchmodel.books;

  opens dev.cskit.touchmodel to com.fasterxml.jackson.databind;
}
