package io.newsflow.enrich.entities;

import java.util.AbstractSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The lower-cased forms of a document's tokens, as {@link NameNormalizer#canonical} reads them, built on first use:
 * only a foreign name the dictionary lacks asks, so most articles never pay for a set of all their words. Not
 * thread-safe: one per document and thread.
 */
public final class DocumentForms extends AbstractSet<String> {

    private final List<Tokenizer.Token> tokens;
    private Set<String> forms;

    public DocumentForms(List<Tokenizer.Token> tokens) {
        this.tokens = tokens;
    }

    private Set<String> forms() {
        if (forms == null) {
            Set<String> s = new HashSet<>();
            for (Tokenizer.Token t : tokens) {
                s.add(t.text().toLowerCase(Locale.ROOT));
            }
            forms = s;
        }
        return forms;
    }

    @Override
    public boolean contains(Object o) {
        return forms().contains(o);
    }

    @Override
    public Iterator<String> iterator() {
        return java.util.Collections.unmodifiableSet(forms()).iterator();
    }

    @Override
    public int size() {
        return forms().size();
    }
}
