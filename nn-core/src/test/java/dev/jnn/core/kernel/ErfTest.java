package dev.jnn.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The error function against tabulated values (Abramowitz and Stegun, table 7.1, and beyond). */
class ErfTest {
    @Test
    void matchesTabulatedValues() {
        double[][] table = {{0, 0}, {0.1, 0.1124629160182849}, {0.46875, 0.4926134732179379}, {0.5, 0.5204998778130465},
                {1, 0.8427007929497149}, {2, 0.9953222650189527}, {3.5, 0.9999992569016276}, {5, 0.9999999999984626},
                {30, 1}};
        for (double[] row : table) {
            assertEquals(row[1], Erf.erf(row[0]), 1e-15, "erf(" + row[0] + ")");
            assertEquals(-row[1], Erf.erf(-row[0]), 1e-15, "erf(" + -row[0] + ")");
        }
    }
}
