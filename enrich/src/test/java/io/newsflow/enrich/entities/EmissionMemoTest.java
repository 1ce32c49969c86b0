package io.newsflow.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The memoised emission sums are the sums over every token's hashed features, so the labels are the same. */
class EmissionMemoTest {

    private static final String EN = "Shares of Acme Widgets Inc. rose 6 percent on Friday, and the U.S. Federal "
            + "Reserve said it would hold rates. \"We are watching,\" said Jerome Powell in Washington.\n\n"
            + "FRANKFURT (Reuters) - Deutsche Bank's chief executive, Christian Sewing, told analysts at Morgan "
            + "Stanley that the bank would cut 1,200 jobs in Germany. Sewing said: «Costs must fall».\n"
            + "Still, shares of Deutsche Bank fell; Acme, which makes valves, rose again.";
    private static final String RU = "Министр иностранных дел России Сергей Лавров встретился в Москве с госсекретарём "
            + "США Энтони Блинкеном. Как сообщает РИА «Новости», Лавров и Блинкен обсудили ситуацию в Сирии.\n"
            + "«Мы готовы к диалогу», — заявил Лавров. Газета «Северная правда» пишет, что ГУ МЧС России по "
            + "Санкт-Петербургу проверило здание Федерального авиационного управления.";
    private static final String DE = "Die Bundesärztekammer in Berlin teilte am Montag mit, dass Siemens AG und die "
            + "Deutsche Bahn in Bremen eine neue Brücke über die Weser bauen. Angela Merkel sagte dazu nichts.";

    /** The texts to check: the ones above, and when ../shared is here, the DEV articles and the NER gold texts. */
    private static List<String[]> texts() throws IOException {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {EN, "en"});
        out.add(new String[] {RU, "ru"});
        out.add(new String[] {DE, "de"});
        out.add(new String[] {"Tarifa de Cultura en el Ayuntamiento de Madrid, dijo Pedro Sánchez.", "es"});
        out.add(new String[] {"Det danske Folketing i København vedtog loven, sagde Mette Frederiksen.", "da"});
        ObjectMapper json = new ObjectMapper();
        String shared = System.getProperty("newsflow.shared");
        for (String[] f : new String[][] {{"extraction/gold.jsonl", "articleBody", "en"},
                {"ner/uner-en-dev.jsonl", "text", "en"}, {"ner/factru-dev.jsonl", "text", "ru"}}) {
            Path p = shared == null ? null : Path.of(shared, "bench", f[0]);
            if (p != null && Files.isRegularFile(p)) {
                int k = 0;
                for (String line : Files.readAllLines(p)) {
                    if (k++ < 150) {
                        out.add(new String[] {json.readTree(line).get(f[1]).asText(), f[2]});
                    }
                }
            }
        }
        return out;
    }

    /** The sums PerceptronTagger.emissions adds up: every feature of {@link Features#extract}, looked up. */
    private static int[] uncached(EntityRecognizer.Model m, String text, List<Tokenizer.Token> tokens) {
        long[][] feats = m.features().extract(text, tokens);
        int[] sums = new int[feats.length * PerceptronTagger.L];
        for (int i = 0; i < feats.length; i++) {
            for (long f : feats[i]) {
                m.first().addWeights(f, sums, i * PerceptronTagger.L);
            }
        }
        return sums;
    }

    @Test
    void memoisedSumsEqualTheSumsOverAllFeaturesOnRealText() throws IOException {
        EntityRecognizer r = EntityRecognizer.get();
        int checked = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass fills the memos, the second reads them
            for (String[] t : texts()) {
                EntityRecognizer.Model m = r.modelFor(t[0], t[1]);
                assertTrue(m.memo() != null, "a shipped model is memoised");
                List<Tokenizer.Token> tokens = Tokenizer.tokenize(t[0]);
                int[] gaz = new int[tokens.size()];
                int[] memoised = m.features().emissionSums(t[0], tokens, gaz, null, null, m.memo());
                assertArrayEquals(uncached(m, t[0], tokens), memoised, t[0]);
                checked += tokens.size();
            }
        }
        assertTrue(checked > 1000, "checked " + checked + " tokens");
    }

    @Test
    void labelsAreTheSameWithAndWithoutTheMemo() throws IOException {
        EntityRecognizer r = EntityRecognizer.get();
        for (String[] t : texts()) {
            EntityRecognizer.Model m = r.modelFor(t[0], t[1]);
            EntityRecognizer.Model plain = new EntityRecognizer.Model(m.first(), m.second(), m.features(), m.rules(),
                    m.outsidePenalty());
            List<Tokenizer.Token> tokens = Tokenizer.tokenize(t[0]);
            assertArrayEquals(EntityRecognizer.label(plain, t[0], tokens), EntityRecognizer.label(m, t[0], tokens),
                    t[0]);
        }
    }

    @Test
    void aWordIsComputedOnceAndThenRead() {
        EntityRecognizer.Model m = EntityRecognizer.get().modelFor(EN, "en");
        EmissionMemo memo = new EmissionMemo(m.first(), m.features());
        Features.Word first = memo.get("Washington");
        assertSame(first, memo.get(new String("Washington".toCharArray())));
        assertTrue(first.title && first.lower.equals("washington") && first.sums != null);
    }

    @Test
    void aMemoOfAnotherModelIsRefused() {
        EntityRecognizer r = EntityRecognizer.get();
        EntityRecognizer.Model en = r.modelFor(EN, "en");
        EntityRecognizer.Model ru = r.modelFor(RU, "ru");
        assertThrows(IllegalArgumentException.class, () -> new EntityRecognizer.Model(ru.first(), null,
                ru.features(), ru.rules(), 0f, en.memo()));
    }
}
