package dev.jnn.api.spi;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Layer;
import dev.jnn.api.Tensor;
import java.util.List;

/** Providers that exist only in this module's tests, registered in src/test/resources/META-INF/services. */
public final class TestProviders {
    private TestProviders() {
    }

    /** A layer provider named "test_scale", with one setting of each type. */
    public static final class ScaleLayerProvider implements LayerProvider {
        public String name() { return "test_scale"; }
        public String description() { return "multiplies by a factor"; }
        public List<Setting> settings() {
            return List.of(Setting.number("factor", 2.0, "the factor"),
                    Setting.integer("repeat", 1, "how often"),
                    Setting.flag("enabled", true, "on or off"),
                    Setting.text("label", "x", "a label"),
                    Setting.integer("size", null, "required size"));
        }
        public Layer create(Settings s) {
            float factor = (float) s.getDouble("factor");
            return new Layer() {
                private int[] shape;
                public String type() { return "test_scale"; }
                public void build(int[] inputShape, BuildContext context) { shape = inputShape; }
                public int[] outputShape() { return shape; }
                public Tensor forward(Tensor input, boolean training) {
                    Tensor out = input.copy();
                    for (int i = 0; i < out.size(); i++) {
                        out.data()[i] *= factor;
                    }
                    return out;
                }
                public Tensor backward(Tensor g) { return forward(g, true); }
            };
        }
    }

    /** A provider type of its own, so that the duplicate pair below troubles no other test. */
    public interface GreetingProvider extends Provider<String> {
    }

    public static final class EnglishGreeting implements GreetingProvider {
        public String name() { return "hello"; }
        public String description() { return "English"; }
        public List<Setting> settings() { return List.of(); }
        public String create(Settings s) { return "hello"; }
    }

    /** Claims the same name as {@link EnglishGreeting}, in other case. */
    public static final class OtherGreeting implements GreetingProvider {
        public String name() { return "Hello"; }
        public String description() { return "also hello"; }
        public List<Setting> settings() { return List.of(); }
        public String create(Settings s) { return "hi"; }
    }
}
