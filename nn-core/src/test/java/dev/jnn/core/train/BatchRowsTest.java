package dev.jnn.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jnn.api.Tensor;
import dev.jnn.api.data.Dataset;
import dev.jnn.core.Engine;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A batch's rows, copied by index, whether the copy runs on the calling thread or in parts on the engine's threads. */
class BatchRowsTest {

    @ParameterizedTest(name = "{0} threads, batch {1} of {2} features")
    @CsvSource({"1, 257, 300", "2, 257, 300", "2, 219, 300", "2, 5, 300", "2, 301, 1"})
    void everyRowIsTheDatasetRowItsIndexNames(int threads, int batch, int columns) {
        int samples = 400;
        SplittableRandom random = new SplittableRandom(batch * 31L + columns);
        float[] features = new float[samples * columns];
        float[] targets = new float[samples * 3];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextDouble();
        }
        for (int i = 0; i < targets.length; i++) {
            targets[i] = i;
        }
        Dataset data = new Dataset(Tensor.of(features, samples, columns), Tensor.of(targets, samples, 3));
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = (i * 7919) % samples;            // a permutation (7919 is prime, 400 is not a multiple of it)
        }
        int from = samples - batch - 3;
        try (Engine engine = Engine.builder().threads(threads).build()) {
            BatchRows rows = new BatchRows(data, engine.kernels());
            for (int repeat = 0; repeat < 2; repeat++) {                 // the second call reuses the buffers
                Tensor[] out = rows.rows(order, from, batch);
                for (int r = 0; r < batch; r++) {
                    int source = order[from + r];
                    assertArrayEquals(slice(features, source * columns, columns), slice(out[0].data(), r * columns, columns),
                            "features of batch row " + r);
                    assertArrayEquals(slice(targets, source * 3, 3), slice(out[1].data(), r * 3, 3), "targets of batch row " + r);
                }
            }
        }
    }

    private static float[] slice(float[] values, int from, int length) {
        return java.util.Arrays.copyOfRange(values, from, from + length);
    }
}
