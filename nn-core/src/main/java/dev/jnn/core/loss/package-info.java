/**
 * The losses: the scalar batch mean of a per-sample loss, and its gradient (already divided by the
 * batch size). Softmax with cross-entropy and sigmoid with binary cross-entropy are fused, for a
 * gradient that is simple ({@code p - y}) and stable for any logit.
 */
package dev.jnn.core.loss;
