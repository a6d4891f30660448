#!/usr/bin/python3
"""PyTorch anchor for `nlpkit bench lstm`: the course's sentiment model, timed on the CPU.

Embedding(vocab, 300) -> Dropout(0.5) -> LSTM|GRU|RNN(100) (last step) -> Linear(100, 1), BCE-with-logits, Adam.
One training step = forward, backward, Adam update; inference = forward in eval mode under no_grad.
Prints one JSON line per (cell, batch) and one describing the setup (threads, BLAS kernel from threadpoolctl).

Threads: Debian's python3-torch 1.13 runs its matrix products through OpenBLAS. Its fastest setting on 2 cores
is the default: 1 torch (intra-op) thread and 2 OpenBLAS threads, both pinned here (threadpoolctl for BLAS).
"""
import argparse
import json
import sys
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cells", default="lstm,gru,rnn")
    p.add_argument("--batches", default="64,1024")
    p.add_argument("--seq", type=int, default=30)
    p.add_argument("--vocab", type=int, default=50000)
    p.add_argument("--embed", type=int, default=300)
    p.add_argument("--hidden", type=int, default=100)
    p.add_argument("--torch-threads", type=int, default=1)
    p.add_argument("--blas-threads", type=int, default=2)
    p.add_argument("--seconds", type=float, default=3.0, help="minimum timed seconds per measurement")
    p.add_argument("--min-steps", type=int, default=3)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    args = p.parse_args()

    import torch
    from threadpoolctl import threadpool_info, threadpool_limits

    torch.set_num_threads(args.torch_threads)
    limits = threadpool_limits(limits=args.blas_threads, user_api="blas")
    blas = [dict(api=i.get("internal_api"), version=i.get("version"), threads=i.get("num_threads"),
                 kernel=i.get("architecture"), prefix=i.get("prefix")) for i in threadpool_info()
            if i.get("user_api") == "blas"]
    print(json.dumps(dict(setup=True, torch=torch.__version__, torch_threads=torch.get_num_threads(),
                          blas=blas)), flush=True)

    torch.manual_seed(args.seed)
    cells = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}

    class Model(torch.nn.Module):
        def __init__(self, cell):
            super().__init__()
            self.embedding = torch.nn.Embedding(args.vocab, args.embed, padding_idx=0)
            self.dropout = torch.nn.Dropout(0.5)
            self.rnn = cells[cell](args.embed, args.hidden, batch_first=True)
            self.dense = torch.nn.Linear(args.hidden, 1)

        def forward(self, x):
            out, _ = self.rnn(self.dropout(self.embedding(x)))
            return self.dense(out[:, -1, :]).squeeze(1)

    def timed(step, samples_per_step):
        for _ in range(args.warmup):
            step()
        steps = 0
        start = time.perf_counter()
        cpu_start = time.process_time()  # CPU seconds of all threads of this process
        while True:
            step()
            steps += 1
            elapsed = time.perf_counter() - start
            if steps >= args.min_steps and elapsed >= args.seconds:
                break
        cpu = time.process_time() - cpu_start
        return steps, elapsed, steps * samples_per_step / elapsed, cpu

    for cell in args.cells.split(","):
        for batch in [int(b) for b in args.batches.split(",")]:
            model = Model(cell)
            optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
            loss_fn = torch.nn.BCEWithLogitsLoss()
            g = torch.Generator().manual_seed(args.seed)
            x = torch.randint(1, args.vocab, (batch, args.seq), generator=g)
            y = torch.randint(0, 2, (batch,), generator=g).float()

            def train_step():
                model.train()
                optimizer.zero_grad()
                loss = loss_fn(model(x), y)
                loss.backward()
                optimizer.step()

            def infer_step():
                model.eval()
                with torch.no_grad():
                    torch.sigmoid(model(x))

            t_steps, t_s, train_rate, t_cpu = timed(train_step, batch)
            i_steps, i_s, infer_rate, i_cpu = timed(infer_step, batch)
            print(json.dumps(dict(cell=cell, batch=batch, seq=args.seq, train_samples_per_s=train_rate,
                                  train_steps=t_steps, train_seconds=t_s, train_cpu_seconds=t_cpu,
                                  infer_samples_per_s=infer_rate, infer_steps=i_steps, infer_seconds=i_s,
                                  infer_cpu_seconds=i_cpu)), flush=True)
    limits.restore_original_limits()


if __name__ == "__main__":
    sys.exit(main())
