package dev.jnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SparkClusterTest {

    @Test
    void aMasterSparkCannotParseIsNamedWithWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SparkCluster("foo"));
        assertEquals("--spark foo: Spark cannot start: Could not parse Master URL: 'foo'; expected local[N], local[N,F],"
                + " spark://HOST:PORT or submit", e.getMessage());
    }

    @Test
    void submitOutsideSparkSubmitSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SparkCluster("submit"));
        assertEquals("--spark submit: no master was set; give one (local[2], spark://host:7077) or run through spark-submit"
                + " --master ...", e.getMessage());
    }
}
