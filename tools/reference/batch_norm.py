#!/usr/bin/python3
"""Prints what torch.nn.BatchNorm1d(3) (momentum 0.1, eps 1e-5) gives for BatchNormTest: the output and
the input, scale and shift gradients of one training step on the batch X with upstream gradient DY,
the running statistics after three training steps on X, 2X and X + 1, and the evaluation output on X.

    /usr/bin/python3 tools/reference/batch_norm.py
"""
import torch

X = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.0, -2.0], [-0.5, 2.0, 1.0], [2.5, 1.0, 0.0]])
DY = torch.tensor([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6], [-0.7, 0.8, 0.9], [1.0, -1.1, 0.2]])
bn = torch.nn.BatchNorm1d(3)
with torch.no_grad():
    bn.weight.copy_(torch.tensor([1.5, -0.5, 2.0]))
    bn.bias.copy_(torch.tensor([0.1, 0.2, -0.3]))
x = X.clone().requires_grad_(True)
y = bn(x)
y.backward(DY)
r = lambda t: [round(v, 7) for v in t.flatten().tolist()]
print("y", r(y))
print("dx", r(x.grad))
print("dweight", r(bn.weight.grad), "dbias", r(bn.bias.grad))
bn.train()
bn(2 * X)
bn(X + 1)
print("running_mean", r(bn.running_mean), "running_var", r(bn.running_var))
bn.eval()
print("eval y", r(bn(X)))
