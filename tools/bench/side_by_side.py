#!/usr/bin/python3
"""Trains the reference MLP (784-256-128-10, ReLU, softmax cross-entropy) on MNIST in jnn, in PyTorch
and in a hand-written numpy MLP, one after the other on this machine, and prints samples/s of one
epoch (the fastest of three after a warm-up epoch, in each of three passes that take the three in
turn) for Adam (lr 1e-3) and SGD (lr 0.1) at batch 64 and 256, with the ratios and the limit (the
step's matrix products at OpenBLAS's measured 2-thread rate, everything else free) with jnn's
fraction of it; then the same for a tiny (2-64-64-3, batch 32), a wide (784-1024-1024-10, batch 64
and 256) and a deep network (784, 10 x 256, 10; batch 128) with Adam on generated data; then
predict's latency (batch 1) and throughput (batch 256) against PyTorch's inference_mode (and ONNX
Runtime when it is installed); then the GFLOP/s of the products in jnn and in numpy's BLAS (the
ceiling; the best of three passes that alternate between them); and jnn's figures on a second JDK
(JNN_JDK2, default the Temurin 25 found on these machines) beside the default one.

OpenBLAS picks its kernels from the CPU's model; on a virtual machine that hides the model it falls
back to a generic SSE3 kernel ("Prescott", some 4x slower). The script then names the kernel the
CPU's flags allow (SkylakeX with AVX-512, Haswell with AVX2) in OPENBLAS_CORETYPE for both peers, so
that they run at their best; a CORETYPE set by the caller is kept.

PyTorch runs with torch.set_num_threads(1) and (2), each in its own process, and the faster counts
(on 2 cores, 2 threads can lose to 1). Needs Debian's python3-torch (which brings numpy) and OpenBLAS:
without libopenblas0-pthread both peers run on the reference BLAS and are some ten times slower, so
the script refuses to compare against that.

    apt-get install python3-torch libopenblas0-pthread
    /usr/bin/python3 tools/bench/side_by_side.py ../shared/data/mnist
"""
import gzip
import json
import os
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONFIGS = [("adam", 64), ("adam", 256), ("sgd", 64), ("sgd", 256)]
LR = {"adam": 1e-3, "sgd": 0.1}
NETWORKS = {"mnist": [784, 256, 128, 10], "tiny": [2, 64, 64, 3], "wide": [784, 1024, 1024, 10],
            "deep": [784] + [256] * 10 + [10]}
# (network, batch, samples per epoch): Adam on generated data, timed as the MNIST configurations are.
BREADTH = [("tiny", 32, 60000), ("wide", 64, 10000), ("wide", 256, 20000), ("deep", 128, 30000)]
GEMM_LAYERS = [(784, 256), (256, 128), (784, 1024), (1024, 1024), (2048, 2048)]
# Epochs measured after the warm-up, the fastest reported, for jnn (its bench command) and both peers:
# on a shared machine single epochs run 10-50% slow at times, and the least time is what the code costs.
MEASURED_EPOCHS = 3
GEMM_PASSES = 3
# The MNIST training comparison runs this many times, jnn, PyTorch and numpy in turn, the best of each
# side kept: a slow spell of a minute on this shared machine then cannot fall on one side's epochs alone.
TRAIN_PASSES = 3
JDK2 = os.environ.get("JNN_JDK2", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")


def coretype():
    """OPENBLAS_CORETYPE for this CPU when the caller set none: its autodetection fails on hidden models."""
    if os.environ.get("OPENBLAS_CORETYPE"):
        return os.environ["OPENBLAS_CORETYPE"]
    flags = open("/proc/cpuinfo").read()
    return "SkylakeX" if "avx512f" in flags else "Haswell" if "avx2" in flags else ""


def peer_env(threads):
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    if coretype():
        env["OPENBLAS_CORETYPE"] = coretype()
    env.pop("OPENBLAS_L2_SIZE", None)
    return env


def torch_model(torch, sizes):
    layers = []
    for a, b in zip(sizes, sizes[1:]):
        layers += [torch.nn.Linear(a, b), torch.nn.ReLU()]
    return torch.nn.Sequential(*layers[:-1])


def load_mnist(directory):
    def read(name, offset):
        path = os.path.join(directory, name)
        opener = gzip.open if os.path.exists(path + ".gz") else open
        with opener(path + ".gz" if os.path.exists(path + ".gz") else path, "rb") as f:
            return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)
    x = read("train-images-idx3-ubyte", 16).reshape(-1, 784).astype(np.float32) / 255.0
    y = read("train-labels-idx1-ubyte", 8).astype(np.int64)
    return x, y


