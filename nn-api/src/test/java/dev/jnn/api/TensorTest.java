package dev.jnn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void isRowMajorWithTheBatchFirst() {
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(2, t.rows());
        assertEquals(3, t.columns());
        assertEquals(6f, t.get(1, 2));
        t.set(0, 1, 9);
        assertEquals(9f, t.data()[1]);
        assertArrayEquals(new int[] {2, 3}, t.shape());
    }

    @Test
    void comparesContentsExplicitlyAndIsOtherwiseAnIdentity() {
        Tensor a = Tensor.matrix(new float[] {1, 2});
        Tensor b = Tensor.of(new float[] {1, 2}, 1, 2);
        assertTrue(a.contentEquals(b));
        assertFalse(Tensor.of(new float[] {1, 2}, 2, 1).contentEquals(b));
        assertFalse(a.contentEquals(Tensor.matrix(new float[] {1, 3})));
        assertNotEquals(a, b);                        // mutable: equality is identity, so a map key stays found
        java.util.Map<Tensor, String> keys = new java.util.HashMap<>();
        keys.put(a, "a");
        a.data()[0] = 42;
        assertEquals("a", keys.get(a));
    }

    @Test
    void refusesShapesWhoseSizeOverflows() {
        assertEquals("shape [65536, 65536, 65536] has more than 2147483647 values, too many for one array",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(65536, 65536, 65536)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(1 << 16, 1 << 16, 1 << 16, 1 << 16, 1 << 16));
    }

    @Test
    void reshapeIsAViewAndCopyIsNot() {
        Tensor t = Tensor.zeros(2, 2, 2);
        Tensor flat = t.reshape(2, 4);
        Tensor copy = t.copy();
        flat.data()[7] = 1;
        assertEquals(1f, t.data()[7]);
        assertEquals(0f, copy.data()[7]);
        assertEquals(4, t.columns());
    }

    @Test
    void badShapesAreRejectedWithBothSizes() {
        assertEquals("shape [2, 2] holds 4 values, but the data has 3",
                assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[3], 2, 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0, 3));
        assertEquals("[2, 0] is outside a 2 x 2 tensor",
                assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 2).get(2, 0)).getMessage());
    }

    @Test
    void findsNonFiniteValues() {
        assertFalse(Tensor.of(new float[] {1, Float.NaN}, 2).isFinite());
    }
}
