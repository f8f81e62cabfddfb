/** The {@code jnn} command line: one launcher, a subcommand per job, picocli for parsing and help. */
package dev.jnn.examples.cli;
