/** JMH micro-benchmarks: the kernels' products and the optimizers' steps at the reference network's shapes. */
package dev.jnn.bench;
