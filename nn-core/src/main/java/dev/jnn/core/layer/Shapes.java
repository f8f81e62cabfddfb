package dev.jnn.core.layer;

import dev.jnn.api.Tensor;
import java.util.Arrays;

/** Shape checks shared by layers, with messages that name the layer and both shapes. */
public final class Shapes {
    private Shapes() {
    }

    /** The number of values in one sample of this shape. */
    public static int size(int[] sampleShape) {
        int size = 1;
        for (int d : sampleShape) {
            size *= d;
        }
        return size;
    }

    /**
     * Fails unless {@code input} is a batch of samples of {@code sampleShape}.
     *
     * @param owner for the message, such as {@code "dense"}
     */
    public static void checkBatch(String owner, Tensor input, int[] sampleShape) {
        checkBatch(owner, "", input, sampleShape);
    }

    // The owner's name and what is checked come apart so that the message is built only when it is
    // needed: a training step calls this for every layer and must allocate nothing.
    private static void checkBatch(String owner, String what, Tensor input, int[] sampleShape) {
        boolean fits = input.rank() == sampleShape.length + 1;
        for (int i = 0; fits && i < sampleShape.length; i++) {
            fits = input.dim(i + 1) == sampleShape[i];
        }
        if (!fits) {
            throw new IllegalArgumentException(owner + what + ": input has shape " + input.shapeString() + ", expected [batch, "
                    + Arrays.toString(sampleShape).replace("[", "").replace("]", "") + "]");
        }
    }

    /**
     * Fails unless {@code gradOutput} is dLoss/dOutput for the batch of the last forward pass:
     * {@code [rows of lastInput, outputShape...]}. A backward pass with another batch would read past
     * the cached batch or mix two batches.
     *
     * @param lastInput what forward cached; null when forward has not run
     */
    public static void checkBackward(String owner, Tensor lastInput, Tensor gradOutput, int[] outputShape) {
        if (lastInput == null) {
            throw new IllegalStateException(owner + ": backward called before forward; run forward on the batch first");
        }
        checkBatch(owner, " backward (dLoss/dOutput)", gradOutput, outputShape);
        if (gradOutput.rows() != lastInput.rows()) {
            throw new IllegalArgumentException(owner + ": backward got a gradient for " + gradOutput.rows()
                    + " samples, but the last forward batch had " + lastInput.rows());
        }
    }

    /** Fails unless the layer has been built. */
    public static void checkBuilt(String owner, Object builtMarker) {
        if (builtMarker == null) {
            throw new IllegalStateException(owner + " is not built yet: call build(inputShape, context) first,"
                    + " or add it to a model and build the model");
        }
    }
}
