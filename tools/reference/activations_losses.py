#!/usr/bin/python3
"""Prints PyTorch's values and gradients for the activations (elu, gelu, softplus) and losses
(huber, l1) that ActivationAndLossValuesTest replays, at the inputs it uses:

    /usr/bin/python3 tools/reference/activations_losses.py
"""
import torch

x = torch.tensor([-3.0, -1.0, -0.25, 0.0, 0.5, 2.0, 25.0], requires_grad=True)
cases = [("elu", lambda t: torch.nn.functional.elu(t, alpha=1.0)),
         ("elu(alpha=0.5)", lambda t: torch.nn.functional.elu(t, alpha=0.5)),
         ("gelu", lambda t: torch.nn.functional.gelu(t)),
         ("gelu(approximate=tanh)", lambda t: torch.nn.functional.gelu(t, approximate="tanh")),
         ("softplus", lambda t: torch.nn.functional.softplus(t)),
         ("softplus(beta=2, threshold=5)", lambda t: torch.nn.functional.softplus(t, beta=2, threshold=5))]
for name, f in cases:
    y = f(x)
    g, = torch.autograd.grad(y.sum(), x)
    print(name, "values", [round(v, 8) for v in y.tolist()])
    print(name, "gradient", [round(v, 8) for v in g.tolist()])

p = torch.tensor([[0.5, -1.0, 3.0], [2.0, 0.0, -0.5]], requires_grad=True)
t = torch.tensor([[0.0, 0.5, 0.5], [-1.0, 0.2, 1.0]])
for name, f in [("huber", torch.nn.HuberLoss()), ("huber(delta=0.5)", torch.nn.HuberLoss(delta=0.5)), ("l1", torch.nn.L1Loss())]:
    loss = f(p, t)
    g, = torch.autograd.grad(loss, p)
    print(name, "loss", round(loss.item(), 8), "gradient", [round(v, 8) for v in g.flatten().tolist()])
print("torch", torch.__version__)

# Gradient clipping (ToolkitTest): two parameters with gradients [3, -4] and [[12]], global norm 13.
a = torch.nn.Parameter(torch.zeros(2))
b = torch.nn.Parameter(torch.zeros(1, 1))
for max_norm in (1.0, 20.0):
    a.grad, b.grad = torch.tensor([3.0, -4.0]), torch.tensor([[12.0]])
    norm = torch.nn.utils.clip_grad_norm_([a, b], max_norm)
    print("clip_grad_norm_", max_norm, "norm", norm.item(), "grads", a.grad.tolist(), b.grad.tolist())
a.grad, b.grad = torch.tensor([3.0, -4.0]), torch.tensor([[12.0]])
torch.nn.utils.clip_grad_value_([a, b], 3.5)
print("clip_grad_value_ 3.5 grads", a.grad.tolist(), b.grad.tolist())
