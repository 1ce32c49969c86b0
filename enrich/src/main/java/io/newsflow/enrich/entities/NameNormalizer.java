package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.newsflow.common.model.EntityType;

/**
 * The canonical (nominative) form of a mention: «Сергея Лаврова» → «Сергей Лавров», «Российской Федерации» →
 * «Российская Федерация», «Госдепартамента США» → «Госдепартамент США», «Блинкена» → «Блинкен» (a foreign surname
 * the dictionary lacks: its bare form seen elsewhere in the article, or the case ending the first name's case
 * implies). English: titles (Mr., Dr.) and possessives dropped. Thread-safe.
 */
public final class NameNormalizer {

    private static final List<String> CASES = List.of("Nom", "R", "2R", "D", "V", "T", "P", "2P", "Z");
    private static final String[] UNKNOWN_ENDINGS = {"ом", "ем", "ым", "им", "ой", "ою", "ей", "а", "я", "у", "ю", "е",
        "ы", "и"};
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "prof", "sen", "gov", "rep", "gen",
        "sir", "lord", "president", "г-н", "г-жа");

    private final Morphology morphology;

    public NameNormalizer(Morphology morphology) {
        this.morphology = morphology;
    }

    /** The case of the tag's first case field (2R as R, 2P as P), or null; reads the fields in place. */
    private static String caseOf(String tag) {
        int from = 0;
        int n = tag.length();
        while (from <= n) {
            int end = tag.indexOf(':', from);
            if (end < 0) {
                end = n;
            }
            for (String c : CASES) {
                if (c.length() == end - from && tag.startsWith(c, from)) {
                    return c.equals("2R") ? "R" : c.equals("2P") ? "P" : c;
                }
            }
            from = end + 1;
        }
        return null;
    }

    private static String genderOf(String tag) {
        if (tag.contains("Masc")) {
            return "Masc";
        }
        if (tag.contains("Fem")) {
            return "Fem";
        }
        if (tag.contains("Neut")) {
            return "Neut";
        }
        return null;
    }

    private static String toNom(String tag) {
        String[] parts = tag.split(":");
        for (int i = 0; i < parts.length; i++) {
            if (CASES.contains(parts[i])) {
                parts[i] = "Nom";
            }
        }
        return String.join(":", parts);
    }

    /** Writes the form with the casing of the original word (all caps, capitalised, or lower). */
    static String likeCase(String form, String original) {
        if (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))
                && !original.equals(original.toLowerCase(Locale.ROOT))) {
            return form.toUpperCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder(form.toLowerCase(Locale.ROOT));
        if (!original.isEmpty() && Character.isUpperCase(original.charAt(0)) && sb.length() > 0) {
            sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
            for (int i = 1; i < sb.length() - 1; i++) {
                int oi = i;
                if (sb.charAt(i) == '-' && oi + 1 < original.length() && original.charAt(oi) == '-'
                        && Character.isUpperCase(original.charAt(oi + 1))) {
                    sb.setCharAt(i + 1, Character.toUpperCase(sb.charAt(i + 1)));
                }
            }
        }
        return sb.toString();
    }

    private static boolean isConsonant(char c) {
        return "бвгджзклмнпрстфхцчшщ".indexOf(Character.toLowerCase(c)) >= 0;
    }

    /** A word the dictionary does not know: its bare form if the article has it, else what the case implies. */
    private static String unknownWord(String word, String caseTag, String gender, Set<String> docForms) {
        String lower = word.toLowerCase(Locale.ROOT);
        // МИДа, МИДом: capitals plus a lower-case ending
        int caps = 0;
        while (caps < word.length() && Character.isUpperCase(word.charAt(caps))) {
            caps++;
        }
        if (caps >= 2 && caps < word.length()) {
            return word.substring(0, caps);
        }
        for (String e : UNKNOWN_ENDINGS) {
            if (lower.length() > e.length() + 2 && lower.endsWith(e)) {
                String stem = lower.substring(0, lower.length() - e.length());
                if (docForms.contains(stem)) {
                    return word.substring(0, word.length() - e.length());
                }
                if (docForms.contains(stem + "а") && !e.equals("а")) {
                    return word.substring(0, word.length() - e.length()) + "а";
                }
            }
        }
        if (caseTag != null && !"Fem".equals(gender) && !caseTag.equals("Nom")) {
            String[] endings = switch (caseTag) {
                case "R", "V" -> new String[] {"а", "я"};
                case "D" -> new String[] {"у", "ю"};
                case "T" -> new String[] {"ом", "ем"};
                case "P" -> new String[] {"е"};
                default -> new String[0];
            };
            for (String e : endings) {
                if (lower.length() > e.length() + 2 && lower.endsWith(e)
                        && isConsonant(lower.charAt(lower.length() - e.length() - 1))) {
                    return word.substring(0, word.length() - e.length());
                }
            }
        }
        return word;
    }

    /**
     * The canonical name of a mention.
     *
     * @param text     the mention as written
     * @param type     its type
     * @param docForms lower-cased word forms of the whole article, for foreign names the dictionary lacks
     */
    public String canonical(String text, EntityType type, Set<String> docForms) {
        List<Tokenizer.Token> toks = new ArrayList<>(Tokenizer.tokenize(text));
        if (toks.isEmpty()) {
            return text.strip();
        }
        // possessives and titles
        int n = toks.size();
        if (n >= 2 && (toks.get(n - 1).text().equalsIgnoreCase("s")) && isApostrophe(toks.get(n - 2).text())) {
            toks = toks.subList(0, n - 2);
        } else if (n >= 1 && isApostrophe(toks.get(n - 1).text())) {
            toks = toks.subList(0, n - 1);
        }
        if (type == EntityType.PER) {
            while (toks.size() > 1 && TITLES.contains(toks.get(0).text().toLowerCase(Locale.ROOT))) {
                toks = toks.subList(toks.get(1).text().equals(".") && toks.size() > 2 ? 2 : 1, toks.size());
            }
        }
        if (toks.isEmpty()) {
            return text.strip();
        }
        String[] out = new String[toks.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toks.get(i).text();
        }
        boolean cyr = false;
        for (Tokenizer.Token t : toks) {
            if (Tokenizer.isRu(t.text().charAt(0))) {
                cyr = true;
            }
        }
        if (cyr) {
            if (type == EntityType.PER) {
                person(toks, out, docForms);
            } else {
                phrase(toks, out, docForms);
            }
        }
        StringBuilder sb = new StringBuilder();
        int base = toks.get(0).start();
        for (int i = 0; i < out.length; i++) {
            if (i > 0) {
                String gap = text.substring(toks.get(i - 1).end(), toks.get(i).start());
                sb.append(gap.isEmpty() ? "" : " ");
            }
            sb.append(out[i]);
        }
        return sb.toString().strip();
    }

    private static boolean isApostrophe(String s) {
        return s.equals("'") || s.equals("’");
    }

    private void person(List<Tokenizer.Token> toks, String[] out, Set<String> docForms) {
        int n = toks.size();
        Morphology.Analysis[] an = new Morphology.Analysis[n];
        int masc = 0;
        int fem = 0;
        for (int i = 0; i < n; i++) {
            String w = toks.get(i).text();
            if (!Tokenizer.isRu(w.charAt(0))) {
                continue;
            }
            an[i] = morphology.analyse(w);
            boolean m = false;
            boolean f = false;
            for (Morphology.Reading r : an[i].readings) {
                if (r.has("Name")) {
                    m |= r.has("Masc");
                    f |= r.has("Fem");
                }
            }
            if (m && !f) {
                masc += 2;
            } else if (f && !m) {
                fem += 2;
            }
        }
        if (masc == 0 && fem == 0) {
            for (int i = 0; i < n; i++) {
                if (an[i] == null) {
                    continue;
                }
                boolean m = false;
                boolean f = false;
                for (Morphology.Reading r : an[i].readings) {
                    if (r.has("Fam")) {
                        m |= r.has("Masc");
                        f |= r.has("Fem");
                    }
                }
                if (f && !m) {
                    fem++;
                }
            }
        }
        String gender = fem > masc ? "Fem" : "Masc";
        // the case shared by the name parts the dictionary knows
        List<String> common = null;
        for (int i = 0; i < n; i++) {
            if (an[i] == null) {
                continue;
            }
            List<String> cs = new ArrayList<>();
            for (Morphology.Reading r : an[i].readings) {
                if ((r.has("Name") || r.has("Fam") || r.has("Patr")) && gender.equals(genderOf(r.tag()))) {
                    String c = caseOf(r.tag());
                    if (c != null && !cs.contains(c)) {
                        cs.add(c);
                    }
                }
            }
            if (cs.isEmpty()) {
                continue;
            }
            if (common == null) {
                common = cs;
            } else {
                List<String> keep = new ArrayList<>(common);
                keep.retainAll(cs);
                if (!keep.isEmpty()) {
                    common = keep;
                }
            }
        }
        String caseTag = null;
        if (common != null) {
            for (String c : List.of("Nom", "R", "D", "T", "P", "V")) {
                if (common.contains(c)) {
                    caseTag = c;
                    break;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            String w = toks.get(i).text();
            if (an[i] == null || !Character.isLetter(w.charAt(0))) {
                continue;
            }
            Morphology.Reading best = null;
            for (Morphology.Reading r : an[i].readings) {
                if (!(r.has("Name") || r.has("Fam") || r.has("Patr"))) {
                    continue;
                }
                String g = genderOf(r.tag());
                if (g != null && !g.equals(gender)) {
                    continue;
                }
                String c = caseOf(r.tag());
                if (best == null || (caseTag != null && caseTag.equals(c))) {
                    best = r;
                    if (caseTag == null || caseTag.equals(c)) {
                        break;
                    }
                }
            }
            if (best == null && Character.isUpperCase(w.charAt(0))) {
                // surnames in -ский/-ой the dictionary knows only as adjectives (Жуковского)
                for (Morphology.Reading r : an[i].readings) {
                    if (r.tag().startsWith("ADJ") && !r.has("Short") && gender.equals(genderOf(r.tag()))
                            && (caseTag == null || caseTag.equals(caseOf(r.tag())))) {
                        best = r;
                        break;
                    }
                }
            }
            if (best != null) {
                String form = caseOf(best.tag()) == null ? null : Morphology.synthesize(best.lemma(), toNom(best.tag()));
                out[i] = likeCase(form != null ? form : best.lemma(), w);
            } else if (!Character.isUpperCase(w.charAt(0))) {
                continue;
            } else {
                String c = caseTag;
                if (c == null && masc > 0 && i > 0 && out.length > 1) {
                    // after a masculine first name the dictionary cannot decline (Энтони Блинкена)
                    String lw = w.toLowerCase(Locale.ROOT);
                    if (lw.endsWith("ом") || lw.endsWith("ем")) {
                        c = "T";
                    } else if (lw.endsWith("а") || lw.endsWith("я")) {
                        c = "R";
                    } else if (lw.endsWith("у") || lw.endsWith("ю")) {
                        c = "D";
                    } else if (lw.endsWith("е")) {
                        c = "P";
                    } else {
                        c = null;
                    }
                }
                out[i] = unknownWord(w, c, gender, docForms);
            }
        }
    }

    private static boolean isNoun(Morphology.Reading r) {
        return r.tag().startsWith("NN") && !r.has("Name") && !r.has("Patr");
    }

    private static boolean isAdj(Morphology.Reading r) {
        return (r.tag().startsWith("ADJ") && !r.has("Short")) || r.tag().startsWith("PT");
    }

    private void phrase(List<Tokenizer.Token> toks, String[] out, Set<String> docForms) {
        int n = toks.size();
        int head = -1;
        Morphology.Analysis[] an = new Morphology.Analysis[n];
        for (int i = 0; i < n; i++) {
            String w = toks.get(i).text();
            if (!Character.isLetter(w.charAt(0))) {
                break;
            }
            if (!Tokenizer.isRu(w.charAt(0))) {
                head = i;
                break;
            }
            an[i] = morphology.analyse(w);
            boolean noun = false;
            boolean adj = false;
            for (Morphology.Reading r : an[i].readings) {
                noun |= isNoun(r) || r.tag().startsWith("ABR");
                adj |= isAdj(r);
            }
            if (!an[i].known() || noun || !adj) {
                head = i;
                break;
            }
        }
        if (head < 0) {
            return;
        }
        String hw = toks.get(head).text();
        if (!Tokenizer.isRu(hw.charAt(0))) {
            return;
        }
        Morphology.Analysis ha = an[head];
        if (!ha.known()) {
            if (Character.isUpperCase(hw.charAt(0))) {
                out[head] = unknownWord(hw, null, null, docForms);
            }
            return;
        }
        // the head reading: a noun, preferring one whose case the adjectives before it share
        Morphology.Reading hr = null;
        for (Morphology.Reading r : ha.readings) {
            if (!isNoun(r)) {
                continue;
            }
            if (hr == null) {
                hr = r;
            }
            if (head > 0 && an[head - 1] != null) {
                boolean agree = false;
                for (Morphology.Reading ar : an[head - 1].readings) {
                    if (isAdj(ar) && caseOf(ar.tag()) != null && caseOf(ar.tag()).equals(caseOf(r.tag()))) {
                        agree = true;
                    }
                }
                if (agree) {
                    hr = r;
                    break;
                }
            } else if (head == 0 && "Nom".equals(caseOf(r.tag())) && r.tag().contains(":Sin")) {
                hr = r;
                break;
            }
        }
        if (hr == null) {
            return;
        }
        if (head == 0 && !("Nom".equals(caseOf(hr.tag())) && hr.tag().contains(":Sin"))) {
            // no adjective to agree with: a singular reading, if the noun has one (Министерства → Министерство)
            for (Morphology.Reading r : ha.readings) {
                if (isNoun(r) && r.tag().contains(":Sin")) {
                    hr = r;
                    break;
                }
            }
        }
        String hcase = caseOf(hr.tag());
        if (hcase != null && !hcase.equals("Nom")) {
            String form = Morphology.synthesize(hr.lemma(), toNom(hr.tag()));
            out[head] = likeCase(form != null ? form : hr.lemma(), hw);
        }
        String gender = genderOf(hr.tag());
        boolean plural = hr.tag().contains(":PL");
        for (int i = 0; i < head; i++) {
            String w = toks.get(i).text();
            Morphology.Reading best = null;
            for (Morphology.Reading r : an[i].readings) {
                if (!isAdj(r)) {
                    continue;
                }
                boolean pl = r.tag().contains(":PL");
                String g = genderOf(r.tag());
                if (pl == plural && (plural || g == null || g.equals(gender))
                        && (hcase == null || hcase.equals(caseOf(r.tag())))) {
                    best = r;
                    break;
                }
            }
            if (best != null && !"Nom".equals(caseOf(best.tag()))) {
                String form = Morphology.synthesize(best.lemma(), toNom(best.tag()));
                if (form != null) {
                    out[i] = likeCase(form, w);
                }
            }
        }
    }
}
