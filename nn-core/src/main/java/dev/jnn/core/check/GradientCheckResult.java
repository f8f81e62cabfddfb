package dev.jnn.core.check;

/**
 * The outcome of a {@link GradientCheck}: the worst disagreement between backward's gradient and the
 * finite-difference estimate, and where it was.
 *
 * @param worstRelativeError {@code |analytic - numeric| / max(|analytic|, |numeric|, floor)} at its largest
 * @param worstAt            where: {@code "input[2, 0]"} or {@code "parameter 0.dense.weight[3, 1]"}
 * @param analytic           the gradient backward gave there
 * @param numeric            the central-difference estimate there
 * @param checked            how many values were compared
 * @param tolerance          the largest relative error that passes
 */
public record GradientCheckResult(double worstRelativeError, String worstAt, double analytic, double numeric,
                                  int checked, double tolerance) {

    public boolean passed() {
        return worstRelativeError <= tolerance;
    }

    /** Throws an {@link AssertionError} with this result's description unless it passed: for tests. */
    public GradientCheckResult assertPassed() {
        if (!passed()) {
            throw new AssertionError(toString());
        }
        return this;
    }

    @Override
    public String toString() {
        return String.format("gradient check %s: worst relative error %.3g at %s (backward %.6g, finite difference %.6g;"
                        + " %d values checked, tolerance %.3g)", passed() ? "passed" : "FAILED", worstRelativeError,
                worstAt, analytic, numeric, checked, tolerance);
    }
}
