package dev.jnn.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jnn} launcher. Exit codes: 0 success, 2 bad usage or configuration, 1 failure during a run.
 */
@Command(name = "jnn", mixinStandardHelpOptions = true, version = "jnn 0.1.0",
        description = "Build, train and compare neural networks on the JVM.",
        subcommands = {CompareCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean badInput = e instanceof IllegalArgumentException;
            commandLine.getErr().println((badInput ? "error: " : "failed: ") + e.getMessage());
            return badInput ? 2 : 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
