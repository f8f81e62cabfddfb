/**
 * The training loop: epochs of shuffled mini-batches (seeded), forward, batch-mean loss, backward,
 * optimizer step; evaluation on held-out data; and listeners that see every batch and epoch, so that
 * progress bars, metrics and early stopping need no change to the loop.
 */
package dev.jnn.core.train;
