#!/usr/bin/python3
"""Prints the learning rate PyTorch's schedulers give at each step, for ScheduleTest:
an SGD optimizer with lr 0.1, stepped 12 times (per epoch; OneCycleLR per batch, 20 steps);
ReduceLROnPlateau fed the losses listed here.

    /usr/bin/python3 tools/reference/schedules.py
"""
import torch

def rates(make, steps=12, metrics=None):
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=0.1)
    sched = make(opt)
    out = []
    for i in range(steps):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        if metrics is None:
            sched.step()
        else:
            sched.step(metrics[i])
    return out

S = torch.optim.lr_scheduler
cases = {
    "step(step_size=3, gamma=0.5)": lambda o: S.StepLR(o, 3, 0.5),
    "multistep(milestones=[2, 5, 9], gamma=0.1)": lambda o: S.MultiStepLR(o, [2, 5, 9], 0.1),
    "exponential(gamma=0.9)": lambda o: S.ExponentialLR(o, 0.9),
    "cosine(t_max=10, eta_min=0.001)": lambda o: S.CosineAnnealingLR(o, 10, 0.001),
    "linear(start_factor=0.25, end_factor=1.0, total_iters=4)": lambda o: S.LinearLR(o, 0.25, 1.0, 4),
}
for name, make in cases.items():
    print(name, [round(v, 12) for v in rates(make)])
print("onecycle(max_lr=1.0, total_steps=20)", [round(v, 12) for v in rates(lambda o: S.OneCycleLR(o, max_lr=1.0, total_steps=20), steps=20)])
losses = [1.0, 0.9, 0.95, 0.91, 0.92, 0.93, 0.8, 0.85, 0.86, 0.87, 0.88, 0.89]
print("plateau(patience=2, factor=0.5) on", losses,
      [round(v, 12) for v in rates(lambda o: S.ReduceLROnPlateau(o, mode="min", factor=0.5, patience=2), metrics=losses)])
print("torch", torch.__version__)
