/**
 * Built-in generated datasets, seeded, for examples, tests and comparisons that need no download.
 */
package dev.jnn.core.data;
