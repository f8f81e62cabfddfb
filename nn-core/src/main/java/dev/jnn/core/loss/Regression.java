package dev.jnn.core.loss;

import dev.jnn.api.Tensor;

/** The checks every regression loss makes, with one message style. */
final class Regression {
    private Regression() {
    }

    /** Predictions and targets of one shape. */
    static void checkShapes(String owner, Tensor p, Tensor y) {
        if (!p.sameShape(y)) {
            throw new IllegalArgumentException(owner + ": targets of shape " + y.shapeString()
                    + " do not fit predictions of shape " + p.shapeString() + "; expected the same shape");
        }
    }

    /** A whole dataset's targets: one finite value per output. */
    static void checkTargets(String owner, Tensor targets, int outputs) {
        if (targets.columns() != outputs) {
            throw new IllegalArgumentException(owner + ": the targets have " + targets.columns() + " values per sample, but the model has "
                    + outputs + " outputs; expected one target per output");
        }
        if (!targets.isFinite()) {
            throw new IllegalArgumentException(owner + ": the targets hold NaN or infinite values");
        }
    }
}
