package dev.jnn.optim;

import dev.jnn.api.Kernels;
import dev.jnn.api.Optimizer;
import dev.jnn.api.OptimizerState;
import dev.jnn.api.Parameter;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every optimizer here shares: named per-parameter buffers (zero when first seen), a step count,
 * and saving and restoring both.
 *
 * <p>Buffers are keyed by the parameter object, so a step does no lookups by string and allocates
 * nothing once every parameter has been seen; they are exported under {@code "name/buffer"}.
 *
 * <p>Every {@value #FLUSH_EVERY} steps, buffer values below {@link Float#MIN_NORMAL} (about 1.2e-38)
 * are set to zero. Moments of weights whose gradient is mostly zero (an input pixel that is almost
 * always blank, a ReLU that rarely fires) decay geometrically into the subnormal range, where x86
 * arithmetic runs some hundred times slower: on MNIST this made Adam's step ten times slower. Such a
 * value moves no weight (at most lr * 1e-38 / eps), so flushing it changes no result that float32
 * can show; flushing by step count keeps runs reproducible.
 */
public abstract class StatefulOptimizer implements Optimizer {
    static final int FLUSH_EVERY = 8;

    /** The learning rate, as float32 like every update (a schedule may change it between steps). */
    protected float lr;
    private final String type;
    private final List<String> bufferNames;
    private final Map<Parameter, ParameterState> states = new IdentityHashMap<>();
    private long step;

    /** One parameter's buffers and its own step count (PyTorch's {@code state[p]}). */
    private static final class ParameterState {
        final float[][] buffers;
        long step;

        ParameterState(float[][] buffers, long step) {
            this.buffers = buffers;
            this.step = step;
        }
    }

    /** @param bufferNames the per-parameter buffers this optimizer keeps, in PyTorch's names */
    protected StatefulOptimizer(String type, List<String> bufferNames) {
        this.type = type;
        this.bufferNames = List.copyOf(bufferNames);
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        Check.positive(type, "lr", lr);
        this.lr = (float) lr;
    }

    @Override
    public final void step(List<Parameter> parameters) {
        step(parameters, null);
    }

    /**
     * As {@link #step(List)}; a parameter of {@value #SPLIT_FROM} values or more is updated in parts on
     * {@code kernels}' threads (null: all here). Each value's update depends on that value alone, so
     * the parts give the same bits as one loop.
     */
    @Override
    public final void step(List<Parameter> parameters, Kernels kernels) {
        step++;
        boolean split = kernels != null && kernels.threads() > 1;
        for (int i = 0; i < parameters.size(); i++) {   // indexed: an iterator would be allocated per step
            Parameter p = parameters.get(i);
            ParameterState state = stateOf(p);
            state.step++;
            running.set(p, state);
            if (split && p.size() >= SPLIT_FROM) {
                kernels.inParts(kernels.threads(), running);
            } else {
                running.run(0, 1);
            }
        }
        running.set(null, null);                         // keep no parameter alive between steps
    }

    /** Below this many values a parameter's update is not worth handing to another thread. */
    static final int SPLIT_FROM = 1 << 16;

    /** The update of the parameter being stepped, as parts for the kernels' threads: allocated once. */
    private final class Running implements Kernels.Part {
        private Parameter parameter;
        private ParameterState state;

        void set(Parameter parameter, ParameterState state) {
            this.parameter = parameter;
            this.state = state;
        }

        @Override
        public void run(int part, int parts) {
            int n = parameter.size();
            int from = (int) ((long) n * part / parts);
            int to = (int) ((long) n * (part + 1) / parts);
            update(parameter.value().data(), parameter.gradient().data(), state.buffers, state.step, parameter.weightDecay(),
                    from, to);
            if (state.step % FLUSH_EVERY == 0) {
                for (float[] buffer : state.buffers) {
                    flushSubnormals(buffer, from, to);
                }
            }
        }
    }

    private final Running running = new Running();

    /**
     * Updates values {@code from..to} of one parameter in place. The update of a value may read and
     * write that value's entries of {@code w} and the buffers only: the step splits a parameter into
     * such ranges, updated at once on different threads.
     *
     * @param w            the weights
     * @param g            their gradient (not to be modified: it belongs to the layer)
     * @param state        the buffers named in the constructor, in that order, each of {@code w.length}
     * @param t            this parameter's step count, 1 on its first step
     * @param decayApplies whether this parameter takes weight decay
     * @param from         the first value to update
     * @param to           one past the last
     */
    protected abstract void update(float[] w, float[] g, float[][] state, long t, boolean decayApplies, int from, int to);

    /** The value buffer {@code index} starts at; 0 unless an optimizer says otherwise. */
    protected float initialValue(int index) {
        return 0f;
    }

    private static void flushSubnormals(float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Math.abs(values[i]) < Float.MIN_NORMAL) {
                values[i] = 0f;
            }
        }
    }

    /** Steps taken so far (calls of {@link #step}). */
    public long steps() {
        return step;
    }

    @Override
    public OptimizerState state() {
        Map<String, float[]> exported = new LinkedHashMap<>();
        Map<String, Long> steps = new LinkedHashMap<>();
        states.forEach((parameter, state) -> {
            for (int i = 0; i < state.buffers.length; i++) {
                exported.put(parameter.name() + "/" + bufferNames.get(i), state.buffers[i]);
            }
            steps.put(parameter.name(), state.step);
        });
        return new OptimizerState(step, exported, steps);
    }

    @Override
    public void loadState(OptimizerState state, List<Parameter> parameters) {
        Map<Parameter, ParameterState> loaded = new IdentityHashMap<>();
        for (Parameter p : parameters) {
            Long steps = state.parameterSteps().get(p.name());
            if (steps != null && steps == 0 || steps == null && state.buffers().isEmpty() && state.step() == 0) {
                continue;                                  // taken before this parameter's first step: it starts afresh
            }
            float[][] arrays = new float[bufferNames.size()][];
            for (int i = 0; i < arrays.length; i++) {
                String key = p.name() + "/" + bufferNames.get(i);
                float[] saved = state.buffers().get(key);
                if (saved == null) {
                    throw new IllegalArgumentException(type + ": saved state has no buffer '" + key + "'; it has "
                            + state.buffers().keySet());
                }
                if (saved.length != p.size()) {
                    throw new IllegalArgumentException(type + ": saved buffer '" + key + "' has " + saved.length
                            + " values, but parameter " + p + " has " + p.size());
                }
                arrays[i] = saved.clone();
            }
            loaded.put(p, new ParameterState(arrays, steps != null ? steps : state.step()));
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        parameters.forEach(p -> names.add(p.name()));
        for (String key : state.buffers().keySet()) {
            String parameter = key.substring(0, Math.max(0, key.lastIndexOf('/')));
            if (!names.contains(parameter)) {
                throw new IllegalArgumentException(type + ": saved state has buffer '" + key + "' for parameter '" + parameter
                        + "', which the model does not have; its parameters are " + names.stream().sorted().toList());
            }
        }
        states.clear();
        states.putAll(loaded);
        step = state.step();
    }

    private ParameterState stateOf(Parameter p) {
        ParameterState state = states.get(p);
        if (state == null) {
            float[][] arrays = new float[bufferNames.size()][p.size()];
            for (int i = 0; i < arrays.length; i++) {
                java.util.Arrays.fill(arrays[i], initialValue(i));
            }
            state = new ParameterState(arrays, 0);
            states.put(p, state);
        }
        return state;
    }
}
