package dev.jnn.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST: a big-endian header (magic {@code 0x0000 08 D}: unsigned bytes, D
 * dimensions; then D int32 sizes) followed by the values. Gzipped files (by the {@code .gz} name or
 * the gzip magic) are decompressed on the fly.
 */
public final class Idx {
    private Idx() {
    }

    /**
     * An IDX file of unsigned bytes.
     *
     * @param dimensions the sizes, first the item count
     * @param values     every value, 0 to 255, row-major
     */
    public record Contents(int[] dimensions, byte[] values) {
    }

    /**
     * Reads an IDX file of unsigned bytes with {@code expectedRank} dimensions.
     *
     * @throws DataFileException naming the file and the byte where it broke: a bad magic, a truncated
     *                           file, or sizes that do not fit
     */
    public static Contents read(Path file, int expectedRank) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            InputStream in = isGzip(raw) ? new GZIPInputStream(raw, 1 << 16) : raw;
            DataInputStream data = new DataInputStream(in);
            int magic = readInt(data, file, 0, "the magic number");
            int type = (magic >>> 8) & 0xff;
            int rank = magic & 0xff;
            if ((magic >>> 16) != 0 || type != 0x08) {
                throw new DataFileException(file, "byte 0", String.format("magic number 0x%08x is not an IDX file of "
                        + "unsigned bytes (expected 0x0000080%d)", magic, expectedRank));
            }
            if (rank != expectedRank) {
                throw new DataFileException(file, "byte 3", "has " + rank + " dimensions, expected " + expectedRank);
            }
            int[] dims = new int[rank];
            long count = 1;
            for (int d = 0; d < rank; d++) {
                dims[d] = readInt(data, file, 4 + 4L * d, "dimension " + d);
                if (dims[d] < 1) {
                    throw new DataFileException(file, "byte " + (4 + 4 * d), "dimension " + d + " is " + dims[d]);
                }
                count *= dims[d];
                if (count > Integer.MAX_VALUE) {                // checked at each step: three large sizes overflow a long
                    throw new DataFileException(file, "header", "sizes " + Arrays.toString(Arrays.copyOf(dims, d + 1))
                            + (d + 1 < rank ? "..." : "") + " are too large: more than " + Integer.MAX_VALUE + " values");
                }
            }
            long header = 4 + 4L * rank;
            // readNBytes(n) grows its buffer with what actually arrives: a header that promises more
            // than the file holds costs no more memory than the file.
            byte[] values = data.readNBytes((int) count);
            int read = values.length;
            if (read < count) {
                throw new DataFileException(file, "byte " + (header + read), "truncated: the header promises "
                        + count + " values " + Arrays.toString(dims) + " but the file ends after " + read);
            }
            return new Contents(dims, values);
        } catch (java.util.zip.ZipException | EOFException e) {
            throw new DataFileException(file, "gzip", "is not a complete gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    private static int readInt(DataInputStream in, Path file, long offset, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DataFileException(file, "byte " + offset, "truncated: the file ends before " + what);
        }
    }
}
