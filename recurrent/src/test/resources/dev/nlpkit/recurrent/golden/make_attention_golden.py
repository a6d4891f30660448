"""Reference values for Conv1D, LayerNormalization and MultiHeadSelfAttention, computed with PyTorch
(Debian python3-torch 1.13).

Run:  /usr/bin/python3 make_attention_golden.py > torch_attention_reference.txt
Each output line is "name v1 v2 ...". Weights are written in nlpkit (Keras) layout:
conv kernel [K, F, U] = Conv1d.weight.permute(2, 1, 0); attention query/key/value kernels [F, D] = the rows of
in_proj_weight for q, k, v, transposed; output kernel [D, F] = out_proj.weight^T.
The attention batch has lengths 5 and 3 (padded at the end, key_padding_mask); only real steps are compared
(PyTorch computes outputs at padded queries too, nlpkit zeroes them). "mha.dx" is the gradient of
sum(output * mha.r) over the real steps with respect to the input.
"""
import torch

torch.manual_seed(4321)


def emit(name, t):
    print(name + " " + " ".join("%.9g" % v for v in t.detach().reshape(-1).tolist()))


# Conv1D: batch 2, 7 steps, 3 features, 4 filters.
x = torch.randn(2, 7, 3)
emit("conv.input", x)
for name, conv in (("conv.same", torch.nn.Conv1d(3, 4, 3, dilation=2, padding="same")),
                   ("conv.valid", torch.nn.Conv1d(3, 4, 2, padding="valid"))):
    with torch.no_grad():
        y = conv(x.transpose(1, 2)).transpose(1, 2)
    emit(name + ".kernel", conv.weight.permute(2, 1, 0))
    emit(name + ".bias", conv.bias)
    emit(name + ".output", y)

# LayerNormalization: 2 x 3 steps of 5 features, eps 1e-3, random gain and bias.
ln = torch.nn.LayerNorm(5, eps=1e-3)
with torch.no_grad():
    ln.weight.copy_(torch.randn(5))
    ln.bias.copy_(torch.randn(5))
    xl = torch.randn(2, 3, 5) * 3 + 1
    emit("ln.input", xl)
    emit("ln.gamma", ln.weight)
    emit("ln.beta", ln.bias)
    emit("ln.output", ln(xl))

# MultiHeadSelfAttention: width 8, 2 heads, lengths 5 and 3, with and without the causal mask.
E, T = 8, 5
xa = torch.randn(2, T, E, requires_grad=True)
pad = torch.tensor([[False] * 5, [False] * 3 + [True] * 2])
real = (~pad).unsqueeze(-1).float()
r = torch.randn(2, T, E)
emit("mha.input", xa)
emit("mha.r", r)
for name, causal in (("mha", False), ("mha.causal", True)):
    mha = torch.nn.MultiheadAttention(E, 2, batch_first=True)
    with torch.no_grad():
        mha.in_proj_bias.copy_(torch.randn(3 * E) * 0.1)
        mha.out_proj.bias.copy_(torch.randn(E) * 0.1)
    mask = torch.triu(torch.ones(T, T, dtype=torch.bool), 1) if causal else None
    y, _ = mha(xa, xa, xa, key_padding_mask=pad, attn_mask=mask, need_weights=False)
    dx, = torch.autograd.grad((y * r * real).sum(), xa)
    w = mha.in_proj_weight
    b = mha.in_proj_bias
    for i, p in enumerate(("query", "key", "value")):
        emit(name + "." + p + "_kernel", w[i * E:(i + 1) * E].t())
        emit(name + "." + p + "_bias", b[i * E:(i + 1) * E])
    emit(name + ".output_kernel", mha.out_proj.weight.t())
    emit(name + ".output_bias", mha.out_proj.bias)
    emit(name + ".output", y * real)
    emit(name + ".dx", dx)
