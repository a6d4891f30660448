package dev.nlpkit.recurrent.math;

import java.util.Arrays;

/**
 * Copies blocks of {@code op(A)} and {@code op(B)} into the panel layouts the micro-kernels read sequentially
 * (the GotoBLAS/BLIS packing). Plain Java, shared by both kernel families.
 */
final class Packing {

    private Packing() {
    }

    /**
     * Packs rows {@code [pc, pc+kc)} x columns {@code [jc, jc+nc)} of {@code op(B)} into panels {@code nr}
     * columns wide: panel {@code q} holds element {@code (p, j)} at {@code q*kc*nr + p*nr + j}; columns past
     * the edge are zero; the panels start at {@code pb[pbOff]}.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, int nr,
                      float[] pb, int pbOff) {
        int panels = (nc + nr - 1) / nr;
        for (int q = 0; q < panels; q++) {
            int j = jc + q * nr;
            int width = Math.min(nr, jc + nc - j);
            int base = pbOff + q * kc * nr;
            if (!transB) {
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * nr;
                    System.arraycopy(b, bOff + (pc + p) * ldb + j, pb, dst, width);
                    if (width < nr) {
                        Arrays.fill(pb, dst + width, dst + nr, 0f);
                    }
                }
            } else {
                for (int jj = 0; jj < width; jj++) {
                    int src = bOff + (j + jj) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        pb[base + p * nr + jj] = b[src + p];
                    }
                }
                if (width < nr) {
                    for (int p = 0; p < kc; p++) {
                        Arrays.fill(pb, base + p * nr + width, base + (p + 1) * nr, 0f);
                    }
                }
            }
        }
    }

    /**
     * Packs rows {@code [ic, ic+mc)} x columns {@code [pc, pc+kc)} of {@code op(A)} into panels {@code mr}
     * rows high: panel {@code q} holds element {@code (i, p)} at {@code q*kc*mr + p*mr + i}; rows past the
     * edge are zero.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc, int mr,
                      float[] pa) {
        for (int q = 0; q * mr < mc; q++) {
            int i = ic + q * mr;
            int height = Math.min(mr, ic + mc - i);
            int base = q * kc * mr;
            if (height < mr) {
                // Zero the whole partial panel once, then copy the rows that exist: one fill instead of kc
                // short ones (a recurrent step's [64 x 100] product packs such a panel at every call).
                Arrays.fill(pa, base, base + kc * mr, 0f);
            }
            if (!transA) {
                for (int r = 0; r < height; r++) {
                    int src = aOff + (i + r) * lda + pc;
                    for (int p = 0; p < kc; p++) {
                        pa[base + p * mr + r] = a[src + p];
                    }
                }
            } else {
                // Short rows (mr floats): a plain loop beats System.arraycopy's call overhead here.
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (pc + p) * lda + i;
                    int dst = base + p * mr;
                    for (int r = 0; r < height; r++) {
                        pa[dst + r] = a[src + r];
                    }
                }
            }
        }
    }
}
