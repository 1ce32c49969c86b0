package io.newsflow.extract.bench;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs readability4j 1.0.8 in its own class loader: it needs jsoup 1.11, which cannot share a class path with ours.
 */
public final class Readability4jRunner implements AutoCloseable {

    /** The jars readability4j needs, as Maven repository paths. */
    static final String[] JARS = {
        "net/dankito/readability4j/readability4j/1.0.8/readability4j-1.0.8.jar",
        "org/jsoup/jsoup/1.11.2/jsoup-1.11.2.jar",
        "org/jetbrains/kotlin/kotlin-stdlib/1.3.72/kotlin-stdlib-1.3.72.jar",
        "org/jetbrains/kotlin/kotlin-stdlib-common/1.3.72/kotlin-stdlib-common-1.3.72.jar",
        "org/jetbrains/annotations/13.0/annotations-13.0.jar",
        "org/slf4j/slf4j-api/1.7.25/slf4j-api-1.7.25.jar",
    };

    /** How to get the jars into the local repository. */
    public static final String HOW_TO_INSTALL =
            "mvn dependency:get -Dartifact=net.dankito.readability4j:readability4j:1.0.8";

    private final URLClassLoader loader;
    private final Constructor<?> constructor;
    private final Method parse;
    private final Method textContent;

    private Readability4jRunner(URLClassLoader loader) throws ReflectiveOperationException {
        this.loader = loader;
        Class<?> r4j = Class.forName("net.dankito.readability4j.Readability4J", true, loader);
        this.constructor = r4j.getConstructor(String.class, String.class);
        this.parse = r4j.getMethod("parse");
        this.textContent = Class.forName("net.dankito.readability4j.Article", true, loader).getMethod("getTextContent");
    }

    /**
     * Loads readability4j from {@code classPath} (jars separated by the path separator), or from the local Maven
     * repository when it is null; returns null when the jars are not there.
     */
    public static Readability4jRunner load(String classPath) throws ReflectiveOperationException {
        List<URL> urls = new ArrayList<>();
        try {
            if (classPath != null && !classPath.isBlank()) {
                for (String p : classPath.split(File.pathSeparator)) {
                    urls.add(Path.of(p).toUri().toURL());
                }
            } else {
                String repo = System.getProperty("maven.repo.local",
                        System.getProperty("user.home") + "/.m2/repository");
                for (String jar : JARS) {
                    Path p = Path.of(repo, jar);
                    if (!Files.isRegularFile(p)) {
                        return null;
                    }
                    urls.add(p.toUri().toURL());
                }
            }
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        // The platform loader as parent: readability4j sees the JDK, never our jsoup.
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return new Readability4jRunner(loader);
    }

    /** The article text readability4j finds in {@code html}, or "" when it finds none or fails. */
    public String text(String url, String html) {
        try {
            Object article = parse.invoke(constructor.newInstance(url, html));
            Object text = textContent.invoke(article);
            return text == null ? "" : text.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() throws java.io.IOException {
        loader.close();
    }
}
