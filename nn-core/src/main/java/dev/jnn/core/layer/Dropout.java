package dev.jnn.core.layer;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Layer;
import dev.jnn.api.Scratch;
import dev.jnn.api.Tensor;
import dev.jnn.api.Workspace;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Inverted dropout, as {@code torch.nn.Dropout}: in training each value is kept with probability
 * 1 - p and scaled by 1 / (1 - p), so that the expected output equals the input; in evaluation it
 * passes values through unchanged.
 * <pre>
 *   forward:  m_i = (u_i ≥ p) / (1 - p),   u_i uniform in [0, 1)       y = x ⊙ m      (training)
 *             y = x                                                                   (evaluation)
 *   backward: dx = dy ⊙ m
 * </pre>
 * The mask comes from a generator seeded from the model's when the layer is built, drawn in order on
 * the training thread: the same seed gives the same masks, on 1 thread or 2.
 */
public final class Dropout implements Layer {
    private final double p;
    private int[] shape;
    private SplittableRandom random;
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
        random = new SplittableRandom(context.random().nextLong());
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
            float keep = (float) (1 / (1 - p));
            float[] md = m.data();
            for (int i = 0; i < md.length; i++) {
                md[i] = random.nextDouble() >= p ? keep : 0f;
            }
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
