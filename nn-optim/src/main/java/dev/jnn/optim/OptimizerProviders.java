package dev.jnn.optim;

import dev.jnn.api.Optimizer;
import dev.jnn.api.spi.OptimizerProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import java.util.List;

/**
 * The optimizers by name, with their settings and defaults stated once, here
 * ({@code docs/optimizers.md}: PyTorch's defaults, but SGD's lr of 0.01).
 * Each nested class is listed in {@code META-INF/services/dev.jnn.api.spi.OptimizerProvider}.
 */
public final class OptimizerProviders {
    private OptimizerProviders() {
    }

    static final Setting WEIGHT_DECAY = Setting.number("weight_decay", 0, "L2 penalty added to the gradient");

    private static List<Setting> sgdSettings(double momentum, boolean nesterov) {
        return List.of(
                Setting.number("lr", 0.01, "learning rate"),
                Setting.number("momentum", momentum, "momentum factor; 0 for plain SGD"),
                Setting.number("dampening", 0, "dampening of the momentum buffer"),
                WEIGHT_DECAY,
                Setting.flag("nesterov", nesterov, "Nesterov momentum (needs momentum > 0, dampening 0)"));
    }

    private static Optimizer sgd(Settings s) {
        return new Sgd(s.getDouble("lr"), s.getDouble("momentum"), s.getDouble("dampening"),
                s.getDouble("weight_decay"), s.getBoolean("nesterov"));
    }

    /** {@code sgd}: plain stochastic gradient descent. */
    public static final class SgdProvider implements OptimizerProvider {
        public String name() { return "sgd"; }
        public String description() { return "stochastic gradient descent (torch.optim.SGD), momentum 0 by default"; }
        public List<Setting> settings() { return sgdSettings(0, false); }
        public Optimizer create(Settings s) { return sgd(s); }
    }

    /** {@code momentum}: SGD with classic momentum 0.9. */
    public static final class MomentumProvider implements OptimizerProvider {
        public String name() { return "momentum"; }
        public String description() { return "SGD with classic (heavy-ball) momentum, 0.9 by default"; }
        public List<Setting> settings() { return sgdSettings(0.9, false); }
        public Optimizer create(Settings s) { return sgd(s); }
    }

    /** {@code nesterov}: SGD with Nesterov momentum 0.9. */
    public static final class NesterovProvider implements OptimizerProvider {
        public String name() { return "nesterov"; }
        public String description() { return "SGD with Nesterov momentum, 0.9 by default"; }
        public List<Setting> settings() { return sgdSettings(0.9, true); }
        public Optimizer create(Settings s) { return sgd(s); }
    }

    /** {@code rmsprop}: torch.optim.RMSprop. */
    public static final class RmsPropProvider implements OptimizerProvider {
        public String name() { return "rmsprop"; }
        public String description() { return "RMSprop (torch.optim.RMSprop): steps divided by a running RMS of the gradient"; }
        public List<Setting> settings() {
            return List.of(
                    Setting.number("lr", 0.01, "learning rate"),
                    Setting.number("alpha", 0.99, "smoothing constant of the squared-gradient average"),
                    Setting.number("eps", 1e-8, "added to the root, outside it"),
                    WEIGHT_DECAY,
                    Setting.number("momentum", 0, "momentum factor"),
                    Setting.flag("centered", false, "divide by the gradient's running variance instead of its second moment"));
        }
        public Optimizer create(Settings s) {
            return new RmsProp(s.getDouble("lr"), s.getDouble("alpha"), s.getDouble("eps"), s.getDouble("weight_decay"),
                    s.getDouble("momentum"), s.getBoolean("centered"));
        }
    }

    private static List<Setting> adamSettings(double weightDecay) {
        return List.of(
                Setting.number("lr", 0.001, "learning rate"),
                Setting.number("beta1", 0.9, "decay of the first-moment (mean) average"),
                Setting.number("beta2", 0.999, "decay of the second-moment (uncentered variance) average"),
                Setting.number("eps", 1e-8, "added to the bias-corrected root"),
                Setting.number("weight_decay", weightDecay, "weight decay"),
                Setting.flag("amsgrad", false, "use the running maximum of the second moment (AMSGrad)"));
    }

    private static Optimizer adam(Settings s, boolean decoupled) {
        return new Adam(s.getDouble("lr"), s.getDouble("beta1"), s.getDouble("beta2"), s.getDouble("eps"),
                s.getDouble("weight_decay"), s.getBoolean("amsgrad"), decoupled);
    }

    /** {@code adam}: torch.optim.Adam, weight decay as a coupled L2 penalty. */
    public static final class AdamProvider implements OptimizerProvider {
        public String name() { return "adam"; }
        public String description() { return "Adam (torch.optim.Adam): bias-corrected first and second moments"; }
        public List<Setting> settings() { return adamSettings(0); }
        public Optimizer create(Settings s) { return adam(s, false); }
    }

    /** {@code adamw}: torch.optim.AdamW, decoupled weight decay 0.01. */
    public static final class AdamWProvider implements OptimizerProvider {
        public String name() { return "adamw"; }
        public String description() { return "AdamW (torch.optim.AdamW): Adam with decoupled weight decay"; }
        public List<Setting> settings() { return adamSettings(0.01); }
        public Optimizer create(Settings s) { return adam(s, true); }
    }

    /** {@code adagrad}: torch.optim.Adagrad without lr decay. */
    public static final class AdagradProvider implements OptimizerProvider {
        public String name() { return "adagrad"; }
        public String description() { return "Adagrad (torch.optim.Adagrad): steps shrink with the sum of squared gradients"; }
        public List<Setting> settings() {
            return List.of(
                    Setting.number("lr", 0.01, "learning rate"),
                    Setting.number("eps", 1e-10, "added to the root"),
                    WEIGHT_DECAY,
                    Setting.number("initial_accumulator_value", 0, "starting value of the squared-gradient sum"));
        }
        public Optimizer create(Settings s) {
            return new Adagrad(s.getDouble("lr"), s.getDouble("eps"), s.getDouble("weight_decay"),
                    s.getDouble("initial_accumulator_value"));
        }
    }
}
