#!/usr/bin/python3
"""Writes the test resource that PyTorchWeightsTest reads: a PyTorch nn.Sequential
(Linear(5, 8), Tanh, Linear(8, 8), ReLU, Linear(8, 3)) with seeded weights, saved as safetensors from
its state_dict ("0.weight" [8, 5], "0.bias", "2.weight", ...), and beside it a second safetensors file
with an input batch and PyTorch's outputs for it.

The safetensors layout is written by hand (8-byte little-endian header length, JSON header, raw
little-endian float32 data, 8-byte aligned), exactly as the safetensors package writes it, so the
script needs only Debian's python3-torch.

    /usr/bin/python3 tools/reference/pytorch_sequential.py nn-core/src/test/resources/pytorch
"""
import json
import os
import struct
import sys

import torch


def save_safetensors(path, tensors):
    header = {}
    offset = 0
    blobs = []
    for name, t in tensors.items():
        data = t.detach().contiguous().to(torch.float32).numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def main(folder):
    torch.manual_seed(7)
    model = torch.nn.Sequential(torch.nn.Linear(5, 8), torch.nn.Tanh(), torch.nn.Linear(8, 8), torch.nn.ReLU(),
                                torch.nn.Linear(8, 3))
    x = torch.randn(6, 5)
    with torch.no_grad():
        y = model(x)
    os.makedirs(folder, exist_ok=True)
    save_safetensors(os.path.join(folder, "mlp.safetensors"), model.state_dict())
    save_safetensors(os.path.join(folder, "mlp_io.safetensors"), {"input": x, "output": y})
    print("wrote", folder, "torch", torch.__version__)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "nn-core/src/test/resources/pytorch")
