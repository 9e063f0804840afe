package dev.cskit.touchmodel;

/**
 * The nearest boundary of an assignment: the field whose threshold is closest (relative to the threshold),
 * the threshold, the account's value and the distance |value - threshold| in the field's unit. For an
 * allocation the field is {@code value}: the distance is how much the account's value in its tier, less the
 * tier's slot price, exceeds its best alternative.
 */
public record Boundary(String field, double threshold, double value, double distance) {}
