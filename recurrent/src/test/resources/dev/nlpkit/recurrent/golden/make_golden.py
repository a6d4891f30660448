"""Reference values for nlpkit recurrent tests, computed with PyTorch (Debian python3-torch 1.13).

Run:  /usr/bin/python3 make_golden.py > torch_reference.txt
Each output line is "name v1 v2 ...". Weights are written in nlpkit (Keras) layout:
kernel [F, G*H] = W_ih^T, recurrent_kernel [H, G*H] = W_hh^T, bias = b_ih + b_hh, gate order i, f, g, o for the
LSTM (PyTorch's order is the same). The input batch has lengths 4 and 2 (padded at the end); outputs come from
pack_padded_sequence so the final state of each row is its last real step.
The classic (reset-before) GRU has no PyTorch module; its reference is computed here with torch tensor ops.
"""
import torch

torch.manual_seed(1234)
F, H, B, T = 3, 4, 2, 4
lengths = torch.tensor([4, 2])
x = torch.randn(B, T, F)
x[1, 2:] = 0.0


def emit(name, t):
    print(name + " " + " ".join("%.9g" % v for v in t.detach().reshape(-1).tolist()))


emit("input", x)
for name, module in (("lstm", torch.nn.LSTM(F, H, batch_first=True)),
                     ("rnn", torch.nn.RNN(F, H, batch_first=True, nonlinearity="tanh"))):
    with torch.no_grad():
        packed = torch.nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out, state = module(packed)
        seq, _ = torch.nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=T)
        h = state[0] if isinstance(state, tuple) else state
        emit(name + ".kernel", module.weight_ih_l0.t())
        emit(name + ".recurrent_kernel", module.weight_hh_l0.t())
        emit(name + ".bias", module.bias_ih_l0 + module.bias_hh_l0)
        emit(name + ".sequence", seq)
        emit(name + ".last", h[0])

# Classic GRU (Cho et al. 2014), h = (1 - z) h_prev + z n, n = tanh(x Wn + (r * h_prev) Un + bn).
g = torch.Generator().manual_seed(99)
wx = torch.randn(F, 3 * H, generator=g) * 0.5
wh = torch.randn(H, 3 * H, generator=g) * 0.5
bg = torch.randn(3 * H, generator=g) * 0.1
hs = torch.zeros(B, T, H)
last = torch.zeros(B, H)
for b in range(B):
    h = torch.zeros(H)
    for t in range(int(lengths[b])):
        a = x[b, t] @ wx + bg
        z = torch.sigmoid(a[:H] + h @ wh[:, :H])
        r = torch.sigmoid(a[H:2 * H] + h @ wh[:, H:2 * H])
        n = torch.tanh(a[2 * H:] + (r * h) @ wh[:, 2 * H:])
        h = (1 - z) * h + z * n
        hs[b, t] = h
    last[b] = h
emit("gru.kernel", wx)
emit("gru.recurrent_kernel", wh)
emit("gru.bias", bg)
emit("gru.sequence", hs)
emit("gru.last", last)

# Losses (mean reduction).
logits = torch.tensor([[-30.0], [-1.5], [0.0], [2.0], [40.0]])
targets = torch.tensor([[0.0], [1.0], [1.0], [0.0], [1.0]])
emit("bce.logits", logits)
emit("bce.targets", targets)
emit("bce.loss", torch.nn.functional.binary_cross_entropy_with_logits(logits, targets).reshape(1))
scores = torch.tensor([[1.0, 2.0, 0.5], [-3.0, 0.0, 3.0], [100.0, 0.0, -100.0]])
labels = torch.tensor([1, 0, 0])
emit("ce.logits", scores)
emit("ce.labels", labels.float())
emit("ce.loss", torch.nn.functional.cross_entropy(scores, labels).reshape(1))
