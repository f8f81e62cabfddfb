package dev.jnn.core.layer;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Initializer;
import dev.jnn.api.Layer;
import dev.jnn.api.Parameter;
import dev.jnn.api.Tensor;
import dev.jnn.api.spi.Providers;
import dev.jnn.core.kernel.Kernels;
import dev.jnn.core.kernel.Workspace;
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
 *   backward: dz = act'(dy)                the activation's own backward
 *             dW = x^T dz                  summed over the batch; dy is already divided by the batch
 *             db = sum over rows of dz     size, so these are batch means
 *             dx = dz W^T
 * </pre>
 * The weight is drawn by the named initializer (Xavier uniform unless told otherwise, as in Keras),
 * found through the provider registry; the bias starts at zero.
 *
 * <p>With ReLU or no activation, the bias and ReLU are applied inside the product as its tiles are
 * stored ({@link Kernels#matmulBias}), and ReLU's derivative is taken from the output here, which
 * saves two passes over the output per step; other activations run as their own layers.
 */
public final class Dense implements Layer {
    private final Kernels kernels = Kernels.get();
    private final int units;
    private final Layer activation;
    private final boolean fusedRelu;
    private final boolean useBias;
    private Initializer initializer;
    private String initializerName = "xavier_uniform";

    private int inputs = -1;
    private int[] inputShape;
    private int[] unitsShape;
    private Parameter weight;
    private Parameter bias;
    private Tensor input;
    private Tensor z;
    private final Workspace zBuffers = new Workspace();
    private Tensor dz;
    private final Workspace dzBuffers = new Workspace();
    private float[] zeroBias;
    private Tensor gradInput;
    private final Workspace gradInputBuffers = new Workspace();

    /** A linear layer (no activation) with a bias. */
    public Dense(int units) {
        this(units, null, true);
    }

    /**
     * @param activation applied after the product, any shape-preserving layer; null for none
     * @param useBias    whether to add a bias
     * @throws IllegalArgumentException if units &lt; 1
     */
    public Dense(int units, Layer activation, boolean useBias) {
        if (units < 1) {
            throw new IllegalArgumentException("dense: units must be at least 1, got " + units);
        }
        this.units = units;
        this.fusedRelu = activation instanceof Relu;
        this.activation = activation instanceof Identity || fusedRelu ? null : activation;
        this.useBias = useBias;
    }

    /** A dense layer with an activation named like a layer provider: {@code relu}, {@code tanh}, ... */
    public static Dense withActivation(int units, String activation) {
        return new Dense(units, Providers.layer(activation, Map.of()), true);
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
        inputs = inputShape[0];
        this.inputShape = inputShape.clone();
        unitsShape = new int[] {units};
        weight = context.parameter("weight", inputs, units);
        Initializer init = initializer != null ? initializer : Providers.initializer(initializerName, Map.of());
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
        int batch = x.rows();
        input = x;
        z = zBuffers.get(batch, unitsShape);
        float[] b = bias != null ? bias.value().data() : zeroBias;
        kernels.matmulBias(x.data(), weight.value().data(), b, z.data(), batch, inputs, units, fusedRelu);
        return activation == null ? z : activation.forward(z, training);
    }

    @Override
    public Tensor backward(Tensor dy) {
        return backward(dy, true);
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInputGradient) {
        Tensor dz = activation != null ? activation.backward(dy) : fusedRelu ? reluBackward(dy) : dy;
        int batch = dz.rows();
        kernels.matmulTransA(input.data(), dz.data(), weight.gradient().data(), batch, inputs, units);
        if (bias != null) {
            kernels.sumRows(dz.data(), bias.gradient().data(), batch, units);
        }
        if (!needInputGradient) {
            return null;
        }
        gradInput = gradInputBuffers.get(batch, inputShape);
        kernels.matmulTransB(dz.data(), weight.value().data(), gradInput.data(), batch, units, inputs);
        return gradInput;
    }

    /** dz = dy * (y &gt; 0), y being the fused ReLU's output (kept in z). */
    private Tensor reluBackward(Tensor dy) {
        dz = dzBuffers.get(dy.rows(), unitsShape);
        kernels.reluBackward(z.data(), dy.data(), dz.data(), dy.size());
        return dz;
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
        String act = fusedRelu ? ", relu" : activation == null ? "" : ", " + activation;
        return "dense(" + units + act + (useBias ? "" : ", no bias") + ")";
    }
}
