"""PyTorch CUDA reference for the CUDA backend (platform/gpu-check.sh runs it beside DeviceTiming on the same GPU).

Prints "gemm <n> <mode> <TFLOP/s>" for square GEMMs in three modes -- fp32 (TF32 off: exact single precision),
tf32 (float32 tensors, TF32 tensor cores allowed) and bf16 (bfloat16 tensors) -- timed as DeviceTiming times
them (a window of back-to-back products closed by a synchronisation, best window), and "train <model> cuda
<steps/s>" for bench/torch_train.py's reference models, each step ending with loss.item() as the Java steps do.
Usage: torch_cuda.py [seconds per window] [sizes...]; env MODELS (default "mlp cnn lm", empty for none).
"""
import os
import sys
import time

import torch

import torch_train


def gemm_tflops(n, mode, seconds):
    dtype = torch.bfloat16 if mode == "bf16" else torch.float32
    torch.backends.cuda.matmul.allow_tf32 = mode == "tf32"
    a = torch.rand(n, n, device="cuda", dtype=dtype) - 0.5
    b = torch.rand(n, n, device="cuda", dtype=dtype) - 0.5
    torch.cuda.synchronize()
    t0 = time.perf_counter()
    (a @ b)[0, 0].item()
    single = max(time.perf_counter() - t0, 1e-9)
    per_window = int(max(1, min(50, 0.2 / single)))
    best = float("inf")
    end = time.perf_counter() + seconds
    windows = 0
    while windows < 3 or time.perf_counter() < end:
        start = time.perf_counter()
        for _ in range(per_window):
            c = a @ b
        c[0, 0].item()
        best = min(best, (time.perf_counter() - start) / per_window)
        windows += 1
    return 2.0 * n ** 3 / best / 1e12


def train_steps(build, seconds):
    torch.manual_seed(1)
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    with torch.device("cuda"):
        model, loss_fn = build()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        opt.zero_grad()
        loss = loss_fn()
        loss.backward()
        opt.step()
        return loss.item()

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        step()
    best = 0.0
    for _ in range(3):
        steps, start = 0, time.perf_counter()
        while True:
            step()
            steps += 1
            now = time.perf_counter()
            if now >= start + seconds:
                break
        best = max(best, steps / (now - start))
    return best


if __name__ == "__main__":
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2
    sizes = [int(s) for s in sys.argv[2:]] or [1024, 2048, 4096, 8192]
    print(f"# torch {torch.__version__}, {torch.cuda.get_device_name(0)}", flush=True)
    for n in sizes:
        for mode in ("fp32", "tf32", "bf16"):
            print(f"gemm {n} {mode} {gemm_tflops(n, mode, seconds):.1f}", flush=True)
    builders = {"mlp": torch_train.mlp, "cnn": torch_train.cnn, "lm": torch_train.lm}
    for name in os.environ.get("MODELS", "mlp cnn lm").split():
        print(f"train {name} cuda {train_steps(builders[name], seconds):.2f}", flush=True)
