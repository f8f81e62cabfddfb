#!/usr/bin/python3
"""Trains the reference MLP (784-256-128-10, ReLU, softmax cross-entropy) on MNIST in jnn, in PyTorch
and in a hand-written numpy MLP, one after the other on this machine, and prints samples/s of one
epoch after a warm-up epoch for Adam (lr 1e-3) and SGD (lr 0.1) at batch 64 and 256, with the
ratios; then the GFLOP/s of the step's matrix products in jnn and in numpy's BLAS (the ceiling).

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
def torch_worker(directory, threads):
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x, y = load_mnist(directory)
    x, y = torch.from_numpy(x), torch.from_numpy(y)
    results = {}
    for optimizer, batch in CONFIGS:
        model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128),
                                    torch.nn.ReLU(), torch.nn.Linear(128, 10))
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
        results[f"{optimizer}/{batch}"] = epoch()
    print(json.dumps(results))


def run_torch(directory):
    best = {}
    for threads in (1, 2):
        out = subprocess.run([sys.executable, __file__, "--torch-worker", directory, str(threads)],
                             capture_output=True, text=True, check=True).stdout
        for key, value in json.loads(out.strip().splitlines()[-1]).items():
            if key not in best or value > best[key][0]:
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
    return epoch()


def numpy_gemm(batches):
    rng = np.random.default_rng(1)
    rows = []
    for batch in batches:
        for fan_in, fan_out in ((784, 256), (256, 128)):
            x = rng.standard_normal((batch, fan_in), dtype=np.float32)
            w = rng.standard_normal((fan_in, fan_out), dtype=np.float32)
            dy = rng.standard_normal((batch, fan_out), dtype=np.float32)
            for name, f in (("XW", lambda: x @ w), ("XtdY", lambda: x.T @ dy), ("dYWt", lambda: dy @ w.T)):
                flops = 2 * batch * fan_in * fan_out
                reps = max(5, int(2e9 / flops))
                best = 0
                for _ in range(6):
                    start = time.perf_counter()
                    for _ in range(reps):
                        f()
                    best = max(best, flops * reps / (time.perf_counter() - start) / 1e9)
                rows.append((name, f"{batch}x{fan_in}x{fan_out}", best))
    return rows


def numpy_worker(directory, threads):
    x, y = load_mnist(directory)
    rng = np.random.default_rng(1)
    result = {"train": {f"{o}/{b}": numpy_mlp(x, y, o, b, rng) for o, b in CONFIGS} if threads == 2 else {},
              "gemm": numpy_gemm([64, 256])}
    print(json.dumps(result))


def run_numpy(directory, threads):
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    out = subprocess.run([sys.executable, __file__, "--numpy-worker", directory, str(threads)],
                         capture_output=True, text=True, check=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


# ---------------------------------------------------------------- jnn
def run_jnn(directory, extra):
    out = subprocess.run([os.path.join(ROOT, "jnn"), "bench", "--tsv", "--mnist", directory] + extra,
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    lines = [l.split("\t") for l in out.strip().splitlines()]
    return lines[0], lines[1:]


def blas():
    """The BLAS library numpy and PyTorch load (Debian's libblas.so.3 alternative)."""
    path = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    if "openblas" not in path:
        sys.exit(f"libblas.so.3 is {path}, the reference BLAS: apt-get install libopenblas0-pthread first")
    return path


def main(directory):
    directory = os.path.abspath(directory)
    print(f"peers' BLAS: {blas()}")
    header, rows = run_jnn(directory, [])
    jnn = {f"{r[0]}/{r[1]}": (float(r[2]), float(r[5]), float(r[4])) for r in rows}
    torch_best = run_torch(directory)
    numpy2 = run_numpy(directory, 2)
    numpy1 = run_numpy(directory, 1)
    print("Training throughput, samples/s of one MNIST epoch after a warm-up epoch (784-256-128-10 ReLU)")
    print(f"{'config':<10} {'jnn':>9} {'bytes/step':>10} {'PyTorch':>9} {'threads':>7} {'jnn/PT':>7} {'numpy':>9} {'jnn/np':>7}")
    for optimizer, batch in CONFIGS:
        key = f"{optimizer}/{batch}"
        j, alloc, _ = jnn[key]
        t, threads = torch_best[key]
        n = numpy2["train"][key]
        print(f"{key:<10} {j:>9.0f} {alloc:>10.0f} {t:>9.0f} {threads:>7} {j / t:>7.2f} {n:>9.0f} {j / n:>7.2f}")
    _, gemm_rows = run_jnn(directory, ["--gemm"])
    jg = {}
    for kernels, product, m, k, n, gflops in gemm_rows:
        threads = 1 if "1 threads" in kernels else 2
        jg[(product, f"{m}x{k}x{n}", threads)] = float(gflops)
    print("\nMatrix products, GFLOP/s (numpy = OpenBLAS through numpy, the ceiling)")
    print(f"{'product':<6} {'m x k x n':>12} {'jnn 1t':>8} {'numpy 1t':>9} {'ratio':>6} {'jnn 2t':>8} {'numpy 2t':>9} {'ratio':>6}")
    for (name, shape, g1), (_, _, g2) in zip(numpy1["gemm"], numpy2["gemm"]):
        j1, j2 = jg.get((name, shape, 1), float("nan")), jg.get((name, shape, 2), float("nan"))
        print(f"{name:<6} {shape:>12} {j1:>8.1f} {g1:>9.1f} {j1 / g1:>6.2f} {j2:>8.1f} {g2:>9.1f} {j2 / g2:>6.2f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--torch-worker":
        torch_worker(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--numpy-worker":
        numpy_worker(sys.argv[2], int(sys.argv[3]))
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "mnist"))