# ---------------------------------------------------------------- PyTorch, one process per setting
def torch_worker(directory, threads, mnist_only=False):
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x, y = load_mnist(directory)
    x, y = torch.from_numpy(x), torch.from_numpy(y)

    def train(sizes, optimizer, batch, x, y):
        model = torch_model(torch, sizes)
        opt = (torch.optim.Adam if optimizer == "adam" else torch.optim.SGD)(model.parameters(), lr=LR[optimizer])
        loss_fn = torch.nn.CrossEntropyLoss()

        def epoch():
            order = torch.randperm(len(x))
            start = time.perf_counter()
            for i in range(0, len(x), batch):
                idx = order[i:i + batch]
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(model(x[idx]), y[idx])
                loss.backward()
                opt.step()
            return len(x) / (time.perf_counter() - start)
        epoch()                                     # warm-up
        return max(epoch() for _ in range(MEASURED_EPOCHS))

    results = {f"{o}/{b}": train(NETWORKS["mnist"], o, b, x, y) for o, b in CONFIGS}
    if mnist_only:
        print(json.dumps(results))
        return
    for network, batch, samples in BREADTH:
        sizes = NETWORKS[network]
        gx = torch.rand(samples, sizes[0])
        gy = torch.randint(0, sizes[-1], (samples,))
        results[f"{network}/{batch}"] = train(sizes, "adam", batch, gx, gy)
    model = torch_model(torch, NETWORKS["mnist"]).eval()
    for batch in (1, 256):
        inputs = torch.rand(batch, 784)
        with torch.inference_mode():
            results[f"predict/{batch}"] = best_seconds_per_call(lambda: model(inputs))
    print(json.dumps(results))


def best_seconds_per_call(call):
    """The best of 10 rounds of about 0.2 s after 2 s of warm-up, as jnn's predict benchmark does."""
    end, calls = time.perf_counter() + 2, 0
    while time.perf_counter() < end:
        call()
        calls += 1
    per_round, best = max(1, calls // 10), float("inf")
    for _ in range(10):
        start = time.perf_counter()
        for _ in range(per_round):
            call()
        best = min(best, (time.perf_counter() - start) / per_round)
    return best


def onnx_predict():
    """ONNX Runtime on the MNIST network's shape (random weights), or None when it is not installed."""
    try:
        import onnxruntime  # noqa: F401
        import torch
    except ImportError:
        return None
    import io
    model = torch_model(torch, NETWORKS["mnist"]).eval()
    buffer = io.BytesIO()
    torch.onnx.export(model, torch.rand(1, 784), buffer, input_names=["x"], dynamic_axes={"x": {0: "batch"}})
    session = onnxruntime.InferenceSession(buffer.getvalue(), providers=["CPUExecutionProvider"])
    out = {}
    for batch in (1, 256):
        inputs = {"x": np.random.rand(batch, 784).astype(np.float32)}
        out[f"predict/{batch}"] = best_seconds_per_call(lambda: session.run(None, inputs))
    return out


def run_torch(directory, mnist_only=False, best=None):
    """Each figure at PyTorch's better thread count, and the better of this run's and best's (an earlier
    run's); latencies (predict/...) are seconds, lower is better."""
    best = dict(best or {})
    for threads in (1, 2):
        out = subprocess.run([sys.executable, __file__, "--torch-worker", directory, str(threads)] + (["mnist"] if mnist_only else []),
                             capture_output=True, text=True, check=True, env=peer_env(threads)).stdout
        for key, value in json.loads(out.strip().splitlines()[-1]).items():
            lower = key.startswith("predict/")
            if key not in best or (value < best[key][0] if lower else value > best[key][0]):
                best[key] = (value, threads)
    return best


# ---------------------------------------------------------------- numpy: the same MLP by hand
def numpy_mlp(x, y, optimizer, batch, rng):
    sizes = [784, 256, 128, 10]
    ws = [(rng.uniform(-1, 1, (a, b)) * np.sqrt(6 / a)).astype(np.float32) for a, b in zip(sizes, sizes[1:])]
    bs = [np.zeros(b, np.float32) for b in sizes[1:]]
    params = ws + bs
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, b1, b2, eps = np.float32(LR[optimizer]), np.float32(0.9), np.float32(0.999), np.float32(1e-8)
    t = 0

    def epoch():
        nonlocal t
        order = rng.permutation(len(x))
        start = time.perf_counter()
        for i in range(0, len(x), batch):
            idx = order[i:i + batch]
            xb, yb = x[idx], y[idx]
            n = len(idx)
            h1 = np.maximum(xb @ ws[0] + bs[0], 0)
            h2 = np.maximum(h1 @ ws[1] + bs[1], 0)
            z = h2 @ ws[2] + bs[2]
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(n), yb] -= 1
            dz3 = p / n
            dz2 = (dz3 @ ws[2].T) * (h2 > 0)
            dz1 = (dz2 @ ws[1].T) * (h1 > 0)
            grads = [xb.T @ dz1, h1.T @ dz2, h2.T @ dz3, dz1.sum(0), dz2.sum(0), dz3.sum(0)]
            t += 1
            for k, (param, g) in enumerate(zip(params, grads)):
                if optimizer == "sgd":
                    param -= lr * g
                else:
                    m[k] *= b1
                    m[k] += (1 - b1) * g
                    v[k] *= b2
                    v[k] += (1 - b2) * g * g
                    step = lr / (1 - b1 ** t)
                    param -= step * m[k] / (np.sqrt(v[k]) / np.sqrt(1 - b2 ** t) + eps)
        return len(x) / (time.perf_counter() - start)
    epoch()
    return max(epoch() for _ in range(MEASURED_EPOCHS))


