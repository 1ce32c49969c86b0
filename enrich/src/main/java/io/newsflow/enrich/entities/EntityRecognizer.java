package io.newsflow.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.newsflow.common.model.EntityType;

/**
 * Finds PER, LOC and ORG mentions in a text: razdel tokens, {@link Features}, and a {@link PerceptronTagger}
 * trained by {@code io.newsflow.enrich.bench.NerTrain} — one model for Cyrillic texts (trained on factRuEval-2016
 * dev) and one for the rest (trained on UNER English PUD dev). Then a few rules fix what the models leave: quotes
 * and possessives stay outside mentions. Thread-safe; models load once.
 */
public final class EntityRecognizer {

    /** A mention found in the text: UTF-16 offsets, end exclusive. */
    public record Span(int start, int end, EntityType type) {
    }

    public static final String RU_MODEL = "ner-ru.bin";
    public static final String EN_MODEL = "ner-en.bin";

    private final Features features;
    private final PerceptronTagger ru;
    private final PerceptronTagger en;

    public EntityRecognizer(Features features, PerceptronTagger ru, PerceptronTagger en) {
        this.features = features;
        this.ru = ru;
        this.en = en;
    }

    private static final class Holder {
        static final EntityRecognizer INSTANCE = new EntityRecognizer(
                new Features(Morphology.russian(), Gazetteer.get()), model(RU_MODEL), model(EN_MODEL));
    }

    /** The shared recogniser with the models shipped in this jar. */
    public static EntityRecognizer get() {
        return Holder.INSTANCE;
    }

    static PerceptronTagger model(String resource) {
        try (InputStream in = EntityRecognizer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing NER model " + resource);
            }
            return PerceptronTagger.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Features features() {
        return features;
    }

    /** True when most letters of the text are Cyrillic. */
    public static boolean mostlyCyrillic(String text) {
        int cyr = 0;
        int lat = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x400 && c <= 0x4ff) {
                cyr++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                lat++;
            }
        }
        return cyr >= lat;
    }

    /** The mentions in the text, in order, not overlapping. */
    public List<Span> recognize(String text) {
        return recognize(text, Tokenizer.tokenize(text));
    }

    public List<Span> recognize(String text, List<Tokenizer.Token> tokens) {
        PerceptronTagger model = mostlyCyrillic(text) ? ru : en;
        long[][] feats = features.extract(text, tokens);
        int[] labels = model.decode(feats);
        return spans(tokens, labels);
    }

    /** Turns BIO labels into spans, trimming quotes and possessive endings off the edges. */
    public static List<Span> spans(List<Tokenizer.Token> tokens, int[] labels) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < labels.length) {
            int y = labels[i];
            if (y == 0) {
                i++;
                continue;
            }
            int type = (y - 1) / 2;
            int j = i + 1;
            while (j < labels.length && labels[j] == 2 + type * 2) {
                j++;
            }
            int a = i;
            int b = j;
            while (a < b && isTrim(tokens.get(a).text())) {
                a++;
            }
            while (b > a && (isTrim(tokens.get(b - 1).text()))) {
                b--;
            }
            if (a < b) {
                out.add(new Span(tokens.get(a).start(), tokens.get(b - 1).end(), EntityType.values()[typeIndex(type)]));
            }
            i = j;
        }
        return out;
    }

    private static int typeIndex(int bioType) {
        // BIO order PER, LOC, ORG; EntityType order PER, ORG, LOC
        return switch (bioType) {
            case 0 -> EntityType.PER.ordinal();
            case 1 -> EntityType.LOC.ordinal();
            default -> EntityType.ORG.ordinal();
        };
    }

    private static boolean isTrim(String t) {
        return t.equals("«") || t.equals("»") || t.equals("\"") || t.equals("“") || t.equals("”") || t.equals("„")
                || t.equals("'") || t.equals(",") || t.equals(".") && false;
    }

    /** BIO label index of a type name (PER, LOC, ORG), for B; I is one more. */
    public static int begin(String type) {
        return switch (type) {
            case "PER" -> 1;
            case "LOC" -> 3;
            case "ORG" -> 5;
            default -> throw new IllegalArgumentException(type);
        };
    }
}
