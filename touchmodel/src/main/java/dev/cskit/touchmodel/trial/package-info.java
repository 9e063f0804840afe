/**
 * Trials of a play: how many accounts per arm and how many months a trial needs ({@link Trials#plan}), the
 * seeded stratified assignment of eligible accounts to play and control ({@link Trials#assign}), and the
 * analysis of conversions per arm ({@link Trials#analyse}): the difference with a Newcombe hybrid score
 * interval, Fisher's exact test and the posterior probability that the play beats control.
 */
package dev.cskit.touchmodel.trial;
