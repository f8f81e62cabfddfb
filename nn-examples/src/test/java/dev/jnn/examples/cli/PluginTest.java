package dev.jnn.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Layer;
import dev.jnn.api.Tensor;
import dev.jnn.api.spi.LayerProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider that only a plugin jar's services file announces: without {@code --plugins} it does not
 * exist; with it, it is listed, checked and trained by name.
 */
class PluginTest {

    /** Doubles its input, with a backward that is wrong by design (it forgets the factor). */
    public static final class SloppyDoubleProvider implements LayerProvider {
        public String name() { return "test_sloppy_double"; }
        public String description() { return "y = 2x, with a wrong backward"; }
        public List<Setting> settings() { return List.of(); }
        public Layer create(Settings s) {
            return new Layer() {
                private int[] shape;
                public String type() { return "test_sloppy_double"; }
                public void build(int[] inputShape, BuildContext c) { shape = inputShape; }
                public int[] outputShape() { return shape; }
                public Tensor forward(Tensor x, boolean t) {
                    Tensor y = x.copy();
                    for (int i = 0; i < y.size(); i++) {
                        y.data()[i] *= 2;
                    }
                    return y;
                }
                public Tensor backward(Tensor dy) { return dy.copy(); }
            };
        }
    }

    @Test
    void aPluginJarAddsAProviderThatIsListedAndChecked(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("plugin.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/dev.jnn.api.spi.LayerProvider"));
            out.write((SloppyDoubleProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertFalse(Cli.run("list", "layers").out().contains("test_sloppy_double"));
        Cli.Result listed = Cli.run("--plugins", jar.toString(), "list", "layers");
        assertTrue(listed.out().contains("test_sloppy_double"), listed.out());
        Cli.Result checked = Cli.run("--plugins", tmp.toString(), "gradcheck", "test_sloppy_double");
        assertEquals(1, checked.code(), "a wrong backward fails the check:\n" + checked.out());
        assertTrue(checked.out().contains("gradient check FAILED"), checked.out());
        assertEquals(2, Cli.run("--plugins", tmp.resolve("missing.jar").toString(), "list").code());
        Cli.Result after = Cli.run("list", "layers", "--plugins", jar.toString());
        assertTrue(after.out().contains("test_sloppy_double"), "--plugins after the command: " + after.err());
    }
}
