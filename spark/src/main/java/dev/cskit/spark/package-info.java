/**
 * cskit on Spark: {@link dev.cskit.spark.SparkUsageAggregator} (usage events to metric columns with Spark's
 * own aggregation), {@link dev.cskit.spark.SparkScorer} (scoring partitions block by block through cskit's
 * columnar engine, percentile measures against the whole portfolio), {@link dev.cskit.spark.SparkSnapshots}
 * (scored snapshots as Parquet, for validation on the driver). An adapter, not a second engine: the results
 * equal the local engine's, counts exactly and scores bit for bit.
 *
 * <p>The module has no {@code module-info.java}: Spark's jars cannot be named as automatic modules
 * ({@code spark-sql_2.13-4.1.3.jar} derives the name {@code spark.sql.2.13}, which is not a legal module name,
 * and the jars carry no {@code Automatic-Module-Name}), so nothing could {@code requires} them. The module is
 * used on the class path, as Spark itself is.
 */
package dev.cskit.spark;
