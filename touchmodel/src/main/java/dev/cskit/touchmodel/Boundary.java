package dev.cskit.touchmodel;

/**
 * The nearest boundary of an assignment: the field whose threshold is closest (relative to the threshold),
 * the threshold, the account's value and the distance |value - threshold| in the field's unit. For an
 * allocation the field is {@code value}: the distance is how much the account's value in its tier, less the
 * tier's slot price, exceeds its best alternative. For a pin with an expiry the field is {@code pinDaysLeft}:
 * the days the pin still holds (counting the run date), against a threshold of 0.
 */
public record Boundary(String field, double threshold, double value, double distance) {}