def gflops(f, flops):
    reps = max(3, int(2e8 / flops))
    for _ in range(max(3, int(3e9 / flops))):       # warm-up, as jnn's benchmark does
        f()
    best = 0
    for _ in range(15):
        start = time.perf_counter()
        for _ in range(reps):
            f()
        best = max(best, flops * reps / (time.perf_counter() - start) / 1e9)
    return best


def product_rates(shapes):
    """GFLOP/s of XW, XtdY and dYWt at each (batch, in, out)."""
    rng = np.random.default_rng(1)
    rows = []
    for batch, fan_in, fan_out in shapes:
        x = rng.standard_normal((batch, fan_in), dtype=np.float32)
        w = rng.standard_normal((fan_in, fan_out), dtype=np.float32)
        dy = rng.standard_normal((batch, fan_out), dtype=np.float32)
        for name, f in (("XW", lambda: x @ w), ("XtdY", lambda: x.T @ dy), ("dYWt", lambda: dy @ w.T)):
            rows.append((name, f"{batch}x{fan_in}x{fan_out}", gflops(f, 2 * batch * fan_in * fan_out)))
    return rows


def numpy_gemm(batches):
    return product_rates([(b, i, o) for b in batches for i, o in GEMM_LAYERS])


def step_shapes():
    """Every (batch, in, out) of the layers of every configuration timed, for the limits."""
    configs = [("mnist", b) for b in (64, 256)] + [(n, b) for n, b, _ in BREADTH]
    return sorted({(b, i, o) for n, b in configs for i, o in zip(NETWORKS[n], NETWORKS[n][1:])})


def limit(network, batch, rates):
    """Samples/s if a step cost only its products at OpenBLAS's 2-thread rates: forward, weight
    gradient, and input gradient for all but the first layer (which jnn, like PyTorch, skips)."""
    seconds = 0.0
    sizes = NETWORKS[network]
    for k, (i, o) in enumerate(zip(sizes, sizes[1:])):
        flops = 2 * batch * i * o
        shape = f"{batch}x{i}x{o}"
        for name in ("XW", "XtdY") + (("dYWt",) if k > 0 else ()):
            seconds += flops / (rates[(name, shape)] * 1e9)
    return batch / seconds


def numpy_worker(directory, train_only=False):
    x, y = load_mnist(directory)
    rng = np.random.default_rng(1)
    result = {"train": {f"{o}/{b}": numpy_mlp(x, y, o, b, rng) for o, b in CONFIGS}}
    if not train_only:
        result.update({"steps": product_rates(step_shapes()), "onnx": onnx_predict()})
    print(json.dumps(result))


def run_numpy(directory, threads, train_only=False):
    out = subprocess.run([sys.executable, __file__, "--numpy-worker", directory] + (["train"] if train_only else []),
                         capture_output=True, text=True, check=True, env=peer_env(threads)).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_numpy_gemm(threads):
    out = subprocess.run([sys.executable, __file__, "--numpy-gemm-worker"],       # threads: through peer_env
                         capture_output=True, text=True, check=True, env=peer_env(threads)).stdout
    return json.loads(out.strip().splitlines()[-1])


