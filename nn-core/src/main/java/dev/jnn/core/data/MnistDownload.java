package dev.jnn.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Fetches the four gzipped MNIST files once into a cache folder, each checked by the SHA-256 of its
 * <em>uncompressed</em> content, so that any mirror's gzip of the same data passes.
 *
 * <p>A file is downloaded to a temporary name in the cache folder, checked, and only then renamed
 * to its own name: a download cut short, refused or with a wrong checksum leaves nothing behind and
 * fails naming the file. A file already in the cache is used as it is (it was checked when it came).
 */
public final class MnistDownload {
    /** PyTorch's mirror of the original files. */
    public static final String DEFAULT_URL = "https://ossci-datasets.s3.amazonaws.com/mnist/";

    /** The files, without {@code .gz}, and the SHA-256 of each uncompressed file. */
    public static final Map<String, String> SHA256 = sha256();

    private MnistDownload() {
    }

    private static Map<String, String> sha256() {
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
        sums.put("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");
        sums.put("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
        sums.put("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
        return Map.copyOf(sums);
    }

    /**
     * The folder holding the four files, downloading those that are missing.
     *
     * @param folder  the cache folder for MNIST, created when missing
     * @param baseUrl where {@code NAME.gz} is fetched from ({@code baseUrl + NAME + ".gz"})
     * @param sha256  per file name without {@code .gz}, the expected digest of its uncompressed content
     * @throws DataFileException     for a file whose content does not match its checksum, or is not gzip
     * @throws UncheckedIOException  when a file cannot be fetched or written, naming it
     */
    public static Path ensure(Path folder, String baseUrl, Map<String, String> sha256) {
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            String expected = sha256.get(name);
            if (expected == null) {
                throw new IllegalArgumentException("mnist: no sha256 is given for " + name + "; sha256 must name all four files");
            }
            if (!Files.isRegularFile(folder.resolve(name + ".gz")) && !Files.isRegularFile(folder.resolve(name))) {
                fetch(URI.create(baseUrl.endsWith("/") ? baseUrl + name + ".gz" : baseUrl + "/" + name + ".gz"),
                        folder.resolve(name + ".gz"), expected.trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return folder;
    }

    private static void fetch(URI uri, Path target, String expected) {
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            HttpResponse<Path> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new UncheckedIOException(new IOException("mnist: " + uri + ": the server answered HTTP "
                        + response.statusCode() + ", expected 200"));
            }
            String actual = uncompressedSha256(partial, uri);
            if (!actual.equals(expected)) {
                throw new DataFileException("mnist: " + uri, "the SHA-256 of the uncompressed content is "
                        + actual + ", expected " + expected + "; the download is corrupt or is another file");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
        } catch (IOException e) {
            throw new UncheckedIOException("mnist: cannot download " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("mnist: interrupted while downloading " + uri, e));
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    // the failure being reported matters more; the temporary name never counts as a file
                }
            }
        }
    }

    /** The hex SHA-256 of a gzip file's uncompressed bytes. */
    private static String uncompressedSha256(Path gzip, URI from) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DataFileException("mnist: " + from, "is not a complete gzip file ("
                    + e.getMessage() + "): the download was cut short or is not MNIST's");
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
