/**
 * Runs of run files: one run ({@link dev.jnn.examples.run.Runner}), the variants of a comparison
 * ({@link dev.jnn.examples.run.Variants}), and what they record ({@link dev.jnn.examples.run.RunResult}).
 */
package dev.jnn.examples.run;
