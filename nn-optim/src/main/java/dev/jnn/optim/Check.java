package dev.jnn.optim;

import dev.jnn.api.spi.InvalidSettingException;

/** Rejects impossible hyper-parameters at creation, naming the optimizer, the setting and the value. */
final class Check {
    private Check() {
    }

    // Values are used as float32: 1e39 is a finite double but an infinite float, so "finite" means
    // finite once converted, and the message says so.
    static void positive(String owner, String setting, double value) {
        if (!(value > 0) || !Float.isFinite((float) value)) {
            throw fail(owner, setting, value, "a finite number greater than 0" + float32(value));
        }
    }

    static void nonNegative(String owner, String setting, double value) {
        if (!(value >= 0) || !Float.isFinite((float) value)) {
            throw fail(owner, setting, value, "a finite number of at least 0" + float32(value));
        }
    }

    private static String float32(double value) {
        return Double.isFinite(value) && !Float.isFinite((float) value) ? " that fits a float32 (at most 3.4e38)" : "";
    }

    /** In [0, 1): a decay rate that keeps some memory but never all of it. */
    static void unitInterval(String owner, String setting, double value) {
        if (!(value >= 0 && value < 1)) {
            throw fail(owner, setting, value, "in [0, 1)");
        }
    }

    private static IllegalArgumentException fail(String owner, String setting, double value, String expected) {
        return new InvalidSettingException(owner, setting, "must be " + expected + ", got " + value);
    }
}
