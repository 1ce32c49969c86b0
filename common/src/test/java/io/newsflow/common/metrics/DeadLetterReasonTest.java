package io.newsflow.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeadLetterReasonTest {

    @Test
    void aTypedRejectionGivesItsCode() {
        assertEquals("TOO_LARGE", DeadLetterReason.of("io.newsflow.extract.NotAnArticleException",
                "TOO_LARGE: the page is 20970463 bytes, over the limit of 8388608"));
        assertEquals("NO_ARTICLE", DeadLetterReason.of("io.newsflow.extract.NotAnArticleException", "NO_ARTICLE: a\nlong\nmessage"));
    }

    @Test
    void otherErrorsGiveTheirClassNotTheirMessage() {
        assertEquals("InvalidRecordException", DeadLetterReason.of("io.newsflow.common.codec.InvalidRecordException",
                "expected schema newsflow.article/1, got no schema field"));
        assertEquals("Inner", DeadLetterReason.of("a.b.Outer$Inner", "Weird: lower-case text before a colon"));
        assertEquals("IllegalStateException", DeadLetterReason.of("java.lang.IllegalStateException", null));
        assertEquals("unknown", DeadLetterReason.of(null, null));
    }
}
