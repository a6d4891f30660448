package dev.nlpkit.examples.data;

import java.util.Objects;

/**
 * How the file a {@link Source} serves becomes the dataset's local file or folder. Bytes are copied unchanged
 * (no re-encoding), so the checksum recorded for the dataset holds whichever source it came from.
 */
public sealed interface Extraction {

    /** The served file is the dataset's file. */
    Extraction NONE = new AsIs();

    /** One sentence for listings and README tables, e.g. {@code member gutenberg/carroll-alice.txt of the zip}. */
    String describe();

    /** The served file is used as it is. */
    record AsIs() implements Extraction {
        @Override
        public String describe() {
            return "used as downloaded";
        }
    }

    /** The served file is gzip-compressed; its decompressed bytes are the dataset's file. */
    record Gunzip() implements Extraction {
        @Override
        public String describe() {
            return "gunzipped";
        }
    }

    /** The served file is a zip; the one entry named {@code member} is the dataset's file. */
    record ZipMember(String member) implements Extraction {
        public ZipMember {
            Objects.requireNonNull(member, "member");
        }

        @Override
        public String describe() {
            return "zip member " + member;
        }
    }

    /**
     * The served file is a zip; the entries directly under {@code prefix} (a folder name ending in {@code /})
     * become the files of the dataset's folder.
     */
    record ZipFolder(String prefix) implements Extraction {
        public ZipFolder {
            Objects.requireNonNull(prefix, "prefix");
            if (!prefix.endsWith("/")) {
                throw new IllegalArgumentException("zip folder prefix must end with '/', got '" + prefix + "'");
            }
        }

        @Override
        public String describe() {
            return "the files of zip folder " + prefix;
        }
    }
}
