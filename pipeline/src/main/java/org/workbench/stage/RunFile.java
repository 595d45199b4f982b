package org.workbench.stage;

/**
 * A file a stage made for the run folder ({@code model.bundle}, {@code tuned.yaml}): the stage hands
 * over its name and bytes and the run writes it, with the other files, into the run folder. A stage
 * that writes no file of its own stays free of the run folder, so its result can be stored in the
 * stage cache and restored by a later run like any other output.
 */
public record RunFile(String name, byte[] bytes) {
    public RunFile {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: '" + name + "'");
        }
    }

    /** The file's name and bytes, as they are. */
    public static final Codec<RunFile> CODEC = Codec.of((out, file) -> {
        out.writeUTF(file.name());
        Codec.writeBytes(out, file.bytes());
    }, in -> new RunFile(in.readUTF(), Codec.readBytes(in)));
}
