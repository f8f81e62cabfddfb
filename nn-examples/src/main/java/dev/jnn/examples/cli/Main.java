package dev.jnn.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import dev.jnn.core.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code jnn} launcher. Exit codes: 0 success, 2 bad usage or configuration, 1 failure during a run.
 * {@code --plugins} and {@code --verbose} may come before or after the command.
 */
@Command(name = "jnn", mixinStandardHelpOptions = true, version = "jnn 0.1.0",
        description = "Build, train and compare neural networks on the JVM.",
        footer = {"", "Options before or after the command: --plugins PATH, --verbose. Example:",
                "  jnn --plugins my-layers.jar compare run.yaml --vary optimizer.type=sgd,adam"},
        subcommands = {TrainCommand.class, CompareCommand.class, PredictCommand.class, EvaluateCommand.class, MinimizeCommand.class, ListCommand.class, GradcheckCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Option(names = "--plugins", paramLabel = "PATH", split = ":", scope = ScopeType.INHERIT,
            description = "jars, or folders of jars, with more providers (META-INF/services), such as a custom layer;"
                    + " before or after the command")
    List<Path> plugins = new ArrayList<>();

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "also print which kernels run and why (and, from the jnn launcher, the JDK's incubator notice)")
    boolean verbose;

    /** Opened when a command first draws a progress bar; closed when the command ends. */
    private TerminalWidth terminalWidth;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setExecutionStrategy(parseResult -> {
            if (!parseResult.hasSubcommand() && !parseResult.isUsageHelpRequested() && !parseResult.isVersionHelpRequested()) {
                cli.usage(cli.getErr());
                return 2;
            }
            Logging.engineNotices(main.verbose);
            try {
                main.engine = Engine.builder().classLoader(main.pluginLoader()).build();
            } catch (IllegalArgumentException e) {
                cli.getErr().println("error: " + e.getMessage());
                return 2;
            }
            try (Engine engine = main.engine) {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                if (main.terminalWidth != null) {
                    main.terminalWidth.close();
                }
            }
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean badInput = e instanceof IllegalArgumentException;
            commandLine.getErr().println((badInput ? "error: " : "failed: ") + e.getMessage());
            return badInput ? 2 : 1;
        });
        return cli.execute(args);
    }

    /** The engine every command builds and trains with: its providers see the plugin jars. */
    private Engine engine;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The terminal's width for a progress bar; a fixed 80 columns when there is no bar to draw. */
    IntSupplier terminalWidth(boolean bar) {
        if (!bar) {
            return () -> TerminalWidth.FALLBACK;
        }
        if (terminalWidth == null) {
            terminalWidth = TerminalWidth.system();
        }
        return terminalWidth;
    }

    /** The engine of this command line (for the subcommands). */
    Engine engine() {
        return engine;
    }

    /** A class loader that sees the plugin jars besides jnn's own classes; jnn's own loader without plugins. */
    private ClassLoader pluginLoader() {
        if (plugins.isEmpty()) {
            return Main.class.getClassLoader();
        }
        List<URL> urls = new ArrayList<>();
        for (Path path : plugins) {
            if (Files.isDirectory(path)) {
                int before = urls.size();
                try (Stream<Path> jars = Files.list(path)) {
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> urls.add(url(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list plugin folder " + path, e);
                }
                if (urls.size() == before) {
                    throw new IllegalArgumentException("--plugins: the folder " + path + " holds no .jar file");
                }
            } else if (Files.isRegularFile(path) && !path.toString().endsWith(".jar")) {
                throw new IllegalArgumentException("--plugins: " + path + " is not a .jar file");
            } else if (Files.isRegularFile(path)) {
                urls.add(url(path));
            } else {
                throw new IllegalArgumentException("--plugins: " + path + " is neither a jar nor a folder");
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), Main.class.getClassLoader());
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("--plugins: " + path + ": " + e.getMessage(), e);
        }
    }
}
