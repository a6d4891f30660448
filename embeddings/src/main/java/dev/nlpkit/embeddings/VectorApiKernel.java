package dev.nlpkit.embeddings;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API ({@code jdk.incubator.vector}) kernel: fused multiply-add over the preferred species, then a
 * scalar tail. Loaded only when the module is present (see {@link Kernel#select}).
 */
final class VectorApiKernel implements Kernel {

    /**
     * The preferred species, or a narrower one when {@code -Dnlpkit.embeddings.vectorBits=256} (or 128) asks
     * for it (an experiment knob: on rows of ~100 floats 8 and 16 lanes measured alike here).
     */
    private static final VectorSpecies<Float> SPECIES = species();

    private static VectorSpecies<Float> species() {
        int bits = Integer.getInteger("nlpkit.embeddings.vectorBits", 0);
        VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
        if (bits > 0 && preferred.vectorBitSize() > bits) {
            return VectorSpecies.of(float.class, jdk.incubator.vector.VectorShape.forBitSize(bits));
        }
        return preferred;
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int i = 0;
        int bound = SPECIES.loopBound(n);
        for (; i < bound; i += SPECIES.length()) {
            FloatVector va = FloatVector.fromArray(SPECIES, a, aOff + i);
            FloatVector vb = FloatVector.fromArray(SPECIES, b, bOff + i);
            acc = va.fma(vb, acc);
        }
        // a fixed order of additions: reduceLanes(ADD) sums in an order that differs between the interpreter
        // and compiled code, which broke one-worker bit-reproducibility in a fresh JVM
        float s = VectorApiBatchKernel.sum(acc);
        for (; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int bound = SPECIES.loopBound(n);
        FloatVector va = FloatVector.broadcast(SPECIES, alpha);
        for (; i < bound; i += SPECIES.length()) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, xOff + i);
            FloatVector vy = FloatVector.fromArray(SPECIES, y, yOff + i);
            vx.fma(va, vy).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void axpyBoth(float g, float[] out, int outOff, float[] err, float[] in, int inOff, int n) {
        int i = 0;
        int bound = SPECIES.loopBound(n);
        FloatVector vg = FloatVector.broadcast(SPECIES, g);
        for (; i < bound; i += SPECIES.length()) {
            FloatVector u = FloatVector.fromArray(SPECIES, out, outOff + i);
            FloatVector e = FloatVector.fromArray(SPECIES, err, i);
            u.fma(vg, e).intoArray(err, i);
            FloatVector h = FloatVector.fromArray(SPECIES, in, inOff + i);
            h.fma(vg, u).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            float u = out[outOff + i];
            err[i] += g * u;
            out[outOff + i] = u + g * in[inOff + i];
        }
    }

    @Override
    public String name() {
        return "vector-api-" + SPECIES.vectorBitSize();
    }
}
