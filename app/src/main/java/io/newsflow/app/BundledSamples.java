package io.newsflow.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/** The sample pages bundled under {@code samples/} on the class path (in the jar, or a directory in tests). */
public final class BundledSamples {

    private BundledSamples() {
    }

    /** Copies them into {@code target} and returns it. */
    public static Path copyTo(Path target) throws IOException {
        URL url = BundledSamples.class.getClassLoader().getResource("samples");
        if (url == null) {
            throw new IOException("no bundled samples on the class path; give page paths instead");
        }
        Files.createDirectories(target);
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(jar.getPath("/samples"), target);
                }
            } else {
                copyTree(Path.of(uri), target);
            }
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the bundled samples at " + url, e);
        }
        return target;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path dest = to.resolve(from.relativize(file).toString());
                Files.createDirectories(dest.getParent());
                try (InputStream in = Files.newInputStream(file)) {
                    Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
