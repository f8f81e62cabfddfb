package dev.jnn.examples;

import dev.jnn.api.Tensor;
import dev.jnn.api.data.Dataset;
import dev.jnn.core.Engine;
import dev.jnn.core.data.Synthetic;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.loss.SoftmaxCrossEntropy;
import dev.jnn.core.model.Sequential;
import dev.jnn.core.train.Evaluation;
import dev.jnn.core.train.Trainer;
import java.util.Map;

/**
 * The README's quick start, compiled and run by the build ({@code QuickStartTest} also checks that
 * README.md shows exactly these lines).
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) {
        System.out.printf("test accuracy %.1f%%%n", 100 * run().accuracy());
    }

    static Evaluation run() {
        // quick start begins
        // Three interleaved spirals, 2000 points: 1600 to train on, 400 held out.
        Dataset data = Synthetic.spirals(2000, 3, 0.2, 7);
        Dataset train = data.slice(0, 1600);
        Dataset test = data.slice(1600, 2000);

        // The engine: kernels, threads and the providers that names resolve to.
        Engine engine = Engine.shared();

        // Two hidden ReLU layers with He initialization, three class scores out.
        Sequential model = new Sequential(
                Dense.withActivation(64, "relu").init("he_normal"),
                Dense.withActivation(64, "relu").init("he_normal"),
                new Dense(3)).build(engine, 7, 2);
        System.out.print(model);

        // Softmax cross-entropy, Adam chosen by name, 40 epochs of batches of 32.
        Trainer.builder()
                .model(model)
                .loss(new SoftmaxCrossEntropy())
                .optimizer(engine.providers().optimizer("adam", Map.of("lr", 0.01)))
                .epochs(40).batchSize(32).seed(7)
                .build()
                .fit(train, test);

        Evaluation result = Evaluation.of(model, new SoftmaxCrossEntropy(), test, 256);
        System.out.printf("test loss %.4f, accuracy %.1f%%%n", result.loss(), 100 * result.accuracy());

        // Class scores for new points; predict is safe to call from many threads at once.
        Tensor scores = model.predict(Tensor.matrix(new float[] {0.1f, 0.5f}, new float[] {-0.4f, 0.2f}));
        System.out.println(scores);
        // quick start ends
        return result;
    }
}
