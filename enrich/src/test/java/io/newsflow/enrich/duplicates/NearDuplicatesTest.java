package io.newsflow.enrich.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The duplicate rule over an in-memory index: first seen wins, never itself, batches commit or abort. */
class NearDuplicatesTest {

    static final String STORY = SimHashTest.fixture("ru-metro.txt");
    static final String COPY = SimHashTest.withOtherBoilerplate(STORY, true);
    static final String OTHER = SimHashTest.fixture("ru-metro-other.txt");

    @Test
    void theFirstSeenIsTheOriginalAndReSendingItDoesNotMakeItItsOwnDuplicate() {
        NearDuplicates d = NearDuplicates.inMemory();
        d.beforeBatch();
        NearDuplicates.Result a = d.check("a", STORY);
        assertNull(a.duplicateOf());
        assertNotNull(a.newFingerprint());
        NearDuplicates.Result b = d.check("b", COPY);
        assertEquals("a", b.duplicateOf(), "a duplicate of an article of the same batch");
        assertNull(d.check("c", OTHER).duplicateOf());
        d.committed();
        assertEquals(3, d.index().size());

        d.beforeBatch();
        NearDuplicates.Result again = d.check("a", STORY);
        assertNull(again.duplicateOf(), "a is not a duplicate of b, which came later, nor of itself");
        assertNull(again.newFingerprint(), "a is indexed once");
        NearDuplicates.Result bAgain = d.check("b", STORY);
        assertEquals("a", bAgain.duplicateOf());
        assertNull(bAgain.newFingerprint());
        assertNull(d.check("short", "Пожар потушен.").newFingerprint(), "short texts are not indexed");
        d.committed();
        assertEquals(3, d.index().size());
    }

    @Test
    void theCopyFetchedFirstIsTheOriginalWhicheverIsCheckedFirst() {
        // The original (fetched at 1,000) arrives after its copy (fetched at 2,000), as when they sit on two partitions.
        NearDuplicates d = NearDuplicates.inMemory();
        d.beforeBatch();
        assertNull(d.check("z-copy", 2_000, COPY).duplicateOf(), "nothing earlier is known yet");
        assertNull(d.check("a-original", 1_000, STORY).duplicateOf(), "the original never points to a later copy");
        d.committed();
        d.beforeBatch();
        assertEquals("a-original", d.check("z-copy", 2_000, COPY).duplicateOf(), "read again, the copy names it");
        assertNull(d.check("a-original", 1_000, STORY).duplicateOf());
        d.committed();
    }

    @Test
    void anAbortedBatchLeavesNothingAndItsReplayGivesTheSameAnswers() {
        NearDuplicates d = NearDuplicates.inMemory();
        d.beforeBatch();
        assertNull(d.check("a", STORY).duplicateOf());
        assertEquals("a", d.check("b", COPY).duplicateOf());
        d.aborted();
        assertEquals(0, d.index().size());
        d.beforeBatch();
        assertEquals(List.of(), d.pendingIds());
        assertNull(d.check("a", STORY).duplicateOf());
        assertEquals("a", d.check("b", COPY).duplicateOf());
        d.committed();
        assertEquals(2, d.index().size());
    }

    @Test
    void readBackOrdersReplaceProvisionalOnesAndAReplayAgreesWithTheLiveRun() {
        // Live: a, c, b (b copies a) commit; their records land at offsets 10, 11, 12.
        NearDuplicates live = NearDuplicates.inMemory();
        live.beforeBatch();
        List<String> answers = List.of(String.valueOf(live.check("a", STORY).duplicateOf()),
                String.valueOf(live.check("c", OTHER).duplicateOf()), String.valueOf(live.check("b", COPY).duplicateOf()));
        live.committed();
        assertTrue(live.index().orderOf("a") >= FingerprintIndex.PROVISIONAL);
        live.index().add("a", SimHash.of(STORY).getAsLong(), 10);
        assertEquals(10, live.index().orderOf("a"));

        // Replay: the index read from the topic, then the same articles in another order.
        FingerprintIndex index = new FingerprintIndex();
        index.add("a", SimHash.of(STORY).getAsLong(), 10);
        index.add("c", SimHash.of(OTHER).getAsLong(), 11);
        index.add("b", SimHash.of(COPY).getAsLong(), 12);
        NearDuplicates replay = new NearDuplicates(FingerprintStore.inMemory(index));
        replay.beforeBatch();
        String b = String.valueOf(replay.check("b", COPY).duplicateOf());
        String c = String.valueOf(replay.check("c", OTHER).duplicateOf());
        String a = String.valueOf(replay.check("a", STORY).duplicateOf());
        assertEquals(answers, List.of(a, c, b));
        assertEquals(List.of("null", "null", "a"), answers);
    }
}