def best_gemm(directory):
    """GFLOP/s of every product in jnn (1 and 2 threads) and in numpy (1 and 2 threads), measured in
    GEMM_PASSES passes that alternate between them, the best of each kept: jnn and numpy are timed at
    different moments, and on a shared machine a single pass can catch either in a slow spell."""
    jnn, peer, order = {}, {}, []
    for _ in range(GEMM_PASSES):
        _, rows = run_jnn(directory, ["--gemm"])
        for kernels, product, m, k, n, g in rows:
            key = (product, f"{m}x{k}x{n}", 1 if "1 threads" in kernels else 2)
            jnn[key] = max(jnn.get(key, 0.0), float(g))
        for threads in (1, 2):
            for name, shape, g in run_numpy_gemm(threads):
                key = (name, shape, threads)
                if (name, shape) not in order:
                    order.append((name, shape))
                peer[key] = max(peer.get(key, 0.0), g)
    return jnn, peer, order


# ---------------------------------------------------------------- jnn
def run_jnn(directory, extra, java=None):
    env = dict(os.environ, JNN_JAVA=java) if java else None
    data = ["--mnist", directory] if directory else []
    out = subprocess.run([os.path.join(ROOT, "jnn"), "bench", "--tsv"] + data + extra,
                         capture_output=True, text=True, check=True, cwd=ROOT, env=env).stdout
    lines = [l.split("\t") for l in out.strip().splitlines()]
    return lines[0], lines[1:]


def blas():
    """The BLAS library numpy and PyTorch load (Debian's libblas.so.3 alternative)."""
    path = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    if "openblas" not in path:
        sys.exit(f"libblas.so.3 is {path}, the reference BLAS: apt-get install libopenblas0-pthread first")
    return path


def jnn_training(directory, java=None):
    _, rows = run_jnn(directory, [], java)
    return {f"{r[0]}/{r[1]}": (float(r[2]), float(r[5])) for r in rows}


def jnn_breadth(java=None):
    out = {}
    for network, batch, samples in BREADTH:
        _, rows = run_jnn(None, ["--network", network, "--optimizers", "adam", "--batches", str(batch), "--limit", str(samples)], java)
        out[f"{network}/{batch}"] = (float(rows[0][2]), float(rows[0][5]))
    return out


def jnn_predict(java=None):
    _, rows = run_jnn(None, ["--predict"], java)
    return {f"predict/{r[0]}": float(r[1]) / 1e6 for r in rows}


