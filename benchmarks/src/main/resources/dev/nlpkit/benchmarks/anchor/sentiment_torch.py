#!/usr/bin/python3
"""PyTorch reference for `nlpkit sentiment train`: the course's model, trained on exactly the data nlpkit prepared.

nlpkit exports its split, its preprocessing output (padded index sequences) and its Word2Vec embedding matrix to a
directory (dev.nlpkit.benchmarks.anchor.TorchReference); this script trains the same recipe on it with
Debian's python3-torch and reports the same metrics, so the two can be compared side by side.

Directory layout (all binary files little-endian, row-major):
  meta.json                      format 1: vocab_size, embedding_dim, max_length, hidden, dropout, lstm_dropout,
                                 recurrent_dropout, fine_tune, epochs, batch_size, learning_rate, patience, seed,
                                 and per split the number of rows
  embedding.f32                  float32 [vocab_size, embedding_dim]; row 0 is padding
  {train,validation,test}.ids.i32     int32 [n, max_length]; 0 = padding
  {train,validation,test}.labels.u8   uint8 [n], 0 or 1

The model (Keras semantics, as nlpkit's recurrent module implements them):
  Embedding(vocab, dim) initialised from embedding.f32, frozen unless fine_tune
  -> Dropout(0.5), elementwise
  -> LSTM(hidden) with input dropout and recurrent dropout as one mask per sequence fixed over time (Gal and
     Ghahramani; Keras' dropout/recurrent_dropout), padding steps masked (state carried over), last step's h
  -> Dense(1) + sigmoid, binary cross-entropy (on logits), Adam(learning_rate), shuffled batches
  Initialisation as Keras: Glorot-uniform input kernel, orthogonal recurrent kernel, zero bias with forget gate 1.
  Early stopping on validation loss with the given patience; the best epoch's weights are restored.
With recurrent_dropout > 0 the LSTM is an explicit loop over time (torch.nn.LSTM has no recurrent dropout);
with recurrent_dropout = 0 it is torch.nn.LSTM on packed sequences (the real tokens of each pre-padded row moved
to the front), which computes the same function much faster.

Output: one JSON line per epoch, then one with the test metrics; with --probabilities FILE, the test-set
probabilities as float32 little-endian.
"""
import argparse
import json
import math
import os
import sys
import time


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("directory", help="the directory nlpkit exported")
    p.add_argument("--probabilities", help="write the test probabilities here (float32 little-endian)")
    p.add_argument("--torch-threads", type=int, default=1)
    p.add_argument("--blas-threads", type=int, default=2)
    p.add_argument("--epochs", type=int, help="override meta.json's epochs")
    args = p.parse_args()

    import numpy as np
    import torch

    torch.set_num_threads(args.torch_threads)
    try:
        from threadpoolctl import threadpool_limits
        threadpool_limits(limits=args.blas_threads, user_api="blas")
    except ImportError:
        pass

    d = args.directory
    with open(os.path.join(d, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    if meta.get("format") != 1:
        sys.exit(f"{d}/meta.json has format {meta.get('format')}, this script reads format 1")
    vocab, dim, length = meta["vocab_size"], meta["embedding_dim"], meta["max_length"]
    epochs = args.epochs if args.epochs is not None else meta["epochs"]

    def load_split(name):
        n = meta[name + "_rows"]
        ids = np.fromfile(os.path.join(d, name + ".ids.i32"), dtype="<i4")
        labels = np.fromfile(os.path.join(d, name + ".labels.u8"), dtype=np.uint8)
        if ids.size != n * length or labels.size != n:
            sys.exit(f"{name}: expected {n} rows of {length} ids, found {ids.size} ids and {labels.size} labels")
        return (torch.from_numpy(ids.reshape(n, length).astype(np.int64)),
                torch.from_numpy(labels.astype(np.float32)))

    embedding = np.fromfile(os.path.join(d, "embedding.f32"), dtype="<f4")
    if embedding.size != vocab * dim:
        sys.exit(f"embedding.f32 has {embedding.size} floats, expected {vocab} x {dim}")
    train, validation, test = load_split("train"), load_split("validation"), load_split("test")

    torch.manual_seed(meta["seed"])
    generator = torch.Generator().manual_seed(meta["seed"])
    hidden = meta["hidden"]

    class Model(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = torch.nn.Embedding(vocab, dim)
            self.embedding.weight.data.copy_(torch.from_numpy(embedding.reshape(vocab, dim)))
            self.embedding.weight.requires_grad = bool(meta["fine_tune"])
            self.dropout = torch.nn.Dropout(meta["dropout"])
            self.w_x = torch.nn.Parameter(torch.empty(dim, 4 * hidden))
            self.w_h = torch.nn.Parameter(torch.empty(hidden, 4 * hidden))
            self.bias = torch.nn.Parameter(torch.zeros(4 * hidden))
            torch.nn.init.xavier_uniform_(self.w_x)
            torch.nn.init.orthogonal_(self.w_h)
            with torch.no_grad():
                self.bias[hidden:2 * hidden] = 1.0  # gate order i, f, g, o: forget bias 1
            self.fast = meta["recurrent_dropout"] == 0
            if self.fast:
                self.lstm = torch.nn.LSTM(dim, hidden, batch_first=True)
                with torch.no_grad():  # same parameters, PyTorch's packing: weight_ih [4H, D], gates i, f, g, o
                    self.lstm.weight_ih_l0.copy_(self.w_x.t())
                    self.lstm.weight_hh_l0.copy_(self.w_h.t())
                    self.lstm.bias_ih_l0.copy_(self.bias)
                    self.lstm.bias_hh_l0.zero_()
                del self.w_x, self.w_h, self.bias
            self.dense = torch.nn.Linear(hidden, 1)
            torch.nn.init.xavier_uniform_(self.dense.weight)
            torch.nn.init.zeros_(self.dense.bias)

        def forward(self, ids):
            batch = ids.shape[0]
            mask = (ids != 0).float().unsqueeze(-1)                  # [batch, time, 1]
            x = self.dropout(self.embedding(ids))                    # [batch, time, dim]
            if self.training and meta["lstm_dropout"] > 0:
                keep = 1.0 - meta["lstm_dropout"]
                x = x * (torch.bernoulli(torch.full((batch, 1, dim), keep)) / keep)
            if self.fast:
                lengths = mask.squeeze(-1).sum(1).long().clamp(min=1)
                # move each row's real steps to the front (rows are pre-padded), then pack
                order = torch.argsort((ids == 0).long(), dim=1, stable=True)
                x = torch.gather(x, 1, order.unsqueeze(-1).expand(-1, -1, dim))
                packed = torch.nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                _, (h_n, _) = self.lstm(packed)
                return self.dense(h_n[-1]).squeeze(-1)
            rmask = None
            if self.training and meta["recurrent_dropout"] > 0:
                keep = 1.0 - meta["recurrent_dropout"]
                rmask = torch.bernoulli(torch.full((batch, hidden), keep)) / keep
            z = x @ self.w_x + self.bias                             # one product for all steps
            h = x.new_zeros(batch, hidden)
            c = x.new_zeros(batch, hidden)
            for t in range(ids.shape[1]):
                hr = h if rmask is None else h * rmask
                gates = z[:, t] + hr @ self.w_h
                i, f, g, o = gates.chunk(4, dim=1)
                c_new = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
                h_new = torch.sigmoid(o) * torch.tanh(c_new)
                m = mask[:, t]
                c = m * c_new + (1 - m) * c
                h = m * h_new + (1 - m) * h
            return self.dense(h).squeeze(-1)                         # logits

    model = Model()
    optimizer = torch.optim.Adam([q for q in model.parameters() if q.requires_grad], lr=meta["learning_rate"])
    loss_fn = torch.nn.BCEWithLogitsLoss()
    batch_size = meta["batch_size"]

    def evaluate(split):
        model.eval()
        ids, labels = split
        logits = []
        with torch.no_grad():
            for s in range(0, ids.shape[0], 1024):
                logits.append(model(ids[s:s + 1024]))
        logits = torch.cat(logits)
        loss = loss_fn(logits, labels).item()
        probabilities = torch.sigmoid(logits)
        accuracy = ((probabilities >= 0.5).float() == labels).float().mean().item()
        return loss, accuracy, probabilities

    best = (math.inf, None, 0)
    waited = 0
    for epoch in range(1, epochs + 1):
        model.train()
        started = time.perf_counter()
        ids, labels = train
        order = torch.randperm(ids.shape[0], generator=generator)
        total_loss, correct = 0.0, 0
        for s in range(0, ids.shape[0], batch_size):
            index = order[s:s + batch_size]
            optimizer.zero_grad()
            logits = model(ids[index])
            loss = loss_fn(logits, labels[index])
            loss.backward()
            optimizer.step()
            total_loss += loss.item() * index.shape[0]
            correct += ((logits >= 0).float() == labels[index]).sum().item()
        seconds = time.perf_counter() - started
        val_loss, val_accuracy, _ = evaluate(validation)
        print(json.dumps(dict(epoch=epoch, loss=total_loss / ids.shape[0], accuracy=correct / ids.shape[0],
                              val_loss=val_loss, val_accuracy=val_accuracy, seconds=seconds,
                              samples_per_s=ids.shape[0] / seconds)), flush=True)
        if val_loss < best[0]:
            best = (val_loss, {k: v.clone() for k, v in model.state_dict().items()}, epoch)
            waited = 0
        else:
            waited += 1
            if meta["patience"] > 0 and waited >= meta["patience"]:
                break
    if best[1] is not None:
        model.load_state_dict(best[1])
    test_loss, test_accuracy, probabilities = evaluate(test)
    if args.probabilities:
        probabilities.numpy().astype("<f4").tofile(args.probabilities)
    print(json.dumps(dict(test_loss=test_loss, test_accuracy=test_accuracy, best_epoch=best[2],
                          torch=torch.__version__)), flush=True)


if __name__ == "__main__":
    main()
