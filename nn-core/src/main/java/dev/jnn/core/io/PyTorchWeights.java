package dev.jnn.core.io;

import dev.jnn.api.Layer;
import dev.jnn.api.Model;
import dev.jnn.api.Parameter;
import dev.jnn.api.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weights of a PyTorch {@code nn.Sequential} of {@code Linear} layers (and parameterless ones such
 * as {@code ReLU}), saved as safetensors from its {@code state_dict()}, copied into the equivalent jnn
 * model.
 *
 * <pre>
 *   PyTorch                              jnn
 *   {i}.weight  [out, in]      ->        {k}.dense.weight  [in, out]     (transposed)
 *   {i}.bias    [out]          ->        {k}.dense.bias    [out]
 * </pre>
 * The k-th PyTorch module with weights (by its index i in the Sequential) fills the k-th jnn layer
 * with parameters, so {@code Linear, ReLU, Linear} maps to {@code dense(relu), dense}: the activations
 * carry no weights and are matched by the architecture the caller builds.
 */
public final class PyTorchWeights {
    private PyTorchWeights() {
    }

    /**
     * Copies the file's weights into {@code model} (built).
     *
     * @throws ModelFileException naming the file and the first layer or tensor that does not fit
     */
    public static void load(Path file, Model model) {
        Map<String, Tensor> tensors = SafeTensors.load(file);
        TreeMap<Integer, Map<String, Tensor>> modules = new TreeMap<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = e.getKey();
            int dot = name.indexOf('.');
            int index;
            try {
                index = Integer.parseInt(name.substring(0, Math.max(0, dot)));
            } catch (NumberFormatException ex) {
                throw new ModelFileException(file, "tensor '" + name + "' is not named {index}.weight or {index}.bias as in an nn.Sequential");
            }
            modules.computeIfAbsent(index, k -> new TreeMap<>()).put(name.substring(dot + 1), e.getValue());
        }
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : model.layers()) {
            if (!layer.parameters().isEmpty()) {
                layers.add(layer);
            }
        }
        if (layers.size() != modules.size()) {
            throw new ModelFileException(file, "has " + modules.size() + " modules with weights " + modules.keySet()
                    + ", but the model has " + layers.size() + " layers with parameters");
        }
        int k = 0;
        for (Map.Entry<Integer, Map<String, Tensor>> module : modules.entrySet()) {
            copy(file, module.getKey(), module.getValue(), layers.get(k++));
        }
    }

    private static void copy(Path file, int index, Map<String, Tensor> torch, Layer layer) {
        List<Parameter> params = layer.parameters();
        Tensor weight = torch.get("weight");
        if (weight == null || weight.rank() != 2 || !layer.type().equals("dense")) {
            throw new ModelFileException(file, "module " + index + " is not a Linear (a 2-dimensional weight) for jnn's "
                    + layer.type() + " layer");
        }
        Parameter w = params.get(0);
        int in = w.value().dim(0);
        int out = w.value().dim(1);
        if (weight.dim(0) != out || weight.dim(1) != in) {
            throw new ModelFileException(file, "module " + index + ".weight has shape " + weight.shapeString() + ", but the jnn layer "
                    + w.name() + " " + w.value().shapeString() + " needs [" + out + ", " + in + "] (PyTorch stores [out, in])");
        }
        float[] target = w.value().data();
        float[] source = weight.data();
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                target[i * out + o] = source[o * in + i];
            }
        }
        Tensor bias = torch.get("bias");
        boolean jnnBias = params.size() > 1;
        if ((bias != null) != jnnBias) {
            throw new ModelFileException(file, "module " + index + (bias != null ? " has a bias but the jnn layer has none"
                    : " has no bias but the jnn layer has one"));
        }
        if (bias != null) {
            if (bias.size() != out) {
                throw new ModelFileException(file, "module " + index + ".bias has " + bias.size() + " values, expected " + out);
            }
            params.get(1).value().copyFrom(bias);
        }
    }
}