def main(directory):
    directory = os.path.abspath(directory)
    print(f"peers' BLAS: {blas()}, OPENBLAS_CORETYPE={coretype() or '(autodetected)'}")
    print(f"machine: {os.cpu_count()} cores; jnn on Java {java_version('java')}")
    jnn = jnn_training(directory)
    breadth = jnn_breadth()
    predict = jnn_predict()
    torch_best = run_torch(directory)
    numpy2 = run_numpy(directory, 2)
    rates = {(name, shape): g for name, shape, g in numpy2["steps"]}
    for _ in range(TRAIN_PASSES - 1):          # the MNIST training again, each side in turn; the best of each kept
        for key, (samples, alloc) in jnn_training(directory).items():
            jnn[key] = (max(jnn[key][0], samples), max(jnn[key][1], alloc))
        torch_best = run_torch(directory, mnist_only=True, best=torch_best)
        for key, samples in run_numpy(directory, 2, train_only=True)["train"].items():
            numpy2["train"][key] = max(numpy2["train"][key], samples)

    print(f"\nTraining throughput, samples/s of an MNIST epoch, the fastest of {MEASURED_EPOCHS} after a warm-up in each of "
          f"{TRAIN_PASSES} passes that take jnn, PyTorch and numpy in turn (784-256-128-10 ReLU)")
    print("limit: the step's products at OpenBLAS's 2-thread rates, all else free; jnn/lim: jnn's fraction of it")
    print(f"{'config':<10} {'jnn':>9} {'bytes/step':>10} {'PyTorch':>9} {'threads':>7} {'jnn/PT':>7} {'numpy':>9} {'jnn/np':>7} {'limit':>9} {'jnn/lim':>7}")
    for optimizer, batch in CONFIGS:
        key = f"{optimizer}/{batch}"
        j, alloc = jnn[key]
        t, threads = torch_best[key]
        n = numpy2["train"][key]
        lim = limit("mnist", batch, rates)
        print(f"{key:<10} {j:>9.0f} {alloc:>10.0f} {t:>9.0f} {threads:>7} {j / t:>7.2f} {n:>9.0f} {j / n:>7.2f} {lim:>9.0f} {j / lim:>7.2f}")

    print("\nOther networks, Adam, generated data, samples/s of an epoch, the fastest of three after warm-up")
    print(f"{'network/batch':<14} {'jnn':>9} {'bytes/step':>10} {'PyTorch':>9} {'threads':>7} {'jnn/PT':>7} {'limit':>9} {'jnn/lim':>7}")
    for network, batch, _ in BREADTH:
        key = f"{network}/{batch}"
        j, alloc = breadth[key]
        t, threads = torch_best[key]
        lim = limit(network, batch, rates)
        print(f"{key:<14} {j:>9.0f} {alloc:>10.0f} {t:>9.0f} {threads:>7} {j / t:>7.2f} {lim:>9.0f} {j / lim:>7.2f}")

    print("\nInference, 784-256-128-10: microseconds per call at batch 1, samples/s at batch 256")
    onnx = numpy2.get("onnx")
    print(f"{'batch':<6} {'jnn':>10} {'PyTorch':>10} {'threads':>7} {'jnn/PT':>7} {'ONNX RT':>10}")
    for batch in (1, 256):
        key = f"predict/{batch}"
        j, (t, threads) = predict[key], torch_best[key]
        o = onnx[key] if onnx else None
        if batch == 1:
            print(f"{'1 (us)':<6} {j * 1e6:>10.1f} {t * 1e6:>10.1f} {threads:>7} {t / j:>7.2f} {o * 1e6 if o else float('nan'):>10.1f}")
        else:
            print(f"{'256':<6} {batch / j:>10.0f} {batch / t:>10.0f} {threads:>7} {t / j:>7.2f} {batch / o if o else float('nan'):>10.0f}")
    if not onnx:
        print("ONNX Runtime: not installed (pip install onnxruntime; these machines reach no Python package index)")

    jg, ng, order = best_gemm(directory)
    print(f"\nMatrix products, GFLOP/s, the best of {GEMM_PASSES} alternating passes (numpy = OpenBLAS through numpy, the ceiling)")
    print(f"{'product':<6} {'m x k x n':>14} {'jnn 1t':>8} {'numpy 1t':>9} {'ratio':>6} {'jnn 2t':>8} {'numpy 2t':>9} {'ratio':>6}")
    for name, shape in order:
        j1, j2 = jg.get((name, shape, 1), float("nan")), jg.get((name, shape, 2), float("nan"))
        g1, g2 = ng[(name, shape, 1)], ng[(name, shape, 2)]
        print(f"{name:<6} {shape:>14} {j1:>8.1f} {g1:>9.1f} {j1 / g1:>6.2f} {j2:>8.1f} {g2:>9.1f} {j2 / g2:>6.2f}")

    if os.path.exists(JDK2):
        print(f"\njnn on Java {java_version('java')} and on Java {java_version(JDK2)} ({JDK2}), samples/s (predict: us at batch 1)")
        jnn2 = jnn_training(directory, JDK2)
        breadth2 = jnn_breadth(JDK2)
        predict2 = jnn_predict(JDK2)
        print(f"{'config':<14} {'JDK 1':>9} {'JDK 2':>9} {'2/1':>6}")
        for key in [f"{o}/{b}" for o, b in CONFIGS]:
            print(f"{key:<14} {jnn[key][0]:>9.0f} {jnn2[key][0]:>9.0f} {jnn2[key][0] / jnn[key][0]:>6.2f}")
        for key in breadth:
            print(f"{key:<14} {breadth[key][0]:>9.0f} {breadth2[key][0]:>9.0f} {breadth2[key][0] / breadth[key][0]:>6.2f}")
        print(f"{'predict/1 us':<14} {predict['predict/1'] * 1e6:>9.1f} {predict2['predict/1'] * 1e6:>9.1f} {predict['predict/1'] / predict2['predict/1']:>6.2f}")
        print(f"{'predict/256':<14} {256 / predict['predict/256']:>9.0f} {256 / predict2['predict/256']:>9.0f} {predict['predict/256'] / predict2['predict/256']:>6.2f}")


def java_version(java):
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    return out.splitlines()[0].split('"')[1] if '"' in out else out.strip()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--torch-worker":
        torch_worker(sys.argv[2], int(sys.argv[3]), mnist_only=sys.argv[4:] == ["mnist"])
    elif len(sys.argv) > 1 and sys.argv[1] == "--numpy-worker":
        numpy_worker(sys.argv[2], train_only=sys.argv[3:] == ["train"])
    elif len(sys.argv) > 1 and sys.argv[1] == "--numpy-gemm-worker":
        print(json.dumps(numpy_gemm([64, 256])))
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "mnist"))
