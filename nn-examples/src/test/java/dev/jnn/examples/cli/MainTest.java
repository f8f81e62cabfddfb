package dev.jnn.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void compareTrainsEveryOptimizerAndPrintsATable() {
        Result r = run("compare", "--optimizers", "sgd,adam", "--epochs", "2");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("optimizer  train loss"), r.out);
        assertTrue(r.out.contains("\nsgd ") && r.out.contains("\nadam "), r.out);
    }

    @Test
    void anUnknownOptimizerIsBadUsageWithTheKnownNames() {
        Result r = run("compare", "--optimizers", "adamm");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("unknown optimizer 'adamm'; did you mean 'adam'?"), r.err);
    }
}
