package dev.jnn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnn.api.spi.OptimizerProvider;
import dev.jnn.api.spi.Providers;
import dev.jnn.api.spi.Registry;
import dev.jnn.api.spi.Setting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults as stated in docs/optimizers.md, and impossible settings rejected at creation. */
class OptimizerSettingsTest {
    private static final Providers PROVIDERS = Providers.load(OptimizerSettingsTest.class.getClassLoader());

    private final Registry<OptimizerProvider> registry = PROVIDERS.optimizers();

    @Test
    void everyOptimizerIsRegisteredByName() {
        assertEquals(List.of("adagrad", "adam", "adamw", "momentum", "nesterov", "rmsprop", "sgd"), registry.names());
    }

    @ParameterizedTest
    @CsvSource({
            "sgd, lr, 0.01", "sgd, momentum, 0.0", "momentum, momentum, 0.9", "nesterov, nesterov, true",
            "rmsprop, lr, 0.01", "rmsprop, alpha, 0.99", "rmsprop, eps, 1.0E-8",
            "adam, lr, 0.001", "adam, beta1, 0.9", "adam, beta2, 0.999", "adam, eps, 1.0E-8", "adam, weight_decay, 0.0",
            "adamw, weight_decay, 0.01", "adagrad, eps, 1.0E-10"})
    void defaultsMatchTheReference(String optimizer, String setting, String expected) {
        Setting s = registry.find(optimizer).settings().stream().filter(x -> x.name().equals(setting)).findFirst().orElseThrow();
        assertEquals(expected, String.valueOf(s.defaultValue()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sgd      | lr           | 0     | optimizer 'sgd': setting 'lr' must be a finite number greater than 0, got 0.0",
            "sgd      | lr           | -0.1  | optimizer 'sgd': setting 'lr' must be a finite number greater than 0, got -0.1",
            "adam     | beta1        | 1.0   | optimizer 'adam': setting 'beta1' must be in [0, 1), got 1.0",
            "adamw    | beta2        | -0.5  | optimizer 'adamw': setting 'beta2' must be in [0, 1), got -0.5",
            "adam     | eps          | -1e-8 | optimizer 'adam': setting 'eps' must be a finite number of at least 0, got -1.0E-8",
            "rmsprop  | alpha        | 1.5   | optimizer 'rmsprop': setting 'alpha' must be in [0, 1), got 1.5",
            "momentum | weight_decay | -1    | optimizer 'momentum': setting 'weight_decay' must be a finite number of at least 0, got -1.0"})
    void impossibleSettingsAreRejectedNamingTheSettingAndValue(String optimizer, String setting, double value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PROVIDERS.optimizer(optimizer, Map.of(setting, value)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void nesterovWithoutMomentumIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PROVIDERS.optimizer("nesterov", Map.of("momentum", 0)));
        assertEquals("optimizer 'nesterov': setting 'nesterov' needs momentum > 0 and dampening = 0, got momentum 0.0 and dampening 0.0",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PROVIDERS.optimizer("sgd", Map.of("nesterov", true)));
    }

    @Test
    void illTypedAndUnknownSettingsNameTheSettingAndTheProvider() {
        assertEquals("optimizer 'adam': setting 'lr' expected a number, got \"fast\"",
                assertThrows(IllegalArgumentException.class, () -> PROVIDERS.optimizer("adam", Map.of("lr", "fast"))).getMessage());
        assertEquals("optimizer 'sgd': setting 'betas' is unknown; optimizer 'sgd' accepts: lr, momentum, dampening, weight_decay, nesterov",
                assertThrows(IllegalArgumentException.class, () -> PROVIDERS.optimizer("sgd", Map.of("betas", 0.9))).getMessage());
    }
}
