/** Datasets read from files: MNIST's IDX files (raw or gzipped). */
package dev.jnn.examples.data;
