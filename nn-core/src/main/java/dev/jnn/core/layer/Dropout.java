package dev.jnn.core.layer;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Layer;
import dev.jnn.api.Parameter;
import dev.jnn.api.Scratch;
import dev.jnn.api.Tensor;
import dev.jnn.api.Workspace;
import java.util.Map;

/**
 * Inverted dropout, as {@code torch.nn.Dropout}: in training each value is kept with probability
 * 1 - p and scaled by 1 / (1 - p), so that the expected output equals the input; in evaluation it
 * passes values through unchanged.
 * <pre>
 *   forward:  m_i = (u_i ≥ p) / (1 - p),   u_i uniform in [0, 1)       y = x ⊙ m      (training)
 *             y = x                                                                   (evaluation)
 *   backward: dx = dy ⊙ m
 * </pre>
 * The mask of the k-th training batch is a function of the layer's seed (drawn from the model's when
 * it is built), k and the element's index, through SplitMix64's mixing function: the same seed gives the
 * same masks, on 1 thread or 2, and the seed and k are a buffer of the layer, saved with the model and
 * in checkpoints, so a resumed run draws the masks the straight run would have drawn.
 */
public final class Dropout implements Layer {
    private final double p;
    private int[] shape;
    /** {seed in four 16-bit parts, batch count k in two 24-bit parts}: floats hold these exactly. */
    private Parameter state;
    private Tensor mask;
    private final Workspace maskBuffers = new Workspace();
    private final Workspace outputBuffers = new Workspace();
    private final Workspace gradInputBuffers = new Workspace();
    private boolean repeatMask;
    private boolean masked;

    /** @param p the probability of dropping each value, in [0, 1) */
    public Dropout(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout: p must be in [0, 1), got " + p);
        }
        this.p = p;
    }

    @Override
    public String type() {
        return "dropout";
    }

    @Override
    public void build(int[] inputShape, BuildContext context) {
        shape = inputShape.clone();
        state = context.parameter("state", 6);
        long seed = context.random().nextLong();
        float[] st = state.value().data();
        for (int part = 0; part < 4; part++) {
            st[part] = (seed >>> (16 * part)) & 0xFFFF;
        }
    }

    @Override
    public int[] outputShape() {
        Shapes.checkBuilt(type(), shape);
        return shape.clone();
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Shapes.checkBuilt(type(), shape);
        Shapes.checkBatch(type(), x, shape);
        masked = training && p > 0;
        if (!masked) {
            return x;
        }
        Tensor m = maskBuffers.get(x.rows(), shape);
        if (!(repeatMask && m == mask)) {
            float[] st = state.value().data();
            long seed = 0;
            for (int part = 0; part < 4; part++) {
                seed |= ((long) st[part]) << (16 * part);
            }
            long k = (long) st[4] | ((long) st[5] << 24);
            float keep = (float) (1 / (1 - p));
            float[] md = m.data();
            long base = mix(seed + k * 0x9E3779B97F4A7C15L);
            for (int i = 0; i < md.length; i++) {
                double u = (mix(base + i * 0xD1B54A32D192ED03L) >>> 11) * 0x1.0p-53;
                md[i] = u >= p ? keep : 0f;
            }
            k++;
            st[4] = k & 0xFFFFFF;
            st[5] = k >>> 24;
        }
        mask = m;
        Tensor y = outputBuffers.get(x.rows(), shape);
        float[] xd = x.data();
        float[] yd = y.data();
        float[] md = m.data();
        for (int i = 0; i < yd.length; i++) {
            yd[i] = xd[i] * md[i];
        }
        return y;
    }

    /** Evaluation: the input itself, unchanged (nothing is written, so any number of threads may call). */
    @Override
    public Tensor infer(Tensor x, Scratch scratch) {
        Shapes.checkBuilt(type(), shape);
        Shapes.checkBatch(type(), x, shape);
        return x;
    }

    @Override
    public Tensor backward(Tensor dy) {
        if (!masked) {
            return dy;
        }
        Shapes.checkBackward(type(), mask, dy, shape);
        Tensor dx = gradInputBuffers.get(dy.rows(), shape);
        float[] g = dy.data();
        float[] d = dx.data();
        float[] md = mask.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = g[i] * md[i];
        }
        return dx;
    }

    /** SplitMix64's finalizer: a well-mixed 64-bit value from any input (Steele, Lea and Flood, 2014). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public java.util.List<Parameter> buffers() {
        return state == null ? java.util.List.of() : java.util.List.of(state);
    }

    /**
     * Keeps drawing no new mask while batches of the same size come: for checking the backward pass
     * against finite differences, which run forward many times on one batch.
     */
    public Dropout repeatMask(boolean repeat) {
        this.repeatMask = repeat;
        return this;
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("p", p);
    }

    @Override
    public String toString() {
        return "dropout(" + p + ")";
    }
}
