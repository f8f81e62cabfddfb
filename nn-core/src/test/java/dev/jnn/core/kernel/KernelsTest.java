package dev.jnn.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Kernels;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every kernel implementation against a double-precision reference, on shapes with every kind of
 * tail (rows not a multiple of the tile, columns not a multiple of a vector), and the vector kernels
 * bit for bit identical on 1 and 2 threads.
 */
class KernelsTest {
    static final Kernels SCALAR = KernelChoice.choose("scalar", 1).kernels();
    static final Kernels VECTOR_1 = KernelChoice.choose("vector", 1).kernels();
    static final Kernels VECTOR_2 = KernelChoice.choose("vector", 2).kernels();

    static Stream<Arguments> cases() {
        // Every product packs B panel by panel; the last two have several panels and one of them padded columns.
        // X^T dY copies A into slivers of 16 rows (17 and 12 rows leave a partial one); fewer than 16 rows
        // read B in place, in 2-vector tiles ({6, 64, 64}: X W; {40, 12, 32}: X^T dY). Two threads split C by
        // rows where it has more rows than columns and for every X^T dY ({301, 64, 20}: all three products).
        // Where A is over 1 MB, a reduction longer than 512 steps runs in blocks whose sums wait in C, and the
        // rows in blocks ({250, 1100, 70}: X W; {250, 70, 1100}: dY W^T; {300, 900, 40}: X W and X^T dY).
        // One to three rows read in place run 16 vectors at a time, then 4, 2 and 1 ({2, 200, 336}: X W;
        // {40, 3, 256}: X^T dY, from slivers; {3, 784, 512}: X W in two parts on two threads).
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {4, 33, 65}, {13, 17, 31}, {64, 100, 10}, {37, 64, 129}, {64, 784, 256},
                {19, 40, 520}, {9, 600, 1024}, {6, 64, 64}, {40, 12, 32}, {301, 64, 20}, {250, 1100, 70}, {250, 70, 1100},
                {300, 900, 40}, {2, 200, 336}, {40, 3, 256}, {3, 784, 512}};
        Stream.Builder<Arguments> all = Stream.builder();
        for (Kernels k : new Kernels[] {SCALAR, VECTOR_1, VECTOR_2}) {
            for (int[] s : shapes) {
                all.add(Arguments.of(k, s[0], s[1], s[2]));
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0} m={1} k={2} n={3}")
    @MethodSource("cases")
    void productsMatchADoublePrecisionReference(Kernels kernels, int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(m * 31L + k * 7L + n);
        float[] a = random(m * k, random);
        float[] b = random(k * n, random);
        float[] dy = random(m * n, random);

        float[] c = filled(m * n);
        kernels.matmul(a, b, c, m, k, n);
        assertClose(reference(a, k, 1, b, m, k, n), c, k, "X W");

        float[] dw = filled(k * n);
        kernels.matmulTransA(a, dy, dw, m, k, n);
        assertClose(reference(a, 1, k, dy, k, m, n), dw, m, "X^T dY");

        float[] dx = filled(m * k);
        kernels.matmulTransB(dy, b, dx, m, n, k);
        float[] bt = new float[n * k];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                bt[j * k + p] = b[p * n + j];
            }
        }
        assertClose(reference(dy, n, 1, bt, m, n, k), dx, n, "dY W^T");
    }

    @ParameterizedTest(name = "{0} m={1} k={2} n={3}")
    @MethodSource("cases")
    void elementwiseKernelsMatchTheirDefinitions(Kernels kernels, int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(n);
        float[] x = random(m * n, random);
        float[] bias = random(n, random);
        float[] c = x.clone();
        kernels.addRowVector(c, bias, m, n);
        float[] sums = filled(n);
        kernels.sumRows(x, sums, m, n);
        float[] y = new float[m * n];
        kernels.relu(x, y, m * n);
        float[] dx = new float[m * n];
        kernels.reluBackward(y, c, dx, m * n);
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i = 0; i < m; i++) {
                int at = i * n + j;
                assertEquals(x[at] + bias[j], c[at], 1e-6);
                assertEquals(Math.max(0, x[at]), y[at]);
                assertEquals(x[at] > 0 ? c[at] : 0f, dx[at]);
                sum += x[at];
            }
            assertEquals(sum, sums[j], 1e-5 * m);
        }
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalBits() {
        SplittableRandom random = new SplittableRandom(3);
        for (int[] s : new int[][] {{64, 784, 256}, {256, 256, 128}, {50, 300, 130}, {256, 128, 10}, {64, 300, 1024}, {33, 700, 530},
                {301, 64, 20}, {250, 1100, 70}, {250, 70, 1100}, {300, 900, 40}, {3, 784, 512}}) {
            int m = s[0], k = s[1], n = s[2];
            float[] a = random(m * k, random);
            float[] b = random(k * n, random);
            float[] dy = random(m * n, random);
            float[] one = new float[Math.max(m * n, Math.max(k * n, m * k))];
            float[] two = one.clone();
            VECTOR_1.matmul(a, b, one, m, k, n);
            VECTOR_2.matmul(a, b, two, m, k, n);
            assertArrayEquals(one, two, 0f);
            VECTOR_1.matmulTransA(a, dy, one, m, k, n);
            VECTOR_2.matmulTransA(a, dy, two, m, k, n);
            assertArrayEquals(one, two, 0f);
            VECTOR_1.matmulTransB(dy, b, one, m, n, k);
            VECTOR_2.matmulTransB(dy, b, two, m, n, k);
            assertArrayEquals(one, two, 0f);
        }
    }

    /**
     * Transposed products of alternating shapes on two threads, as a wide network's backward pass runs
     * them: every part must work with its own call's shape (per-call offsets once set by whichever part
     * ran first let the other read a previous call's, past the end of W).
     */
    @Test
    void alternatingTransposedProductsOnTwoThreadsEachUseTheirOwnShape() {
        int[][] shapes = {{64, 1024, 1024}, {64, 10, 1024}, {32, 600, 784}, {64, 1024, 530}};
        SplittableRandom random = new SplittableRandom(9);
        float[][] dy = new float[shapes.length][];
        float[][] w = new float[shapes.length][];
        float[][] expected = new float[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            int m = shapes[i][0], n = shapes[i][1], k = shapes[i][2];
            dy[i] = random(m * n, random);
            w[i] = random(k * n, random);
            expected[i] = new float[m * k];
            VECTOR_1.matmulTransB(dy[i], w[i], expected[i], m, n, k);
        }
        for (int round = 0; round < 400; round++) {
            for (int i = 0; i < shapes.length; i++) {
                float[] actual = new float[expected[i].length];
                VECTOR_2.matmulTransB(dy[i], w[i], actual, shapes[i][0], shapes[i][1], shapes[i][2]);
                assertTrue(java.util.Arrays.equals(expected[i], actual), "round " + round + ", shape " + i);
            }
        }
    }

    @Test
    void thePlainKernelsWithFusedMultiplyAddGiveTheVectorKernelsBits() {
        Kernels plain = new ScalarKernels(true);
        SplittableRandom random = new SplittableRandom(5);
        for (int[] s : new int[][] {{1, 1, 1}, {3, 5, 7}, {13, 17, 31}, {37, 64, 129}, {64, 784, 256}, {256, 128, 10},
                {19, 40, 520}, {9, 600, 1024}, {250, 1100, 70}, {250, 70, 1100}, {300, 900, 40}, {2, 200, 336}, {40, 3, 256},
                {3, 784, 512}}) {
            int m = s[0], k = s[1], n = s[2];
            float[] a = random(m * k, random);
            float[] b = random(k * n, random);
            float[] dy = random(m * n, random);
            float[] bias = random(n, random);
            for (Kernels vector : new Kernels[] {VECTOR_1, VECTOR_2}) {
                String shape = vector.name() + " " + m + "x" + k + "x" + n;
                float[] expected = new float[m * n];
                float[] actual = new float[m * n];
                vector.matmul(a, b, expected, m, k, n);
                plain.matmul(a, b, actual, m, k, n);
                assertTrue(java.util.Arrays.equals(expected, actual), "X W " + shape);
                vector.matmulBias(a, b, bias, expected, m, k, n, true);
                plain.matmulBias(a, b, bias, actual, m, k, n, true);
                assertTrue(java.util.Arrays.equals(expected, actual), "relu(X W + b) " + shape);
                float[] expectedDw = new float[k * n];
                float[] actualDw = new float[k * n];
                vector.matmulTransA(a, dy, expectedDw, m, k, n);
                plain.matmulTransA(a, dy, actualDw, m, k, n);
                assertTrue(java.util.Arrays.equals(expectedDw, actualDw), "X^T dY " + shape);
                float[] expectedDx = new float[m * k];
                float[] actualDx = new float[m * k];
                vector.matmulTransB(dy, b, expectedDx, m, n, k);
                plain.matmulTransB(dy, b, actualDx, m, n, k);
                assertTrue(java.util.Arrays.equals(expectedDx, actualDx), "dY W^T " + shape);
            }
        }
    }

    @Test
    void theVectorKernelsAreChosenWhenTheyPayHereAndTheChoiceSaysWhy() {
        assertTrue(KernelChoice.vectorApiReadable(), "the test JVM runs with --add-modules jdk.incubator.vector");
        KernelChoice auto = KernelChoice.choose("auto", 1);
        assertTrue(auto.kernels().name().startsWith("vector"), auto.reason());
        assertTrue(auto.reason().contains("fused multiply-add is fast"), auto.reason());
        assertEquals("plain-Java kernels, as asked (kernels=scalar)", KernelChoice.choose("scalar", 1).reason());
        assertEquals("engine: kernels must be auto, vector or scalar, got 'gpu'",
                assertThrows(IllegalArgumentException.class, () -> KernelChoice.choose("gpu", 1)).getMessage());
        assertEquals("engine: threads must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> KernelChoice.choose("auto", 0)).getMessage());
    }

    /**
     * The fused dense forward is the three passes it replaces, bit for bit: product, bias, ReLU. On
     * every shape of the suite (padded 10-class outputs included) and every implementation.
     */
    @ParameterizedTest(name = "{0} m={1} k={2} n={3}")
    @MethodSource("cases")
    void matmulBiasIsMatmulThenAddRowVectorThenReluBitForBit(Kernels kernels, int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(m * 131L + k * 17L + n);
        float[] a = random(m * k, random);
        float[] b = random(k * n, random);
        float[] bias = random(n, random);
        for (boolean relu : new boolean[] {false, true}) {
            float[] fused = new float[m * n];
            kernels.matmulBias(a, b, bias, fused, m, k, n, relu);
            float[] separate = new float[m * n];
            kernels.matmul(a, b, separate, m, k, n);
            kernels.addRowVector(separate, bias, m, n);
            if (relu) {
                kernels.relu(separate, separate, m * n);
            }
            for (int i = 0; i < fused.length; i++) {
                assertEquals(Float.floatToRawIntBits(separate[i]), Float.floatToRawIntBits(fused[i]),
                        "element " + i + " (relu " + relu + "): " + separate[i] + " vs fused " + fused[i]);
            }
        }
    }

    /** C[rows x cols] = sum_p a(r, p) B[p, :], in double. */
    private static double[] reference(float[] a, int rowStride, int reductionStride, float[] b, int rows, int reduction, int cols) {
        double[] c = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int p = 0; p < reduction; p++) {
                double arp = a[r * rowStride + p * reductionStride];
                for (int j = 0; j < cols; j++) {
                    c[r * cols + j] += arp * b[p * cols + j];
                }
            }
        }
        return c;
    }

    /** Within float rounding of a sum of {@code terms} products of values in [-1, 1]. */
    private static void assertClose(double[] expected, float[] actual, int terms, String what) {
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-6 * terms + 1e-6;
            if (Math.abs(expected[i] - actual[i]) > tolerance) {
                throw new AssertionError(what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
    }

    private static float[] random(int n, SplittableRandom random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }

    /** Garbage in the output, to prove the kernels overwrite rather than add. */
    private static float[] filled(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1e6f);
        return v;
    }
}
