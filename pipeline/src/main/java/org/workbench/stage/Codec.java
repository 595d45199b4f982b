package org.workbench.stage;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.workbench.config.PipelineConfig;

/**
 * How one artifact is written to the stage cache and read back, exactly: a restored artifact must
 * give the same results as the one the stage made. A stage registers one per output
 * ({@link Stage#codecs()}); a stage with an output that has none is never cached.
 */
public interface Codec<T> {
    void write(T value, DataOutputStream out) throws IOException;

    /**
     * Reads what {@link #write} wrote. {@code config} is the running config: a value that is the run's
     * own config is not stored but taken from it.
     */
    T read(DataInputStream in, PipelineConfig config) throws IOException;

    /**
     * Compact JSON with NaN and infinities as numbers, so doubles read back bit for bit; derived
     * getters a record also writes (e.g. {@code isBinary}) are ignored when read back.
     */
    ObjectMapper JSON = JsonMapper.builder()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** A record Jackson writes and reads back whole. */
    static <T> Codec<T> json(Class<T> type) {
        return new Codec<>() {
            @Override
            public void write(T value, DataOutputStream out) throws IOException {
                writeJson(out, value);
            }

            @Override
            public T read(DataInputStream in, PipelineConfig config) throws IOException {
                return readJson(in, type);
            }
        };
    }

    /** Writes a value to a stream. */
    interface Out<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    /** Reads a value from a stream. */
    interface In<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** A codec that needs no config. */
    static <T> Codec<T> of(Out<T> writer, In<T> reader) {
        return new Codec<>() {
            @Override
            public void write(T value, DataOutputStream out) throws IOException {
                writer.write(out, value);
            }

            @Override
            public T read(DataInputStream in, PipelineConfig config) throws IOException {
                return reader.read(in);
            }
        };
    }

    /**
     * The same codec, its bytes deflated at the fastest level: for outputs that repeat themselves a
     * lot (Tribuo's dataset protobuf names every feature of every row), a fraction of the disk.
     */
    static <T> Codec<T> deflated(Codec<T> codec) {
        return new Codec<>() {
            @Override
            public void write(T value, DataOutputStream out) throws IOException {
                java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
                try {
                    java.util.zip.DeflaterOutputStream zipped = new java.util.zip.DeflaterOutputStream(
                            new java.io.FilterOutputStream(out) {
                                @Override
                                public void write(byte[] b, int off, int len) throws IOException {
                                    out.write(b, off, len);
                                }

                                @Override
                                public void close() throws IOException {
                                    flush(); // the caller closes the file
                                }
                            }, deflater, 1 << 16);
                    DataOutputStream data = new DataOutputStream(zipped);
                    codec.write(value, data);
                    data.flush();
                    zipped.finish();
                    zipped.flush();
                } finally {
                    deflater.end();
                }
            }

            @Override
            public T read(DataInputStream in, PipelineConfig config) throws IOException {
                java.util.zip.Inflater inflater = new java.util.zip.Inflater();
                try {
                    return codec.read(new DataInputStream(new java.io.BufferedInputStream(
                            new java.util.zip.InflaterInputStream(in, inflater, 1 << 16), 1 << 16)), config);
                } finally {
                    inflater.end();
                }
            }
        };
    }

    /**
     * A config (a tuned setting's), stored as its tree and parsed back by the running config's rules,
     * relative paths against the running config's file; a tree equal to the running one is that config.
     */
    static Codec<PipelineConfig> config() {
        return new Codec<>() {
            @Override
            public void write(PipelineConfig value, DataOutputStream out) throws IOException {
                writeJson(out, value.tree());
            }

            @Override
            public PipelineConfig read(DataInputStream in, PipelineConfig running) throws IOException {
                com.fasterxml.jackson.databind.node.ObjectNode tree = readJson(in, com.fasterxml.jackson.databind.node.ObjectNode.class);
                return tree.equals(running.tree()) ? running : running.parser().parse(tree, running.file());
            }
        };
    }

    static void writeJson(DataOutputStream out, Object value) throws IOException {
        writeBytes(out, JSON.writeValueAsBytes(value));
    }

    static <T> T readJson(DataInputStream in, Class<T> type) throws IOException {
        return JSON.readValue(readBytes(in), type);
    }

    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative length " + n);
        }
        return in.readNBytes(n);
    }
}
