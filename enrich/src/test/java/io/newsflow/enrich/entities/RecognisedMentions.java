package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.List;

/** The shipped recogniser's mentions of a text as "TYPE text" strings, for readable assertions. */
final class RecognisedMentions {

    private RecognisedMentions() {
    }

    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        for (EntityRecognizer.Span s : EntityRecognizer.get().recognize(text)) {
            out.add(s.type() + " " + text.substring(s.start(), s.end()));
        }
        return out;
    }
}
