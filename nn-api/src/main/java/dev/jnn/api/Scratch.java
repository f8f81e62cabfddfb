package dev.jnn.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The buffers one caller's inference writes into: a layer's {@link Layer#infer} takes its outputs
 * from here instead of from its own fields, so that any number of threads may run one model at once,
 * each with its own scratch.
 *
 * <p>A model keeps one scratch per layer per caller and hands it back on the caller's next call, so
 * that inference allocates nothing once each batch size has been seen. Not thread-safe: a scratch
 * belongs to one caller at a time.
 */
public final class Scratch {
    private final List<Workspace> slots = new ArrayList<>();
    private final List<Tensor[]> views = new ArrayList<>();
    private Scratch child;

    /**
     * A tensor {@code [rows, sampleShape...]} for the layer's output or intermediate number {@code slot}
     * (0, 1, ...): the same one on the next call with the same rows, so read it before then.
     */
    public Tensor buffer(int slot, int rows, int[] sampleShape) {
        while (slots.size() <= slot) {
            slots.add(new Workspace());
        }
        return slots.get(slot).get(rows, sampleShape);
    }

    /**
     * {@code source} seen as a matrix {@code [rows, columns]} ({@link Tensor#reshape}), kept in view slot
     * {@code slot} and made anew only when another source comes through: how a layer that only
     * flattens answers without allocating.
     */
    public Tensor matrixView(int slot, Tensor source) {
        while (views.size() <= slot) {
            views.add(new Tensor[2]);
        }
        Tensor[] kept = views.get(slot);             // {source, its view}
        if (kept[0] != source) {
            kept[0] = source;
            kept[1] = source.reshape(source.rows(), source.columns());
        }
        return kept[1];
    }

    /** A scratch of its own for a layer inside this one (a dense layer's activation). */
    public Scratch child() {
        if (child == null) {
            child = new Scratch();
        }
        return child;
    }
}
