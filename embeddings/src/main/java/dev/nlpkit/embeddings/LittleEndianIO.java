package dev.nlpkit.embeddings;

import dev.nlpkit.embeddings.io.WordVectorFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Little-endian numbers and float32 arrays for the model files (ours and Facebook's): one copy of the reads that
 * name the file and the field when the stream ends early or a weight is not finite.
 */
final class LittleEndianIO {

    private LittleEndianIO() {
    }

    static void writeInt(OutputStream out, int v) throws IOException {
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    static void writeLong(OutputStream out, long v) throws IOException {
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }

    static void writeFloats(OutputStream out, float[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        int i = 0;
        while (i < data.length) {
            buffer.clear();
            int n = Math.min(data.length - i, buffer.capacity() / 4);
            buffer.asFloatBuffer().put(data, i, n);
            out.write(buffer.array(), 0, 4 * n);
            i += n;
        }
    }

    static byte[] readExactly(InputStream in, int n, Path file, String where) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new WordVectorFormatException(file, where, "file ended: expected " + n + " bytes, got " + b.length);
        }
        return b;
    }

    static int readInt(InputStream in, Path file, String where) throws IOException {
        return ByteBuffer.wrap(readExactly(in, 4, file, where)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    static long readLong(InputStream in, Path file, String where) throws IOException {
        return ByteBuffer.wrap(readExactly(in, 8, file, where)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Reads n little-endian float32 values and rejects non-finite ones, naming the row (d values per row). */
    static float[] readFloats(InputStream in, int n, int d, Path file, String what) throws IOException {
        float[] out = new float[n];
        byte[] chunk = new byte[1 << 16];
        int i = 0;
        while (i < n) {
            int count = Math.min(n - i, chunk.length / 4);
            int got = in.readNBytes(chunk, 0, 4 * count);
            if (got != 4 * count) {
                throw new WordVectorFormatException(file, what + " value " + (i + got / 4), "file ended: truncated "
                        + "weights (expected " + n + " float32)");
            }
            ByteBuffer.wrap(chunk, 0, got).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out, i, count);
            i += count;
        }
        for (int k = 0; k < n; k++) {
            if (!Float.isFinite(out[k])) {
                throw new WordVectorFormatException(file, what + " value " + k + " (row " + k / d + ")",
                        "non-finite weight " + out[k]);
            }
        }
        return out;
    }
}
