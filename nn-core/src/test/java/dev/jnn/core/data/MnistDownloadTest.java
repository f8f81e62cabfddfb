package dev.jnn.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jnn.api.data.DataContext;
import dev.jnn.api.data.DataSplit;
import dev.jnn.core.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data: {name: mnist}} without a folder downloads the four files once into the cache, checked
 * by the SHA-256 of their uncompressed content; a short or wrong download leaves nothing behind.
 * A local HTTP server on 127.0.0.1 serves small IDX files the test writes: no internet is needed.
 */
class MnistDownloadTest {
    private static final int IMAGES = 12;

    @TempDir
    Path cache;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();      // path -> body
    private final Map<String, Integer> cutShort = new ConcurrentHashMap<>();   // path -> bytes actually sent
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, String> sha256 = new LinkedHashMap<>();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mnist/", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            Integer sent = cutShort.get(exchange.getRequestURI().getPath());
            // A cut-short file is sent chunked, so that the response ends cleanly where the data stops.
            exchange.sendResponseHeaders(200, sent == null ? body.length : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, 0, sent == null ? body.length : sent);
            }
        });
        server.start();
        for (String part : List.of("train", "t10k")) {
            put(part + "-images-idx3-ubyte", images(part.equals("train") ? IMAGES : 4));
            put(part + "-labels-idx1-ubyte", labels(part.equals("train") ? IMAGES : 4));
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/";
    }

    private void put(String name, byte[] raw) throws Exception {
        served.put("/mnist/" + name + ".gz", gzip(raw));
        sha256.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)));
    }

    private DataSplit load() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("url", url());
        settings.put("sha256", sha256);
        return Engine.shared().providers().dataSource("mnist", settings).load(new DataContext(1, cache, cache));
    }

    @Test
    void downloadsOnceChecksAndReadsTheDigits() {
        DataSplit split = load();
        assertEquals(IMAGES, split.train().size());
        assertEquals(4, split.test().size());
        assertEquals(784, split.train().features().columns());
        assertEquals(7f, split.train().targets().data()[7]);              // labels i % 10
        assertEquals(4, requests.get());
        load();
        assertEquals(4, requests.get(), "the second load reads the cache");
        assertTrue(Files.isRegularFile(cache.resolve("mnist/train-images-idx3-ubyte.gz")));
    }

    @Test
    void aWrongChecksumLeavesNothingInTheCacheAndNamesTheFile() throws IOException {
        sha256.put("train-labels-idx1-ubyte", "00".repeat(32));
        DataFileException e = assertThrows(DataFileException.class, this::load);
        assertTrue(e.getMessage().contains(url() + "train-labels-idx1-ubyte.gz")
                && e.getMessage().contains("the SHA-256 of the uncompressed content is "), e.getMessage());
        assertEquals(List.of("train-images-idx3-ubyte.gz"), files());
    }

    @Test
    void aDownloadCutShortLeavesNothingAndNamesTheFile() throws IOException {
        String path = "/mnist/t10k-images-idx3-ubyte.gz";
        cutShort.put(path, served.get(path).length / 2);
        DataFileException e = assertThrows(DataFileException.class, this::load);
        assertTrue(e.getMessage().startsWith("mnist: " + url() + "t10k-images-idx3-ubyte.gz: is not a complete gzip file"),
                e.getMessage());
        assertEquals(List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"), files());
    }

    @Test
    void aConnectionDroppedBeforeThePromisedLengthLeavesNothing() throws Exception {
        try (java.net.ServerSocket dropping = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket s = dropping.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(5000))
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the client's error is what the test checks
                }
            });
            answer.start();
            String base = "http://127.0.0.1:" + dropping.getLocalPort() + "/";
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> MnistDownload.ensure(cache.resolve("mnist"), base, MnistDownload.SHA256));
            assertTrue(e.getMessage().startsWith("mnist: cannot download " + base + "train-images-idx3-ubyte.gz"), e.getMessage());
            answer.join(10_000);
            assertEquals(List.of(), files());
        }
    }

    @Test
    void aMissingFileIsReportedWithTheServersAnswer() {
        served.remove("/mnist/t10k-labels-idx1-ubyte.gz");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, this::load);
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte.gz: the server answered HTTP 404, expected 200"), e.getMessage());
    }

    @Test
    void aFolderStillReadsLocalFilesWithoutDownloading(@TempDir Path folder) throws Exception {
        for (Map.Entry<String, byte[]> e : served.entrySet()) {
            Files.write(folder.resolve(e.getKey().substring("/mnist/".length())), e.getValue());
        }
        DataSplit split = Engine.shared().providers().dataSource("mnist", Map.of("dir", folder.toString(), "limit", 5))
                .load(new DataContext(1, cache, cache));
        assertEquals(5, split.train().size());
        assertEquals(0, requests.get());
    }

    /** Every file left in the cache's mnist folder, temporary ones included. */
    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(cache.resolve("mnist"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] images(int n) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * 784);
        b.putInt(0x00000803).putInt(n).putInt(28).putInt(28);
        for (int i = 0; i < n * 784; i++) {
            b.put((byte) (i * 7));
        }
        return b.array();
    }

    private static byte[] labels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x00000801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }
}
