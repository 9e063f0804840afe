/** Touch-model segmentation: tech, low and high touch tiers by value, health and capacity; lifetime value. */
module dev.cskit.touchmodel {
  requires transitive dev.cskit.core;
  requires static org.immutables.value;

  exports dev.cskit.touchmodel;

  opens dev.cskit.touchmodel to com.fasterxml.jackson.databind;
}
