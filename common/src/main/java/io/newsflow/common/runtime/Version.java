package io.newsflow.common.runtime;

/** The Newsflow code version, as written into the {@code newsflow.version} header. */
public final class Version {

    private static final String VERSION = detect();

    private Version() {
    }

    public static String current() {
        return VERSION;
    }

    private static String detect() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "dev";
    }
}
