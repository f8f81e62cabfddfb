package dev.jnn.api.spi;

import dev.jnn.api.spi.Providers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Layer;
import dev.jnn.api.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTest {
    private static final Providers PROVIDERS = Providers.load(RegistryTest.class.getClassLoader());


    @Test
    void aProviderListedOnlyInTestResourcesIsFoundByNameIgnoringCase() {
        Layer layer = PROVIDERS.layer("TEST_Scale", Map.of("factor", 3, "size", 1));
        layer.build(new int[] {2}, null);
        assertArrayEquals(new float[] {3, -6}, layer.forward(Tensor.matrix(new float[] {1, -2}), false).data());
        assertTrue(PROVIDERS.layers().contains("test_scale"));
    }

    @Test
    void anUnknownNameListsTheKnownOnesAndSuggestsTheClosest() {
        Registry<LayerProvider> layers = Registry.of("layer", List.of(new TestProviders.ScaleLayerProvider(), named("dense"),
                named("dropout")));
        UnknownProviderException e = assertThrows(UnknownProviderException.class, () -> layers.find("dence"));
        assertEquals("unknown layer 'dence'; did you mean 'dense'? known layers: dense, dropout, test_scale", e.getMessage());
        assertEquals(List.of("dense", "dropout", "test_scale"), e.known());
    }

    @Test
    void aNameFarFromAnyKnownOneGetsNoSuggestion() {
        Registry<LayerProvider> layers = Registry.of("layer", List.of(named("dense")));
        assertEquals("unknown layer 'convolution2d'; known layers: dense",
                assertThrows(UnknownProviderException.class, () -> layers.find("convolution2d")).getMessage());
    }

    @Test
    void anEmptyRegistrySaysWhatIsProbablyMissing() {
        Registry<LayerProvider> none = Registry.of("optimizer", List.of());
        assertEquals("unknown optimizer 'adam'; known optimizers: none (is the module that provides them on the classpath?)",
                assertThrows(UnknownProviderException.class, () -> none.find("adam")).getMessage());
    }

    @Test
    void twoProvidersWithOneNameFailNamingBothClasses() {
        DuplicateProviderException e = assertThrows(DuplicateProviderException.class,
                () -> Registry.load(TestProviders.GreetingProvider.class, "greeting", getClass().getClassLoader()));
        assertEquals("two greeting providers are named 'hello': dev.jnn.api.spi.TestProviders$EnglishGreeting and "
                + "dev.jnn.api.spi.TestProviders$OtherGreeting; remove one of them from the classpath or rename it", e.getMessage());
    }

    @Test
    void settingsAreCheckedAgainstTheDeclarationAndDefaultsFilledIn() {
        Provider<?> p = new TestProviders.ScaleLayerProvider();
        Settings s = Settings.resolve(p, "layer", Map.of("size", "4", "enabled", "FALSE", "factor", 1), null);
        assertEquals(Map.of("factor", 1.0, "repeat", 1, "enabled", false, "label", "x", "size", 4), s.asMap());
    }

    @Test
    void badSettingsNameTheSettingTheProviderAndTheValue() {
        Provider<?> p = new TestProviders.ScaleLayerProvider();
        assertEquals("layer 'test_scale': setting 'factor' expected a number, got \"fast\"", message(p, Map.of("factor", "fast", "size", 1)));
        assertEquals("layer 'test_scale': setting 'repeat' expected a whole number, got 2.5", message(p, Map.of("repeat", 2.5, "size", 1)));
        assertEquals("layer 'test_scale': setting 'enabled' expected true or false, got \"yes\"", message(p, Map.of("enabled", "yes", "size", 1)));
        assertEquals("layer 'test_scale': setting 'betas' is unknown; layer 'test_scale' accepts: factor, repeat, enabled, label, size",
                message(p, Map.of("betas", 0.9, "size", 1)));
        assertEquals("layer 'test_scale': setting 'size' is required (a whole number): required size", message(p, Map.of()));
    }

    @Test
    void settingsCanBeWrittenInlineAfterTheName() {
        Layer layer = PROVIDERS.layers().createInline("test_scale(factor=5, size=1)");
        layer.build(new int[] {1}, null);
        assertArrayEquals(new float[] {5}, layer.forward(Tensor.matrix(new float[] {1}), false).data());
        assertEquals("layer 'test_scale(factor=5' is not name(key=value, ...): it lacks the closing ')'",
                assertThrows(IllegalArgumentException.class, () -> PROVIDERS.layers().createInline("test_scale(factor=5")).getMessage());
        assertEquals("layer 'test_scale(5)': '5' is not key=value",
                assertThrows(IllegalArgumentException.class, () -> PROVIDERS.layers().createInline("test_scale(5)")).getMessage());
        assertEquals("layer 'test_scale': setting 'factor' expected a number, got \"big\"",
                assertThrows(InvalidSettingException.class, () -> PROVIDERS.layers().createInline("test_scale(factor=big, size=1)")).getMessage());
    }

    @Test
    void editDistanceCountsSingleCharacterEdits() {
        assertEquals(1, Registry.editDistance("adam", "adamw"));
        assertEquals(2, Registry.editDistance("rmsprop", "rmspop2"));
        assertEquals(1, Registry.editDistance("rleu", "relu"), "two neighbours swapped are one typo");
        assertEquals(0, Registry.editDistance("sgd", "sgd"));
    }

    private static String message(Provider<?> p, Map<String, ?> raw) {
        return assertThrows(InvalidSettingException.class, () -> Settings.resolve(p, "layer", raw, null)).getMessage();
    }

    private static LayerProvider named(String name) {
        return new LayerProvider() {
            public String name() { return name; }
            public String description() { return name; }
            public List<Setting> settings() { return List.of(); }
            public Layer create(Settings s) { throw new UnsupportedOperationException(); }
        };
    }
}
