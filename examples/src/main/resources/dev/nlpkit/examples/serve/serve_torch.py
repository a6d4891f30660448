"""FastAPI + uvicorn anchor of `nlpkit bench serve`: an nlpkit classifier's weights in PyTorch behind the same API.

The directory (written by nlpkit's ServeBench) holds meta.json (labels, maximum length, layer shapes),
vocab.txt (one vocabulary entry per line, by id; 0 = <pad>, 1 = <unk>) and weights.bin (float32 little-endian:
embedding [V, D], LSTM kernel [D, 4H], recurrent kernel [H, 4H], bias [4H] with gates i, f, c, o as in Keras and
PyTorch, dense kernel [H, K], dense bias [K]). The model is torch.nn Embedding -> LSTM -> Linear with sigmoid (one
output) or softmax. Tokens: a lowercase regex split (words, or single non-space characters) looked up in the
vocabulary, the last max-length tokens kept; sequences run with their real lengths (packed). POST /v1/predict
takes {"texts": [...]} and answers {"labels": [...], "results": [{"label", "probabilities"}]}; GET /healthz.
"""
import argparse
import json
import os
import re

import numpy as np
import torch
import uvicorn
from fastapi import FastAPI, HTTPException
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

TOKEN = re.compile(r"\w+|[^\w\s]")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("directory")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--torch-threads", type=int, default=1)
    args = p.parse_args()
    torch.set_num_threads(args.torch_threads)
    meta = json.load(open(os.path.join(args.directory, "meta.json")))
    with open(os.path.join(args.directory, "vocab.txt"), encoding="utf-8") as f:
        terms = f.read().split("\n")[: meta["vocabulary"]]
    index = {t: i for i, t in enumerate(terms)}
    w = np.fromfile(os.path.join(args.directory, "weights.bin"), dtype="<f4")
    V, D, H, K = meta["vocabulary"], meta["dimensions"], meta["units"], meta["outputs"]
    at = 0

    def take(*shape):
        nonlocal at
        n = int(np.prod(shape))
        out = torch.from_numpy(w[at:at + n].reshape(shape).copy())
        at += n
        return out

    embedding = nn.Embedding(V, D)
    lstm = nn.LSTM(D, H, batch_first=True)
    dense = nn.Linear(H, K)
    with torch.no_grad():
        embedding.weight.copy_(take(V, D))
        lstm.weight_ih_l0.copy_(take(D, 4 * H).T)
        lstm.weight_hh_l0.copy_(take(H, 4 * H).T)
        lstm.bias_ih_l0.copy_(take(4 * H))
        lstm.bias_hh_l0.zero_()
        dense.weight.copy_(take(H, K).T)
        dense.bias.copy_(take(K))
    assert at == w.size, "weights.bin does not match meta.json"
    labels = meta["labels"]
    max_length = meta["max_length"]

    def ids(text):
        found = [index.get(t, 1) for t in TOKEN.findall(text.lower())][-max_length:]
        return found or [0]

    def score(texts):
        seqs = [ids(t) for t in texts]
        lengths = torch.tensor([len(s) for s in seqs])
        batch = torch.zeros(len(seqs), int(lengths.max()), dtype=torch.long)
        for i, s in enumerate(seqs):
            batch[i, : len(s)] = torch.tensor(s)
        with torch.inference_mode():
            packed = pack_padded_sequence(embedding(batch), lengths, batch_first=True, enforce_sorted=False)
            _, (h, _) = lstm(packed)
            logits = dense(h[-1])
            if K == 1:
                p1 = torch.sigmoid(logits[:, 0])
                probs = torch.stack([1 - p1, p1], dim=1)
            else:
                probs = torch.softmax(logits, dim=1)
        return probs.tolist()

    app = FastAPI()

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    @app.post("/v1/predict")
    def predict(body: dict):
        texts = body.get("texts")
        if not isinstance(texts, list) or len(texts) > 1000 or not all(isinstance(t, str) for t in texts):
            raise HTTPException(status_code=400, detail="texts must be an array of at most 1000 strings")
        results = []
        for row in (score(texts) if texts else []):
            best = (1 if row[1] >= 0.5 else 0) if len(row) == 2 else int(np.argmax(row))
            results.append({"label": labels[best], "probabilities": dict(zip(labels, row))})
        return {"labels": labels, "results": results}

    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False, workers=1)


if __name__ == "__main__":
    main()
