package dev.jnn.core.train;

import dev.jnn.api.data.Dataset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Loss;
import dev.jnn.api.spi.Providers;
import dev.jnn.core.data.Synthetic;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.loss.MeanSquaredError;
import dev.jnn.core.loss.SoftmaxCrossEntropy;
import dev.jnn.core.model.Sequential;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backpropagation learns: the two experiments every framework should pass. */
class LearningTest {
    private static final Providers PROVIDERS = Providers.load(LearningTest.class.getClassLoader());


    @Test
    void xorIsLearnedToFullAccuracy() {
        Dataset xor = Synthetic.xor();
        Sequential model = new Sequential(Dense.withActivation(8, "tanh"), new Dense(2)).build(1, 2);
        History history = Trainer.builder().model(model).loss(new SoftmaxCrossEntropy())
                .optimizer(PROVIDERS.optimizer("adam", Map.of("lr", 0.05)))
                .epochs(300).batchSize(4).seed(1).build().fit(xor, xor);
        assertEquals(1.0, history.last().validationAccuracy());
        assertTrue(history.last().validationLoss() < 0.05, "XOR loss " + history.last().validationLoss());
    }

    /**
     * A random "teacher" network 10-16-3 makes the targets; a student of another shape (10-32-32-3,
     * ReLU) learns to imitate it, its held-out loss falling at least 100-fold.
     */
    @Test
    void aStudentNetworkLearnsItsTeacher() {
        Dataset data = Synthetic.teacher(2560, 10, 16, 3, 7);
        Dataset train = data.slice(0, 2048);
        Dataset test = data.slice(2048, 2560);
        Sequential student = new Sequential(
                Dense.withActivation(32, "relu").init("he_normal"),
                Dense.withActivation(32, "relu").init("he_normal"),
                new Dense(3)).build(3, 10);
        Loss loss = new MeanSquaredError();
        double before = Evaluation.of(student, loss, test, 512).loss();
        History history = Trainer.builder().model(student).loss(loss)
                .optimizer(PROVIDERS.optimizer("adam", Map.of("lr", 0.003)))
                .epochs(60).batchSize(32).seed(3).build().fit(train, test);
        double after = history.last().validationLoss();
        assertTrue(before / after >= 100, "student loss fell from " + before + " to " + after + ", "
                + before / after + "-fold");
    }
}
