#!/usr/bin/python3
"""PyTorch anchor for `nlpkit bench attention`: nn.MultiheadAttention self-attention, one training step's worth.

nn.MultiheadAttention(width, heads, batch_first=True) on x [batch, seq, width] (query = key = value = x,
need_weights=False, PyTorch's fastest call), then out.backward(dy) into the parameter and input gradients; no
optimizer update (nlpkit's side times the same: forward, backward into gradients). Prints one JSON line per
sequence length and one describing the setup. When torch or threadpoolctl does not import, prints
{"skip": "<reason>"} and exits 0, so the Java side reports the reason and runs on.

Threads: as `bench lstm`'s anchor, 1 torch (intra-op) thread and --blas-threads OpenBLAS threads, pinned with
threadpoolctl.

With --interleaved, measurements run on request, so that the Java side can alternate rounds with its own: after
the setup line, each line read from standard input holds a sequence length, and one measurement of that length
(warmed up the first time) is printed as its JSON line; end of input ends the script.
"""
import argparse
import json
import sys
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--seqs", default="30,128")
    p.add_argument("--width", type=int, default=128)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--torch-threads", type=int, default=1)
    p.add_argument("--blas-threads", type=int, default=2)
    p.add_argument("--seconds", type=float, default=3.0, help="minimum timed seconds per measurement")
    p.add_argument("--min-steps", type=int, default=3)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--interleaved", action="store_true", help="measure the lengths read from standard input")
    args = p.parse_args()

    try:
        import torch
        from threadpoolctl import threadpool_info, threadpool_limits
    except ImportError as e:
        print(json.dumps(dict(skip="%s does not import in %s: %s" % (e.name, sys.executable, e))), flush=True)
        return 0

    torch.set_num_threads(args.torch_threads)
    limits = threadpool_limits(limits=args.blas_threads, user_api="blas")
    blas = [dict(api=i.get("internal_api"), version=i.get("version"), threads=i.get("num_threads"),
                 kernel=i.get("architecture")) for i in threadpool_info() if i.get("user_api") == "blas"]
    print(json.dumps(dict(setup=True, torch=torch.__version__, torch_threads=torch.get_num_threads(),
                          blas=blas)), flush=True)
    torch.manual_seed(args.seed)

    def timed(step):
        steps = 0
        start = time.perf_counter()
        cpu_start = time.process_time()
        while True:
            step()
            steps += 1
            elapsed = time.perf_counter() - start
            if steps >= args.min_steps and elapsed >= args.seconds:
                break
        return steps, elapsed, time.process_time() - cpu_start

    def make_step(seq):
        mha = torch.nn.MultiheadAttention(args.width, args.heads, batch_first=True)
        g = torch.Generator().manual_seed(args.seed)
        x = (torch.rand((args.batch, seq, args.width), generator=g) * 2 - 1).requires_grad_(True)
        dy = torch.rand((args.batch, seq, args.width), generator=g) * 2 - 1

        def step():
            mha.zero_grad(set_to_none=True)
            x.grad = None
            out, _ = mha(x, x, x, need_weights=False)
            out.backward(dy)

        for _ in range(args.warmup):
            step()
        return step

    def measure(seq, step):
        steps, seconds, cpu = timed(step)
        print(json.dumps(dict(seq=seq, batch=args.batch, samples_per_s=steps * args.batch / seconds, steps=steps,
                              seconds=seconds, cpu_seconds=cpu)), flush=True)

    if args.interleaved:
        steps_of = {}
        for line in iter(sys.stdin.readline, ""):
            if line.strip():
                seq = int(line)
                if seq not in steps_of:
                    steps_of[seq] = make_step(seq)
                measure(seq, steps_of[seq])
    else:
        for seq in [int(s) for s in args.seqs.split(",")]:
            measure(seq, make_step(seq))
    limits.restore_original_limits()
    return 0


if __name__ == "__main__":
    sys.exit(main())
