package dev.jnn.core.train;

/** What a listener may ask of the running loop: to stop after the current epoch (early stopping). */
public interface TrainingControl {
    void stop();
}
