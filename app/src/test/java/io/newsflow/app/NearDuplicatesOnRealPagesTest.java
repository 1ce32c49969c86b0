package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.newsflow.common.model.Article;
import io.newsflow.enrich.duplicates.FingerprintIndex;
import io.newsflow.enrich.duplicates.NearDuplicates;
import io.newsflow.enrich.duplicates.SimHash;

/**
 * A measurement, not a timed test: the real pages of {@code shared/bench/extraction*} are distinct articles, so
 * the near-duplicate rule should flag (about) none of them. Prints the pairs within the threshold and the
 * distribution of the smallest distances. Skips when the shared data is absent.
 */
class NearDuplicatesOnRealPagesTest {

    @Test
    void distinctRealArticlesAreNotNearDuplicates() throws Exception {
        String shared = System.getProperty("newsflow.shared");
        assumeTrue(shared != null, "newsflow.shared not set");
        List<Path> roots = new ArrayList<>();
        for (String set : List.of("extraction", "extraction-multi", "extraction-fundus")) {
            Path pages = Path.of(shared, "bench", set, "pages");
            if (Files.isDirectory(pages)) {
                roots.add(pages);
            }
        }
        assumeTrue(!roots.isEmpty(), "no shared/bench/extraction*/pages");
        List<String> ids = new ArrayList<>();
        List<Long> fingerprints = new ArrayList<>();
        int[] articles = new int[1];
        NearDuplicates rule = NearDuplicates.inMemory();
        List<String> flagged = new ArrayList<>();
        rule.beforeBatch();
        // Extraction messages of rejected pages go to stderr; they are not what this measures.
        int rejected = LocalPages.extract(roots, null, "http://localhost/pages/", null, (file, article) -> {
            articles[0]++;
            OptionalLong fp = SimHash.of(article.text());
            if (fp.isPresent()) {
                ids.add(file.getParent().getParent().getFileName() + "/" + file.getFileName());
                fingerprints.add(fp.getAsLong());
                String key = ids.get(ids.size() - 1);
                String duplicateOf = rule.check(key, article.text()).duplicateOf();
                if (duplicateOf != null) {
                    flagged.add(key + " -> " + duplicateOf);
                }
            }
        });
        rule.committed();
        int n = fingerprints.size();
        int threshold = FingerprintIndex.DEFAULT_THRESHOLD;
        int[] histogram = new int[65];
        List<String> near = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int d = SimHash.distance(fingerprints.get(i), fingerprints.get(j));
                histogram[d]++;
                if (d <= threshold + 4) {
                    near.add(d + " bits: " + ids.get(i) + " " + ids.get(j));
                }
            }
        }
        long pairs = (long) n * (n - 1) / 2;
        int within = 0;
        int minimum = 64;
        for (int d = 0; d <= 64; d++) {
            if (histogram[d] > 0) {
                minimum = Math.min(minimum, d);
            }
            if (d <= threshold) {
                within += histogram[d];
            }
        }
        StringBuilder low = new StringBuilder();
        for (int d = 0; d <= 20; d++) {
            low.append(d).append(':').append(histogram[d]).append(' ');
        }
        System.out.printf("near duplicates on real pages: %d articles (%d pages rejected), %d with a fingerprint "
                + "(>= %d words), %d pairs; %d pairs within %d bits, nearest pair %d bits; %d articles flagged "
                + "duplicateOf%n", articles[0], rejected, n, SimHash.MIN_WORDS, pairs, within, threshold, minimum,
                flagged.size());
        System.out.println("pairs by distance (0-20 bits): " + low);
        near.forEach(p -> System.out.println("  near pair: " + p));
        flagged.forEach(f -> System.out.println("  flagged: " + f));
        // Distinct articles; a handful of flags would mean the threshold is too loose for real text.
        assertTrue(within <= Math.max(2, n / 100), within + " of " + pairs + " pairs flagged");
    }
}
