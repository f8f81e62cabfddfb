/**
 * jnn on Apache Spark: comparison sweeps whose variants run as tasks ({@link dev.jnn.spark.SweepTask}),
 * and data-parallel training whose steps' gradients are summed from the partitions of the data
 * ({@link dev.jnn.spark.SparkGradients}). {@link dev.jnn.spark.SparkCluster} is what the command line's
 * {@code --spark MASTER} connects to.
 */
package dev.jnn.spark;
