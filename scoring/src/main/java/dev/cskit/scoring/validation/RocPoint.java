package dev.cskit.scoring.validation;

/**
 * One point of an ROC curve: flagging every case whose risk is at or above {@code threshold} catches
 * {@code truePositiveRate} of the churned cases and wrongly flags {@code falsePositiveRate} of the retained
 * ones. In a {@link ValidationReport} the threshold is a health score: flag the accounts scoring at or
 * below it.
 *
 * @param threshold the threshold (infinite for the first point, where nothing is flagged)
 * @param falsePositiveRate the share of retained cases flagged
 * @param truePositiveRate the share of churned cases flagged
 */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {}
