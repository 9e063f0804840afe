/** Touch-model segmentation: tech, low and high touch tiers by value, health and capacity. */
package dev.cskit.touchmodel;
