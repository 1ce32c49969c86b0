package io.newsflow.common.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Newsflow code version, as written into the {@code newsflow.version} header, and the commit it was built from. */
public final class Version {

    private static final String VERSION = detect();
    private static final String COMMIT = commitOfBuild();

    private Version() {
    }

    public static String current() {
        return VERSION;
    }

    /**
     * The git commit the classes were built from (12 hex digits), or "unknown" when the build had no git. Not part
     * of any record: two builds of one version give the same bytes whatever their commits.
     */
    public static String commit() {
        return COMMIT;
    }

    private static String detect() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "dev";
    }

    private static String commitOfBuild() {
        try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties build = new Properties();
            build.load(in);
            String commit = build.getProperty("commit", "").strip();
            // An unfiltered resource (a build outside Maven) still holds the placeholder.
            return commit.isEmpty() || commit.startsWith("${") ? "unknown" : commit;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
