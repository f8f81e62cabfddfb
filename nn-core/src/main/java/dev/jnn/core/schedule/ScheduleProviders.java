package dev.jnn.core.schedule;

import dev.jnn.api.Schedule;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.ScheduleProvider;
import dev.jnn.api.spi.Settings;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in schedules by name, listed in {@code META-INF/services/dev.jnn.api.spi.ScheduleProvider}
 * as a plugin's would be, with PyTorch's defaults. Impossible settings are refused when the run file
 * is bound, naming the setting and the value.
 */
public final class ScheduleProviders {
    private ScheduleProviders() {
    }

    public static final class ConstantProvider implements ScheduleProvider {
        public String name() { return "constant"; }
        public String description() { return "the optimizer's own rate throughout"; }
        public List<Setting> settings() { return List.of(); }
        public Schedule create(Settings s) { return Schedules.constant(); }
    }

    public static final class StepProvider implements ScheduleProvider {
        public String name() { return "step"; }
        public String description() { return "StepLR: lr x gamma every step_size epochs"; }
        public List<Setting> settings() {
            return List.of(Setting.integer("step_size", null, "epochs between decays"), Setting.number("gamma", 0.1, "factor per decay"));
        }
        public Schedule create(Settings s) {
            s.require(s.getInt("step_size") >= 1, "step_size", "at least 1");
            gamma(s);
            return Schedules.step(s.getInt("step_size"), s.getDouble("gamma"));
        }
    }

    public static final class MultiStepProvider implements ScheduleProvider {
        public String name() { return "multistep"; }
        public String description() { return "MultiStepLR: lr x gamma at each milestone epoch"; }
        public List<Setting> settings() {
            return List.of(Setting.text("milestones", null, "increasing epochs, such as [30, 80] or 30;80"),
                    Setting.number("gamma", 0.1, "factor per milestone"));
        }
        public Schedule create(Settings s) {
            int[] milestones;
            try {
                milestones = Arrays.stream(s.getString("milestones").replaceAll("[\\[\\]\\s]", "").split("[;,]"))
                        .filter(t -> !t.isEmpty()).mapToInt(Integer::parseInt).toArray();
            } catch (NumberFormatException e) {
                milestones = new int[0];
            }
            boolean increasing = milestones.length > 0 && milestones[0] >= 0;
            for (int i = 1; i < milestones.length; i++) {
                increasing &= milestones[i] > milestones[i - 1];
            }
            s.require(increasing, "milestones", "whole numbers of at least 0, each above the one before");
            gamma(s);
            return Schedules.multistep(milestones, s.getDouble("gamma"));
        }
    }

    public static final class ExponentialProvider implements ScheduleProvider {
        public String name() { return "exponential"; }
        public String description() { return "ExponentialLR: lr x gamma^epoch"; }
        public List<Setting> settings() { return List.of(Setting.requiredNumber("gamma", "factor per epoch")); }
        public Schedule create(Settings s) {
            gamma(s);
            return Schedules.exponential(s.getDouble("gamma"));
        }
    }

    public static final class CosineProvider implements ScheduleProvider {
        public String name() { return "cosine"; }
        public String description() { return "CosineAnnealingLR: from lr down to eta_min along half a cosine over t_max epochs"; }
        public List<Setting> settings() {
            return List.of(Setting.integer("t_max", null, "epochs of the half cosine"), Setting.number("eta_min", 0, "the lowest rate"));
        }
        public Schedule create(Settings s) {
            s.require(s.getInt("t_max") >= 1, "t_max", "at least 1");
            s.require(s.getDouble("eta_min") >= 0, "eta_min", "at least 0");
            return Schedules.cosine(s.getInt("t_max"), s.getDouble("eta_min"));
        }
    }

