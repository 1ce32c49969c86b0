package io.newsflow.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the fixture pages in the repository's {@code samples/} directory. */
public final class Samples {

    private Samples() {
    }

    /** The directory, found relative to the module (Maven's working directory) or the repository root. */
    public static Path dir() {
        Path fromModule = Path.of("..", "samples");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("samples");
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
