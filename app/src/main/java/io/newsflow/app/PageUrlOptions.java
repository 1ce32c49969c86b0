package io.newsflow.app;

import picocli.CommandLine.Option;

/** How local page files get their URL: the page's own canonical link or og:url, {@code --url}, or {@code --base-url}. */
final class PageUrlOptions {

    @Option(names = "--url", description = "The page URL (only with a single file); default: the page's "
            + "canonical link or og:url, else --base-url plus the file name.")
    String url;

    @Option(names = "--base-url", defaultValue = "http://localhost/pages/",
            description = "URL prefix for pages that declare no URL (default: ${DEFAULT-VALUE}).")
    String baseUrl;
}
