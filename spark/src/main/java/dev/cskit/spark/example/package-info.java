/** A runnable {@code spark-submit} example: {@link dev.cskit.spark.example.ScoreParquet}. */
package dev.cskit.spark.example;
