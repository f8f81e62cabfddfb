package dev.jnn.core.check;

import dev.jnn.api.BuildContext;
import dev.jnn.core.Engine;
import dev.jnn.api.Layer;
import dev.jnn.api.Loss;
import dev.jnn.api.Parameter;
import dev.jnn.api.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Compares a layer's or a loss's analytic gradients with central finite differences.
 *
 * <pre>
 *   numeric dL/dv = (L(v + eps) - L(v - eps)) / (2 eps)          for each checked value v
 *   error         = |analytic - numeric| / max(|analytic|, |numeric|, floor)
 * </pre>
 *
 * For a layer, the scalar is {@code L = sum(forward(x) * R)} with a fixed random R, so that backward
 * is called with {@code dL/dy = R} and every output counts; inputs and every parameter are checked.
 * For a loss, L is the loss itself and the predictions are checked.
 *
 * <p>Layers compute in float32, so eps is 1e-2 by default (smaller steps drown in rounding) and the
 * default tolerance 1e-2; a correct smooth layer typically scores below 1e-3, a wrong backward far
 * above 1e-1. The floor (1e-2) keeps gradients near zero from inflating the relative error. Inputs
 * are drawn with magnitudes in [0.1, 1], away from the kink of ReLU-like functions; pass your own
 * with {@link #input(Tensor)}. Use it in your tests:
 *
 * <pre>{@code
 *   GradientCheck.layer(new MyLayer()).inputShape(4).batch(3).run().assertPassed();
 * }</pre>
 */
public final class GradientCheck {
    private final Layer layer;
    private int[] inputShape = {4};
    private int batch = 3;
    private long seed = 1;
    private double epsilon = 1e-2;
    private double tolerance = 1e-2;
    private double floor = 1e-2;
    private int maxPerTensor = 400;
    private Tensor input;
    private Engine engine = Engine.shared();

    private GradientCheck(Layer layer) {
        this.layer = layer;
    }

    /** A check of {@code layer}, which {@link #run()} builds afresh for the input shape. */
    public static GradientCheck layer(Layer layer) {
        return new GradientCheck(layer);
    }

    /** One sample's shape; {@code [4]} unless set. */
    public GradientCheck inputShape(int... shape) {
        this.inputShape = shape.clone();
        return this;
    }

    /** Samples in the checked batch; 3 unless set. */
    public GradientCheck batch(int batch) {
        this.batch = batch;
        return this;
    }

    /** Seeds the weights, inputs and the projection R; 1 unless set. */
    public GradientCheck seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The finite-difference step; 1e-2 unless set. */
    public GradientCheck epsilon(double epsilon) {
        this.epsilon = epsilon;
        return this;
    }

    /** The largest relative error that passes; 1e-2 unless set. */
    public GradientCheck tolerance(double tolerance) {
        this.tolerance = tolerance;
        return this;
    }

    /** At most this many values of each tensor are checked (a seeded sample of a larger one); 400 unless set. */
    public GradientCheck maxPerTensor(int max) {
        this.maxPerTensor = max;
        return this;
    }

    /** Checks at this input instead of a random one; its shape sets the batch and input shape. */
    public GradientCheck input(Tensor input) {
        this.input = input.copy();
        int[] shape = input.shape();
        this.batch = shape[0];
        this.inputShape = java.util.Arrays.copyOfRange(shape, 1, shape.length);
        return this;
    }

    /** Builds the layer on {@code engine} (its kernels and providers); the shared engine unless set. */
    public GradientCheck engine(Engine engine) {
        this.engine = engine;
        return this;
    }

    /** Builds the layer, runs forward and backward once, and compares every checked value. */
    public GradientCheckResult run() {
        SplittableRandom random = new SplittableRandom(seed);
        layer.build(inputShape.clone(), BuildContext.of(random, layer.type() + ".", engine.kernels(), engine.providers()));
        Tensor x = input != null ? input.copy() : awayFromZero(batch, inputShape, random);
        Tensor y = layer.forward(x, true);
        Tensor projection = Tensor.zeros(y.shape());
        for (int i = 0; i < projection.size(); i++) {
            projection.data()[i] = (float) random.nextGaussian();
        }
        Tensor analyticInput = layer.backward(projection).copy();
        List<Tensor> analyticParameters = new ArrayList<>();
        for (Parameter p : layer.parameters()) {
            analyticParameters.add(p.gradient().copy());
        }

        Tensor r = projection;
        Worst worst = new Worst();
        compare("input", x, analyticInput, () -> project(layer.forward(x, true), r), random, worst);
        List<Parameter> parameters = layer.parameters();
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            compare("parameter " + p.name(), p.value(), analyticParameters.get(k),
                    () -> project(layer.forward(x, true), r), random, worst);
        }
        return worst.result(tolerance);
    }

    /**
     * Checks {@code loss}'s gradient with respect to {@code predictions} for these targets.
     */
    public static GradientCheckResult loss(Loss loss, Tensor predictions, Tensor targets) {
        return loss(loss, predictions, targets, 1e-2, 1e-2);
    }

    /** As {@link #loss(Loss, Tensor, Tensor)}, with the finite-difference step and tolerance given. */
    public static GradientCheckResult loss(Loss loss, Tensor predictions, Tensor targets, double epsilon,
                                           double tolerance) {
        Tensor p = predictions.copy();
        loss.forward(p, targets);
        Tensor analytic = loss.backward().copy();
        GradientCheck settings = new GradientCheck(null).epsilon(epsilon);
        Worst worst = new Worst();
        settings.compare("prediction", p, analytic, () -> loss.forward(p, targets), new SplittableRandom(0), worst);
        return worst.result(tolerance);
    }

    private interface Scalar {
        double value();
    }

    /** Perturbs each checked value of {@code values} both ways, re-evaluates, and keeps the worst error. */
    private void compare(String what, Tensor values, Tensor analytic, Scalar objective, SplittableRandom random,
                         Worst worst) {
        float[] v = values.data();
        int[] indices = sample(v.length, random);
        for (int i : indices) {
            float original = v[i];
            v[i] = (float) (original + epsilon);
            double plus = objective.value();
            v[i] = (float) (original - epsilon);
            double minus = objective.value();
            v[i] = original;
            // The step actually taken, after rounding to float, not the nominal 2 eps.
            double step = (double) (float) (original + epsilon) - (double) (float) (original - epsilon);
            double numeric = (plus - minus) / step;
            double a = analytic.data()[i];
            double error = Math.abs(a - numeric) / Math.max(floor, Math.max(Math.abs(a), Math.abs(numeric)));
            worst.offer(error, what + position(values, i), a, numeric);
        }
        objective.value(); // leave the caches as they were after an unperturbed forward
    }

    private int[] sample(int size, SplittableRandom random) {
        if (size <= maxPerTensor) {
            return java.util.stream.IntStream.range(0, size).toArray();
        }
        return random.ints(0, size).distinct().limit(maxPerTensor).sorted().toArray();
    }

    private static double project(Tensor y, Tensor r) {
        double sum = 0;
        for (int i = 0; i < y.size(); i++) {
            sum += (double) y.data()[i] * r.data()[i];
        }
        return sum;
    }

    private static Tensor awayFromZero(int batch, int[] sampleShape, SplittableRandom random) {
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = batch;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        Tensor x = Tensor.zeros(shape);
        for (int i = 0; i < x.size(); i++) {
            double magnitude = 0.1 + 0.9 * random.nextDouble();
            x.data()[i] = (float) (random.nextBoolean() ? magnitude : -magnitude);
        }
        return x;
    }

    private static String position(Tensor t, int flat) {
        return t.rank() == 1 ? "[" + flat + "]" : "[" + flat / t.columns() + ", " + flat % t.columns() + "]";
    }

    /** The largest error seen so far, and where. */
    private static final class Worst {
        double error = -1;
        String at = "nothing";
        double analytic;
        double numeric;
        int checked;

        void offer(double e, String where, double a, double n) {
            checked++;
            if (e > error || Double.isNaN(e)) {
                error = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                at = where;
                analytic = a;
                numeric = n;
            }
        }

        GradientCheckResult result(double tolerance) {
            return new GradientCheckResult(Math.max(error, 0), at, analytic, numeric, checked, tolerance);
        }
    }
}
