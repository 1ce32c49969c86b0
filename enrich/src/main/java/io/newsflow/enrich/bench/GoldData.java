package io.newsflow.enrich.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.Tokenizer;

/** Reads and writes the NER JSONL format of shared/bench/ner (code-point offsets, end exclusive). */
public final class GoldData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldData() {
    }

    public static List<NerScorer.Doc> read(Path path) throws IOException {
        List<NerScorer.Doc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            List<NerScorer.Span> spans = new ArrayList<>();
            JsonNode ents = n.get("entities");
            if (ents != null) {
                for (JsonNode e : ents) {
                    spans.add(new NerScorer.Span(e.get("start").asInt(), e.get("end").asInt(), e.get("type").asText()));
                }
            }
            docs.add(new NerScorer.Doc(n.get("id").asText(), n.get("text").asText(), spans));
        }
        return docs;
    }

    public static Map<String, NerScorer.Doc> byId(List<NerScorer.Doc> docs) {
        Map<String, NerScorer.Doc> m = new LinkedHashMap<>();
        for (NerScorer.Doc d : docs) {
            m.put(d.id(), d);
        }
        return m;
    }

    public static void write(Path path, List<NerScorer.Doc> docs) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            for (NerScorer.Doc d : docs) {
                ObjectNode o = JSON.createObjectNode();
                o.put("id", d.id());
                o.put("text", d.text());
                ArrayNode arr = o.putArray("entities");
                int[] cps = d.text().codePoints().toArray();
                for (NerScorer.Span s : d.spans()) {
                    ObjectNode e = arr.addObject();
                    e.put("start", s.start());
                    e.put("end", s.end());
                    e.put("type", s.type());
                    e.put("text", new String(cps, s.start(), s.end() - s.start()));
                }
                w.write(JSON.writeValueAsString(o));
                w.write('\n');
            }
        }
    }

    /** BIO label indices of the text's tokens from gold spans (code points). */
    public static int[] labels(NerScorer.Doc doc, List<Tokenizer.Token> tokens) {
        int[] cp = Tokenizer.codePointOffsets(doc.text());
        int[] out = new int[tokens.size()];
        for (NerScorer.Span s : doc.spans()) {
            int b = EntityRecognizer.begin(s.type());
            boolean first = true;
            for (int i = 0; i < tokens.size(); i++) {
                int ts = cp[tokens.get(i).start()];
                int te = cp[tokens.get(i).end()];
                if (ts >= s.start() && te <= s.end()) {
                    if (out[i] != 0) {
                        continue;
                    }
                    out[i] = first ? b : b + 1;
                    first = false;
                }
            }
        }
        return out;
    }

    /** Predicted spans as a document in code points. */
    public static NerScorer.Doc prediction(NerScorer.Doc gold, List<EntityRecognizer.Span> spans) {
        int[] cp = Tokenizer.codePointOffsets(gold.text());
        List<NerScorer.Span> out = new ArrayList<>();
        for (EntityRecognizer.Span s : spans) {
            out.add(new NerScorer.Span(cp[s.start()], cp[s.end()], s.type().name()));
        }
        return new NerScorer.Doc(gold.id(), gold.text(), out);
    }

    /** The document an id belongs to: factRuEval ids are documents, UNER sentence ids are doc-sentence. */
    public static String documentOf(String id) {
        int dash = id.indexOf('-');
        return dash > 0 ? id.substring(0, dash) : id;
    }
}
