"""PyTorch CPU reference for the tensor engine's training benchmark.

Trains the three reference models (same shapes as bench's TrainBench.java) on random data with Adam and
prints one line per model: "<model> <threads> <steps/s>". Run through bench/train-vs-torch.sh, which also
runs the Java side in the same script so the ratios compare like with like.
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def mlp():
    model = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 10))
    x = torch.randn(128, 784)
    y = torch.randint(0, 10, (128,))
    return model, lambda: F.cross_entropy(model(x), y)


def cnn():
    model = nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(3136, 128), nn.ReLU(), nn.Linear(128, 10))
    x = torch.randn(64, 1, 28, 28)
    y = torch.randint(0, 10, (64,))
    return model, lambda: F.cross_entropy(model(x), y)


class Block(nn.Module):
    def __init__(self, d, heads, ffn):
        super().__init__()
        self.ln1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.ff1 = nn.Linear(d, ffn)
        self.ff2 = nn.Linear(ffn, d)
        self.heads = heads

    def forward(self, x, mask):
        b, t, d = x.shape
        h = self.heads
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=-1)
        q, k, v = (z.view(b, t, h, d // h).transpose(1, 2) for z in (q, k, v))
        att = (q @ k.transpose(-2, -1)) / (d // h) ** 0.5
        att = att.masked_fill(mask, float("-inf")).softmax(-1)
        x = x + self.proj((att @ v).transpose(1, 2).reshape(b, t, d))
        return x + self.ff2(F.gelu(self.ff1(self.ln2(x))))


class LM(nn.Module):
    def __init__(self, vocab=96, d=128, heads=4, ffn=512, layers=4, seq=64):
        super().__init__()
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Embedding(seq, d)
        self.blocks = nn.ModuleList(Block(d, heads, ffn) for _ in range(layers))
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, vocab)
        self.register_buffer("mask", torch.ones(seq, seq, dtype=torch.bool).triu(1))

    def forward(self, ids):
        x = self.tok(ids) + self.pos(torch.arange(ids.shape[1], device=ids.device))
        for blk in self.blocks:
            x = blk(x, self.mask)
        return self.head(self.ln(x))


def lm():
    model = LM()
    ids = torch.randint(0, 96, (32, 64))
    targets = torch.randint(0, 96, (32, 64))
    return model, lambda: F.cross_entropy(model(ids).reshape(-1, 96), targets.reshape(-1))


def steps_per_second(build, warmup, steps):
    torch.manual_seed(1)
    model, loss_fn = build()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for i in range(warmup + steps):
        if i == warmup:
            start = time.perf_counter()
        opt.zero_grad()
        loss_fn().backward()
        opt.step()
    return steps / (time.perf_counter() - start)


if __name__ == "__main__":
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    which = sys.argv[2:] or ["mlp", "cnn", "lm"]
    torch.set_num_threads(threads)
    models = {"mlp": (mlp, 10, 100), "cnn": (cnn, 3, 30), "lm": (lm, 2, 10)}
    for name in which:
        build, warmup, steps = models[name]
        print(f"{name} {threads} {steps_per_second(build, warmup, steps):.2f}", flush=True)
