package dev.jnn.core.schedule;

import dev.jnn.api.Schedule;
import java.util.Arrays;
import java.util.Map;

/**
 * The built-in learning-rate schedules, each PyTorch's scheduler of the same name in closed form:
 * {@code e} is the epoch counted from 0 (the batch, for {@code onecycle}), {@code lr} the optimizer's
 * initial rate.
 * <pre>
 *   constant     lr
 *   step         lr · gamma^⌊e / step_size⌋                                     StepLR
 *   multistep    lr · gamma^(milestones ≤ e)                                    MultiStepLR
 *   exponential  lr · gamma^e                                                   ExponentialLR
 *   cosine       eta_min + (lr - eta_min) (1 + cos(π e / t_max)) / 2            CosineAnnealingLR
 *   linear       lr · (start + (end - start) · min(e, total_iters) / total_iters)   LinearLR (a warm-up)
 *   onecycle     cosine from max_lr/div_factor up to max_lr over pct_start of the steps, then down to
 *                max_lr/(div_factor·final_div_factor); per batch                  OneCycleLR
 *   plateau      lr · factor each time the test loss has not improved for patience epochs  ReduceLROnPlateau
 * </pre>
 */
public final class Schedules {
    private Schedules() {
    }

    /** {@code constant}: the optimizer's own rate, always. */
    static Schedule constant() {
        return new Simple("constant", (e, lr) -> lr);
    }

    static Schedule step(int stepSize, double gamma) {
        return new Simple("step", (e, lr) -> lr * Math.pow(gamma, Math.floorDiv(e, stepSize)));
    }

    static Schedule multistep(int[] milestones, double gamma) {
        int[] sorted = milestones.clone();
        return new Simple("multistep", (e, lr) -> lr * Math.pow(gamma, Arrays.stream(sorted).filter(m -> m <= e).count()));
    }

    static Schedule exponential(double gamma) {
        return new Simple("exponential", (e, lr) -> lr * Math.pow(gamma, e));
    }

    static Schedule cosine(int tMax, double etaMin) {
        return new Simple("cosine", (e, lr) -> etaMin + (lr - etaMin) * (1 + Math.cos(Math.PI * e / tMax)) / 2);
    }

    static Schedule linear(double startFactor, double endFactor, int totalIters) {
        return new Simple("linear", (e, lr) -> lr * (startFactor + (endFactor - startFactor) * Math.min(e, totalIters) / totalIters));
    }

    /** A schedule that is a function of the step alone. */
    private record Simple(String type, Rule rule) implements Schedule {
        interface Rule {
            double rate(long step, double initialRate);
        }

        @Override
        public double rate(long step, double initialRate, double lastLoss) {
            return rule.rate(step, initialRate);
        }
    }

    /** {@code onecycle}: OneCycleLR's default, cosine annealing in two phases, stepped per batch. */
    static final class OneCycle implements Schedule {
        private final double maxLr;
        private final long totalSteps;
        private final double pctStart;
        private final double divFactor;
        private final double finalDivFactor;

        OneCycle(double maxLr, long totalSteps, double pctStart, double divFactor, double finalDivFactor) {
            this.maxLr = maxLr;
            this.totalSteps = totalSteps;
            this.pctStart = pctStart;
            this.divFactor = divFactor;
            this.finalDivFactor = finalDivFactor;
        }

        @Override
        public String type() {
            return "onecycle";
        }

        @Override
        public boolean perBatch() {
            return true;
        }

        @Override
        public double rate(long step, double initialRate, double lastLoss) {
            double initial = maxLr / divFactor;
            double min = initial / finalDivFactor;
            double upEnd = pctStart * totalSteps - 1;
            double downEnd = totalSteps - 1;
            if (step <= upEnd) {
                return anneal(initial, maxLr, step / upEnd);
            }
            return anneal(maxLr, min, (step - upEnd) / (downEnd - upEnd));
        }

        private static double anneal(double start, double end, double pct) {
            return end + (start - end) / 2 * (Math.cos(Math.PI * pct) + 1);
        }

        @Override
        public void checkRun(long steps) {
            if (steps > totalSteps) {
                throw new IllegalArgumentException("onecycle: total_steps is " + totalSteps + ", but the run takes " + steps
                        + " steps (epochs x batches per epoch); set total_steps to at least " + steps);
            }
        }
    }

    /**
     * {@code plateau}: ReduceLROnPlateau on the test loss (mode min, relative threshold): after
     * {@code patience} epochs without an improvement of more than {@code threshold}, the rate is
     * multiplied by {@code factor} (not below {@code minLr}), then {@code cooldown} epochs pass before
     * it may fall again.
     */
    static final class Plateau implements Schedule {
        private final double factor;
        private final int patience;
        private final double threshold;
        private final int cooldown;
        private final double minLr;
        private double best = Double.POSITIVE_INFINITY;
        private int bad;
        private int cooling;
        private double current = Double.NaN;
        private long lastStep = -1;

        Plateau(double factor, int patience, double threshold, int cooldown, double minLr) {
            this.factor = factor;
            this.patience = patience;
            this.threshold = threshold;
            this.cooldown = cooldown;
            this.minLr = minLr;
        }

        @Override
        public String type() {
            return "plateau";
        }

        @Override
        public double rate(long step, double initialRate, double lastLoss) {
            if (Double.isNaN(current)) {
                current = initialRate;
            }
            if (step > 0 && step != lastStep && !Double.isNaN(lastLoss)) {
                observe(lastLoss);
            }
            lastStep = step;
            return current;
        }

        private void observe(double loss) {
            if (loss < best * (1 - threshold)) {
                best = loss;
                bad = 0;
            } else {
                bad++;
            }
            if (cooling > 0) {
                cooling--;
                bad = 0;
            }
            if (bad > patience) {
                double reduced = Math.max(current * factor, minLr);
                if (current - reduced > 1e-8) {
                    current = reduced;
                }
                cooling = cooldown;
                bad = 0;
            }
        }

        @Override
        public Map<String, Double> state() {
            return Map.of("best", best, "bad", (double) bad, "cooling", (double) cooling, "current", current,
                    "last_step", (double) lastStep);
        }

        @Override
        public void loadState(Map<String, Double> state) {
            best = state.get("best");
            bad = state.get("bad").intValue();
            cooling = state.get("cooling").intValue();
            current = state.get("current");
            lastStep = state.get("last_step").longValue();
        }
    }
}