    public static final class LinearProvider implements ScheduleProvider {
        public String name() { return "linear"; }
        public String description() { return "LinearLR: a linear warm-up from start_factor x lr to end_factor x lr over total_iters epochs"; }
        public List<Setting> settings() {
            return List.of(Setting.number("start_factor", 1.0 / 3, "factor of the first epoch"),
                    Setting.number("end_factor", 1.0, "factor from total_iters on"), Setting.integer("total_iters", 5, "epochs of the ramp"));
        }
        public Schedule create(Settings s) {
            s.require(s.getDouble("start_factor") > 0 && s.getDouble("start_factor") <= 1, "start_factor", "in (0, 1]");
            s.require(s.getDouble("end_factor") >= 0 && s.getDouble("end_factor") <= 1, "end_factor", "in [0, 1]");
            s.require(s.getInt("total_iters") >= 1, "total_iters", "at least 1");
            return Schedules.linear(s.getDouble("start_factor"), s.getDouble("end_factor"), s.getInt("total_iters"));
        }
    }

    public static final class OneCycleProvider implements ScheduleProvider {
        public String name() { return "onecycle"; }
        public String description() { return "OneCycleLR (cosine): up to max_lr and down again over total_steps batches; per batch"; }
        public List<Setting> settings() {
            return List.of(Setting.requiredNumber("max_lr", "the peak rate"),
                    Setting.integer("total_steps", null, "batches of the whole run (epochs x batches per epoch), at least"),
                    Setting.number("pct_start", 0.3, "share of the steps spent rising"),
                    Setting.number("div_factor", 25, "initial rate = max_lr / div_factor"),
                    Setting.number("final_div_factor", 1e4, "final rate = initial rate / final_div_factor"));
        }
        public Schedule create(Settings s) {
            s.require(s.getDouble("max_lr") > 0, "max_lr", "greater than 0");
            s.require(s.getInt("total_steps") >= 2, "total_steps", "at least 2");
            s.require(s.getDouble("pct_start") > 0 && s.getDouble("pct_start") < 1, "pct_start", "in (0, 1)");
            s.require(s.getDouble("div_factor") > 0, "div_factor", "greater than 0");
            s.require(s.getDouble("final_div_factor") > 0, "final_div_factor", "greater than 0");
            return new Schedules.OneCycle(s.getDouble("max_lr"), s.getInt("total_steps"), s.getDouble("pct_start"),
                    s.getDouble("div_factor"), s.getDouble("final_div_factor"));
        }
    }

    public static final class PlateauProvider implements ScheduleProvider {
        public String name() { return "plateau"; }
        public String description() { return "ReduceLROnPlateau: lr x factor when the test loss stops improving for patience epochs"; }
        public List<Setting> settings() {
            return List.of(Setting.text("mode", "min", "min: the test loss should fall"),
                    Setting.number("factor", 0.1, "factor per reduction"),
                    Setting.integer("patience", 10, "epochs without improvement before a reduction"),
                    Setting.number("threshold", 1e-4, "relative improvement that counts"),
                    Setting.integer("cooldown", 0, "epochs after a reduction before watching again"),
                    Setting.number("min_lr", 0, "the lowest rate"));
        }
        public Schedule create(Settings s) {
            s.require(s.getString("mode").equals("min"), "mode", "min (the schedule watches the test loss)");
            s.require(s.getDouble("factor") > 0 && s.getDouble("factor") < 1, "factor", "in (0, 1)");
            s.require(s.getInt("patience") >= 0, "patience", "at least 0");
            s.require(s.getDouble("threshold") >= 0, "threshold", "at least 0");
            s.require(s.getInt("cooldown") >= 0, "cooldown", "at least 0");
            s.require(s.getDouble("min_lr") >= 0, "min_lr", "at least 0");
            return new Schedules.Plateau(s.getDouble("factor"), s.getInt("patience"), s.getDouble("threshold"), s.getInt("cooldown"),
                    s.getDouble("min_lr"));
        }
    }

    private static void gamma(Settings s) {
        s.require(s.getDouble("gamma") > 0 && s.getDouble("gamma") <= 1, "gamma", "in (0, 1]");
    }
}
