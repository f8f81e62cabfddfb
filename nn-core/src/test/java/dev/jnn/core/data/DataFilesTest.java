package dev.jnn.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX and CSV readers on files the test writes, good and broken. */
class DataFilesTest {

    private static byte[] idx(int rank, int[] dims, int values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000800 | rank);
        for (int d : dims) {
            out.writeInt(d);
        }
        for (int i = 0; i < values; i++) {
            out.writeByte(i % 10);
        }
        return bytes.toByteArray();
    }

    private static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }

    @Test
    void readsMnistFromGzippedAndRawIdxFiles(@TempDir Path dir) throws IOException {
        gzip(dir.resolve("train-images-idx3-ubyte.gz"), idx(3, new int[] {5, 28, 28}, 5 * 784));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(1, new int[] {5}, 5));
        gzip(dir.resolve("t10k-images-idx3-ubyte.gz"), idx(3, new int[] {2, 28, 28}, 2 * 784));
        gzip(dir.resolve("t10k-labels-idx1-ubyte.gz"), idx(1, new int[] {2}, 2));
        Dataset train = Mnist.train(dir);
        assertArrayEquals(new int[] {5, 784}, train.features().shape());
        assertEquals(3 / 255f, train.features().get(0, 3), 1e-7);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4}, train.targets().data());
        assertEquals(2, Mnist.test(dir).size());
    }

    @Test
    void brokenIdxFilesAreNamedWithTheByteWhereTheyBroke(@TempDir Path dir) throws IOException {
        Path truncated = dir.resolve("truncated");
        byte[] whole = idx(3, new int[] {2, 28, 28}, 2 * 784);
        Files.write(truncated, java.util.Arrays.copyOf(whole, 16 + 1000));
        assertEquals(truncated + ": byte 1016: truncated: the header promises 1568 values [2, 28, 28] but the file ends after 1000",
                assertThrows(DataFileException.class, () -> Idx.read(truncated, 3)).getMessage());
        Path wrongMagic = dir.resolve("magic");
        Files.write(wrongMagic, new byte[] {0x50, 0x4b, 3, 4, 0, 0, 0, 0});
        assertEquals(wrongMagic + ": byte 0: magic number 0x504b0304 is not an IDX file of unsigned bytes (expected 0x00000803)",
                assertThrows(DataFileException.class, () -> Idx.read(wrongMagic, 3)).getMessage());
        Path shortHeader = dir.resolve("short");
        Files.write(shortHeader, new byte[] {0, 0, 8, 3, 0, 0});
        assertEquals(shortHeader + ": byte 4: truncated: the file ends before dimension 0",
                assertThrows(DataFileException.class, () -> Idx.read(shortHeader, 3)).getMessage());
    }

    @Test
    void headersPromisingMoreThanTheFileHoldsAllocateNothingFirst(@TempDir Path dir) throws IOException {
        Path raw = dir.resolve("huge-idx1-ubyte");
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(8 + 1000).putInt(0x00000801).putInt(2_100_000_000);
        Files.write(raw, header.array());
        long before = ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(raw, 1));
        long allocated = ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes() - before;
        assertEquals(raw + ": byte 1008: truncated: the header promises 2100000000 values [2100000000] but the file ends after 1000",
                e.getMessage());
        assertTrue(allocated < 50_000_000, "allocated " + allocated + " bytes for a 1 KB file");
        Path images = dir.resolve("huge-idx3-ubyte");
        Files.write(images, java.nio.ByteBuffer.allocate(16).putInt(0x00000803).putInt(1 << 30).putInt(28).putInt(28).array());
        assertEquals(images + ": header: sizes [1073741824, 28]... are too large: more than 2147483647 values",
                assertThrows(DataFileException.class, () -> Idx.read(images, 3)).getMessage());
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsNotPartOfTheFirstName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.writeString(file, "\uFEFFlabel,b\nx,1\ny,2\n");
        Dataset data = Csv.read(file, "label", true, true);
        assertEquals(1, data.features().columns());
        assertEquals(2, data.size());
    }

    @Test
    void readsACsvWithTheLabelByNameOrIndex(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("flowers.csv");
        Files.writeString(csv, "length,width,species\n1.0,2.0,rose\n3.0,4.0,tulip\n5.0,6.0,rose\n");
        Dataset byName = Csv.read(csv, "species", true, true);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, byName.features().data());
        assertArrayEquals(new float[] {0, 1, 0}, byName.targets().data());
        Path noHeader = dir.resolve("plain.csv");
        Files.writeString(noHeader, "0.5,1,2\n1.5,3,4\n");
        Dataset byIndex = Csv.read(noHeader, "0", false, false);
        assertArrayEquals(new float[] {1, 2, 3, 4}, byIndex.features().data());
        assertArrayEquals(new float[] {0.5f, 1.5f}, byIndex.targets().data());
        Csv.standardize(byIndex, byIndex);
        assertArrayEquals(new float[] {-1, -1, 1, 1}, byIndex.features().data(), 1e-6f);
    }

    @Test
    void quotedCellsMayHoldCommasAndQuotes(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("cities.csv");
        Files.writeString(csv, "\"size, km2\",\"name\"\n1.5,\"Springfield, \"\"IL\"\"\"\n2.5,Shelbyville\n");
        Dataset data = Csv.read(csv, "name", true, true);
        assertArrayEquals(new float[] {1.5f, 2.5f}, data.features().data());
        assertArrayEquals(new float[] {1, 0}, data.targets().data(), "classes sorted: Shelbyville, Springfield, \"IL\"");
        Files.writeString(csv, "a,b\n1,\"open\n");
        assertEquals(csv + ": line 2: a quoted cell does not end on its line",
                assertThrows(DataFileException.class, () -> Csv.read(csv, "b", true, true)).getMessage());
    }

    @Test
    void brokenCsvFilesAreNamedWithLineAndColumn(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n3,oops,y\n");
        assertEquals(csv + ": line 3, column 2: 'oops' is not a finite number",
                assertThrows(DataFileException.class, () -> Csv.read(csv, "label", true, true)).getMessage());
        Files.writeString(csv, "a,b,label\n1,2,x\n3,4\n");
        assertEquals(csv + ": line 3: has 2 columns, expected 3",
                assertThrows(DataFileException.class, () -> Csv.read(csv, "label", true, true)).getMessage());
        Files.writeString(csv, "a,b,label\n1,2,x\n");
        assertEquals(csv + ": line 1: no label column 'kind': expected one of a, b, label or an index from 0 to 2",
                assertThrows(DataFileException.class, () -> Csv.read(csv, "kind", true, true)).getMessage());
    }
}
