package dev.jnn.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.api.Model;
import dev.jnn.api.Optimizer;
import dev.jnn.api.OptimizerState;
import dev.jnn.api.Parameter;
import dev.jnn.api.Schedule;
import dev.jnn.api.Tensor;
import dev.jnn.core.Engine;
import dev.jnn.core.train.EarlyStopping;
import dev.jnn.core.train.Position;
import java.util.List;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a run needs to continue exactly where it stopped, in one safetensors file: the model (as
 * a {@link ModelFile}), the optimizer's full state (every buffer as a tensor
 * {@code optimizer/<parameter>/<buffer>}, its step count and each parameter's own), and the position
 * (the epochs done and, when a run was interrupted inside an epoch, the batches of the next one with
 * their sums). The batch order is the seeded generator's after that many epochs, which
 * {@link dev.jnn.core.train.Trainer.Builder#resumeAfter} replays, so a resumed run gives the same
 * numbers as a straight one, bit for bit. Written atomically: a failed write leaves the previous
 * checkpoint as it was.
 *
 * @param model     the model, built, with the saved weights
 * @param optimizer the optimizer's saved state, to load into a fresh optimizer of {@link #optimizerType}
 * @param position  where the run stands: {@code Trainer.Builder.resumeAt(position)} continues from it
 * @param metadata  everything the file's header records (architecture, loss, run-level entries)
 * @param earlyStoppingWeights early stopping's best weights, parameter by parameter; null when none were saved
 */
public record Checkpoint(Model model, String optimizerType, OptimizerState optimizer, Position position,
                         Map<String, String> metadata, List<float[]> earlyStoppingWeights) {
    private static final String OPTIMIZER = "optimizer/";
    private static final String EARLY_STOPPING = "early_stopping/";
    /** The metadata entry holding early stopping's state (JSON), when the run has it. */
    public static final String EARLY_STOPPING_STATE = "early_stopping_state";
    /** The metadata entry holding a schedule's state (JSON), when it has any. */
    public static final String SCHEDULE_STATE = "schedule_state";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Writes a checkpoint of {@code model} and {@code optimizer} after {@code epochs} epochs.
     *
     * @param extra more metadata entries, such as the run's loss or the run file
     */
    public static void save(Path file, Model model, Optimizer optimizer, int epochs, Engine engine, Map<String, String> extra) {
        save(file, model, optimizer, Position.after(epochs), engine, extra);
    }

    /** As {@link #save(Path, Model, Optimizer, int, Engine, Map)}, at a position inside an epoch. */
    public static void save(Path file, Model model, Optimizer optimizer, Position at, Engine engine, Map<String, String> extra) {
        save(file, model, optimizer, at, null, engine, extra);
    }

    /** As above, with early stopping's state and its best weights (as tensors {@code early_stopping/<parameter>}). */
    public static void save(Path file, Model model, Optimizer optimizer, Position at, EarlyStopping stopping, Engine engine,
                            Map<String, String> extra) {
        Map<String, Tensor> tensors = ModelFile.tensors(model);
        Map<String, String> all = new LinkedHashMap<>(extra);
        if (stopping != null) {
            all.put(EARLY_STOPPING_STATE, ModelFile.json(stopping.state()));
            List<float[]> best = stopping.bestWeights();
            for (int i = 0; best != null && i < best.size(); i++) {
                tensors.put(EARLY_STOPPING + model.parameters().get(i).name(), Tensor.of(best.get(i).clone(), best.get(i).length));
            }
        }
        extra = all;
        OptimizerState state = optimizer.state();
        state.buffers().forEach((key, values) -> tensors.put(OPTIMIZER + key, Tensor.of(values, values.length)));
        Map<String, String> metadata = ModelFile.metadata(model, engine);
        metadata.putAll(extra);
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("epochs", at.epochs());
        position.put("batches", at.batches());
        position.put("loss_sum", at.lossSum());
        position.put("accuracy_sum", at.accuracySum());
        position.put("seconds", at.seconds());
        position.put("optimizer", optimizer.type());
        position.put("optimizer_step", state.step());
        position.put("parameter_steps", state.parameterSteps());
        metadata.put("checkpoint", ModelFile.json(position));
        try {
            SafeTensors.write(file, tensors, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a checkpoint and rebuilds its model on {@code engine}.
     *
     * @throws ModelFileException naming the file and what is wrong, as {@link ModelFile#load} does, or
     *                            when it is a model file without a checkpoint's position
     */
    public static Checkpoint load(Path file, Engine engine) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            SafeTensors.Contents contents = SafeTensors.read(file, channel);
            String position = contents.metadata.get("checkpoint");
            if (position == null) {
                throw new ModelFileException(file, "is a model file, not a checkpoint: it holds no optimizer state or position");
            }
            Model model = ModelFile.load(file, contents, channel, engine, "/");     // optimizer/..., early_stopping/...
            JsonNode p = JSON.readTree(position);
            Map<String, float[]> buffers = new LinkedHashMap<>();
            for (Map.Entry<String, SafeTensors.Entry> e : contents.tensors.entrySet()) {
                if (e.getKey().startsWith(OPTIMIZER)) {
                    float[] values = new float[e.getValue().size()];
                    contents.read(channel, e.getKey(), values);
                    buffers.put(e.getKey().substring(OPTIMIZER.length()), values);
                }
            }
            Map<String, Long> steps = new LinkedHashMap<>();
            p.path("parameter_steps").fields().forEachRemaining(e -> steps.put(e.getKey(), e.getValue().asLong()));
            OptimizerState state = new OptimizerState(p.path("optimizer_step").asLong(), buffers, steps);
            Position at = new Position(p.path("epochs").asInt(), p.path("batches").asInt(), p.path("loss_sum").asDouble(),
                    p.path("accuracy_sum").asDouble(), p.path("seconds").asDouble());
            List<float[]> best = null;
            if (contents.tensors.containsKey(EARLY_STOPPING + model.parameters().get(0).name())) {
                best = new java.util.ArrayList<>();
                for (Parameter parameter : model.parameters()) {
                    SafeTensors.Entry entry = contents.tensors.get(EARLY_STOPPING + parameter.name());
                    if (entry == null || entry.size() != parameter.size()) {
                        throw new ModelFileException(file, "the early-stopping weights of " + parameter.name() + " are missing or of another size");
                    }
                    float[] values = new float[parameter.size()];
                    contents.read(channel, EARLY_STOPPING + parameter.name(), values);
                    best.add(values);
                }
            }
            return new Checkpoint(model, p.path("optimizer").asText(), state, at, Map.copyOf(contents.metadata), best);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file, "__metadata__.checkpoint is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores the saved schedule state into {@code schedule} (a fresh one of the run's kind); does
     * nothing when none was saved or {@code schedule} is null.
     */
    public void restore(Schedule schedule) {
        Map<String, Double> state = numbers(SCHEDULE_STATE);
        if (schedule != null && state != null) {
            schedule.loadState(state);
        }
    }

    /** Restores early stopping's saved state and best weights into {@code stopping}; nothing when none was saved. */
    public void restore(EarlyStopping stopping) {
        Map<String, Double> state = numbers(EARLY_STOPPING_STATE);
        if (stopping != null && state != null) {
            stopping.loadState(state, earlyStoppingWeights);
        }
    }

    /** A metadata entry that is a JSON object of numbers, or null when the checkpoint has none. */
    private Map<String, Double> numbers(String key) {
        String json = metadata.get(key);
        if (json == null) {
            return null;
        }
        try {
            Map<String, Double> numbers = new LinkedHashMap<>();
            JSON.readTree(json).fields().forEachRemaining(e -> numbers.put(e.getKey(), e.getValue().asDouble()));
            return numbers;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("checkpoint: " + key + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The whole epochs done. */
    public int epochs() {
        return position.epochs();
    }

    /**
     * Loads the saved optimizer state into {@code optimizer}, which must be of the saved type.
     *
     * @throws IllegalArgumentException naming both types, or the first parameter whose state does not fit
     */
    public void restore(Optimizer optimizer) {
        if (!optimizer.type().equals(optimizerType)) {
            throw new IllegalArgumentException("checkpoint: its optimizer is '" + optimizerType + "', not '" + optimizer.type() + "'");
        }
        optimizer.loadState(this.optimizer, model.parameters());
    }
}
