/**
 * The application: the command line ({@link dev.jnn.examples.cli.Main}), runs and comparisons, and
 * the README's {@link dev.jnn.examples.QuickStart}. The only module that picks a logging backend.
 */
package dev.jnn.examples;
