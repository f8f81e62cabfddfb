package dev.jnn.core.layer;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Initializer;
import dev.jnn.api.Kernels;
import dev.jnn.api.Layer;
import dev.jnn.api.Parameter;
import dev.jnn.api.Scratch;
import dev.jnn.api.Tensor;
import dev.jnn.api.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A fully connected layer, {@code units} outputs each a weighted sum of every input plus a bias,
 * optionally followed by an activation.
 * <pre>
 *   forward:  z = x W + b                  x [batch, in], W [in, units], b [units]
 *             y = act(z)
 *   backward: dz = dy ⊙ act'(z)            the activation's own backward
 *             dW = x^T dz                  summed over the batch; dy is already divided by the batch
 *             db = sum over rows of dz     size, so these are batch means
 *             dx = dz W^T
 * </pre>
 * The weight is drawn by the named initializer (Xavier uniform unless told otherwise, as in Keras),
 * found through the providers of the engine that builds the model; the bias starts at zero.
 *
 * <p>With ReLU or no activation, the bias and ReLU are applied inside the product as its tiles are
 * stored ({@link Kernels#matmulBias}), and ReLU's derivative is taken from the output here, which
 * saves two passes over the output per step; other activations run as their own layers.
 */
public final class Dense implements Layer {
    private final int units;
    private final boolean useBias;
    // The activation as given (a layer, or a name resolved when built); null for none.
    private final Layer givenActivation;
    private final String activationName;
    private Initializer initializer;
    private String initializerName = "xavier_uniform";

    // Set by build().
    private Kernels kernels;
    private Layer activation;                     // null when none or fused
    private boolean fusedRelu;
    private int inputs = -1;
    private int[] inputShape;
    private int[] unitsShape;
    private Parameter weight;
    private Parameter bias;
    private float[] zeroBias;

    // What forward caches for backward, and the training pass's buffers.
    private Tensor input;
    private Tensor z;
    private final Workspace zBuffers = new Workspace();
    private final Workspace dzBuffers = new Workspace();
    private final Workspace gradInputBuffers = new Workspace();

    /** A linear layer (no activation) with a bias. */
    public Dense(int units) {
        this(units, (Layer) null, true);
    }

    /**
     * @param activation applied after the product, any shape-preserving layer; null for none
     * @param useBias    whether to add a bias
     * @throws IllegalArgumentException if units &lt; 1
     */
    public Dense(int units, Layer activation, boolean useBias) {
        this(units, activation, null, useBias);
    }

    private Dense(int units, Layer activation, String activationName, boolean useBias) {
        if (units < 1) {
            throw new IllegalArgumentException("dense: units must be at least 1, got " + units);
        }
        this.units = units;
        this.givenActivation = activation;
        this.activationName = activationName;
        this.useBias = useBias;
    }

    /**
     * A dense layer with an activation named like a layer provider ({@code relu}, {@code tanh}, ...),
     * resolved by the providers of the engine that builds it.
     */
    public static Dense withActivation(int units, String activation) {
        return new Dense(units, null, activation, true);
    }

    /** Draws the weight with this initializer instead of the default. Returns this layer. */
    public Dense init(Initializer init) {
        this.initializer = init;
        return this;
    }

    /** Draws the weight with the initializer of this name (resolved when the layer is built). */
    public Dense init(String name) {
        this.initializerName = name;
        this.initializer = null;
        return this;
    }

    @Override
    public String type() {
        return "dense";
    }

    @Override
    public void build(int[] inputShape, BuildContext context) {
        if (inputShape.length != 1) {
            throw new IllegalArgumentException("dense expects one-dimensional samples [features], got "
                    + Arrays.toString(inputShape) + "; put a flatten layer before it");
        }
        kernels = context.kernels();
        Layer act = givenActivation != null ? givenActivation
                : activationName != null ? context.providers().layer(activationName, Map.of()) : null;
        fusedRelu = act instanceof Relu;
        activation = act instanceof Identity || fusedRelu ? null : act;
        inputs = inputShape[0];
        this.inputShape = inputShape.clone();
        unitsShape = new int[] {units};
        weight = context.parameter("weight", inputs, units);
        Initializer init = initializer != null ? initializer
                : context.providers().initializers().createInline(initializerName);
        init.fill(weight.value(), inputs, units, context.random());
        bias = useBias ? context.parameter("bias", units) : null;
        zeroBias = new float[units];
        if (activation != null) {
            activation.build(new int[] {units}, context);
            if (!Arrays.equals(activation.outputShape(), new int[] {units})) {
                throw new IllegalArgumentException("dense: activation " + activation.type() + " changes shape ["
                        + units + "] to " + Arrays.toString(activation.outputShape()) + "; it must keep it");
            }
        }
    }

    @Override
    public int[] outputShape() {
        return new int[] {units};
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Shapes.checkBuilt(type(), weight);
        Shapes.checkBatch(type(), x, inputShape);
        input = x;
        z = zBuffers.get(x.rows(), unitsShape);
        product(x, z);
        return activation == null ? z : activation.forward(z, training);
    }

    @Override
    public Tensor infer(Tensor x, Scratch scratch) {
        Shapes.checkBuilt(type(), weight);
        Shapes.checkBatch(type(), x, inputShape);
        Tensor out = scratch.buffer(0, x.rows(), unitsShape);
        product(x, out);
        return activation == null ? out : activation.infer(out, scratch.child());
    }

    /** out = x W + b, then max(0, .) when ReLU is fused. */
    private void product(Tensor x, Tensor out) {
        float[] b = bias != null ? bias.value().data() : zeroBias;
        kernels.matmulBias(x.data(), weight.value().data(), b, out.data(), x.rows(), inputs, units, fusedRelu);
    }

    @Override
    public Tensor backward(Tensor dy) {
        return backward(dy, true);
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInputGradient) {
        Shapes.checkBackward(type(), input, dy, unitsShape);
        Tensor dz = activation != null ? activation.backward(dy) : fusedRelu ? reluBackward(dy) : dy;
        int batch = dz.rows();
        kernels.matmulTransA(input.data(), dz.data(), weight.gradient().data(), batch, inputs, units);
        if (bias != null) {
            kernels.sumRows(dz.data(), bias.gradient().data(), batch, units);
        }
        if (!needInputGradient) {
            return null;
        }
        Tensor gradInput = gradInputBuffers.get(batch, inputShape);
        kernels.matmulTransB(dz.data(), weight.value().data(), gradInput.data(), batch, units, inputs);
        return gradInput;
    }

    /** dz = dy ⊙ (y &gt; 0), y being the fused ReLU's output (kept in z). */
    private Tensor reluBackward(Tensor dy) {
        Tensor dz = dzBuffers.get(dy.rows(), unitsShape);
        kernels.reluBackward(z.data(), dy.data(), dz.data(), dy.size());
        return dz;
    }

    /**
     * {@code units}, {@code activation} and {@code init} by name (with their own settings inline, as
     * {@code leaky_relu(negative_slope=0.2)}), {@code bias}.
     */
    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put("units", units);
        Layer act = kernels != null ? (fusedRelu ? null : activation) : givenActivation;
        String activationSpec = fusedRelu ? "relu" : act != null ? inline(act.type(), act.settings())
                : activationName != null ? activationName : "identity";
        settings.put("activation", activationSpec);
        settings.put("init", initializer != null ? initializer.type() : initializerName);
        settings.put("bias", useBias);
        return settings;
    }

    /** {@code name} or {@code name(key=value, ...)}: how a run file names a provider with settings inside a setting. */
    private static String inline(String name, Map<String, Object> settings) {
        if (settings.isEmpty()) {
            return name;
        }
        StringBuilder s = new StringBuilder(name).append('(');
        settings.forEach((k, v) -> s.append(s.charAt(s.length() - 1) == '(' ? "" : ", ").append(k).append('=').append(v));
        return s.append(')').toString();
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>();
        if (weight != null) {
            list.add(weight);
        }
        if (bias != null) {
            list.add(bias);
        }
        list.addAll(activation == null ? List.of() : activation.parameters());
        return list;
    }

    public int units() {
        return units;
    }

    /** The weight {@code [in, units]}; null before build. */
    public Parameter weight() {
        return weight;
    }

    /** The bias {@code [units]}; null before build or without bias. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public String toString() {
        Object act = kernels != null ? (fusedRelu ? "relu" : activation)          // built
                : givenActivation != null ? givenActivation : activationName;
        boolean none = act == null || act instanceof Identity || "identity".equals(act);
        return "dense(" + units + (none ? "" : ", " + act) + (useBias ? "" : ", no bias") + ")";
    }
}
