package io.newsflow.enrich.language;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newsflow.common.model.LanguageGuess;

/**
 * Language identification for news text, without a model download: the script decides most languages (Chinese,
 * Japanese, Korean, Arabic, Hebrew, Greek, Georgian, Armenian, Thai, Devanagari); within Cyrillic and Latin the
 * most frequent function words and the letters only one language uses decide. News text has plenty of function
 * words, so a few sentences are enough; the page's declared language breaks near ties. Thread-safe, allocation-light.
 *
 * <p>Confidence: the winner's share of the evidence, lowered for very short texts.
 */
public final class LanguageDetector {

    private static final Map<String, String> STOPWORDS = Map.ofEntries(
            Map.entry("ru", "и в не на что с по это как а из к о у за то от же для его но так был она он мы они "
                    + "было при бы уже ее их или были только все этом также который которые после быть того чем"),
            Map.entry("uk", "і в не на що з та це як а із до у за від же для його але так був вона він ми вони "
                    + "було при би вже її їх або були тільки все цьому також який які після бути того ніж є"),
            Map.entry("be", "і ў не на што з гэта як а да у за ад жа для яго але так быў яна ён мы яны было пры "
                    + "ужо яе іх або былі толькі усё таксама які якія пасля"),
            Map.entry("bg", "и в не на че с по това като а от към за да се са е му но така беше тя той ние те "
                    + "при вече или бяха само всички също който които след"),
            Map.entry("sr", "и у не на што са по то као а из за од да се је су његов али тако био она он ми "
                    + "они при већ или били само све такође који које после"),
            Map.entry("en", "the of and to in a is that for it as was with be by on not he this are or his from at "
                    + "which but have an they has had were their been its said will would who after also"),
            Map.entry("de", "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch "
                    + "es an werden aus er hat dass sie nach wird bei einer um am sind noch wie"),
            Map.entry("fr", "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se "
                    + "ce il sont avec son elle mais ont ou cette aux été"),
            Map.entry("es", "de la que el en y a los del se las por un para con no una su al es lo como más pero "
                    + "sus le ha me si sin sobre este ya entre cuando"),
            Map.entry("it", "di e il la che in a per un del non è della le si con una dei da sono al alla ha gli "
                    + "anche nel più come ma lo questo delle"),
            Map.entry("pt", "de a o que e do da em um para com não uma os no se na por mais as dos como mas ao "
                    + "ele das à seu sua ou quando muito nos já também"),
            Map.entry("nl", "de en van het een in is dat op te zijn met voor niet aan er die ook als om maar dan "
                    + "bij nog wordt door naar heeft was werd"),
            Map.entry("pl", "i w się na nie z do to że a o jak ale po co tak jest za od już przez dla był jego "
                    + "tylko może są jej oraz które który"),
            Map.entry("cs", "a v se na je že to s z do o jako ale po k by jsou tak pro od jeho byl už jak který "
                    + "které také nebo podle při"),
            Map.entry("sv", "och i att det som en på är av för med till den har de inte om ett han men var jag "
                    + "sig från vi så kan när"),
            Map.entry("tr", "ve bir bu da de için ile olarak çok daha en gibi ama olan sonra kadar ancak şu her "
                    + "ise mi değil oldu ya"));

    private final Map<String, Set<String>> words = new HashMap<>();
    private final Map<String, String> scriptOf = new HashMap<>();

    public LanguageDetector() {
        for (Map.Entry<String, String> e : STOPWORDS.entrySet()) {
            words.put(e.getKey(), new HashSet<>(List.of(e.getValue().split(" "))));
            scriptOf.put(e.getKey(), "Latin");
        }
        for (String l : List.of("ru", "uk", "be", "bg", "sr")) {
            scriptOf.put(l, "Cyrillic");
        }
        Map<String, java.util.TreeSet<String>> idx = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : words.entrySet()) {
            for (String w : e.getValue()) {
                idx.computeIfAbsent(w, k -> new java.util.TreeSet<>()).add(e.getKey());
            }
        }
        for (Map.Entry<String, java.util.TreeSet<String>> e : idx.entrySet()) {
            for (String script : List.of("Latin", "Cyrillic")) {
                String[] of = e.getValue().stream().filter(l -> scriptOf.get(l).equals(script)).toArray(String[]::new);
                if (of.length > 0) {
                    indexByScript.computeIfAbsent(script, k -> new HashMap<>()).put(e.getKey(), of);
                }
            }
        }
    }

    /**
     * Script → word → the languages of that script (sorted) whose function-word list has the word; words with none
     * left out. Per script, so detection does not filter a word's languages by script for every word it reads.
     */
    private final Map<String, Map<String, String[]>> indexByScript = new HashMap<>();

    /**
     * Detects the language of a text.
     *
     * @param hint the page's own declaration (e.g. "ru-RU"), or null
     */
    public LanguageGuess detect(String text, String hint) {
        String hintCode = hint == null || hint.isBlank() ? null
                : hint.toLowerCase(Locale.ROOT).split("[-_]")[0].trim();
        if (text == null || text.isBlank()) {
            return hintCode == null ? LanguageGuess.UNDETERMINED : new LanguageGuess(hintCode, 0.1);
        }
        int limit = Math.min(text.length(), 4_000);
        // letters per script, by the enum's ordinal (Basic Latin and the Cyrillic block without a table lookup)
        int[] scripts = new int[SCRIPTS.length];
        int letters = 0;
        int hiragana = 0;
        int hangul = 0;
        for (int i = 0; i < limit; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript s = cp < 0x80 ? Character.UnicodeScript.LATIN
                    : cp >= 0x400 && cp <= 0x4ff ? Character.UnicodeScript.CYRILLIC : Character.UnicodeScript.of(cp);
            scripts[s.ordinal()]++;
            if (s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA) {
                hiragana++;
            }
            if (s == Character.UnicodeScript.HANGUL) {
                hangul++;
            }
        }
        if (letters == 0) {
            return hintCode == null ? LanguageGuess.UNDETERMINED : new LanguageGuess(hintCode, 0.1);
        }
        Character.UnicodeScript top = null;
        int topCount = 0;
        // the most letters; a tie goes to the script first in the enum's order
        for (int k = 0; k < scripts.length; k++) {
            if (scripts[k] > topCount) {
                top = SCRIPTS[k];
                topCount = scripts[k];
            }
        }
        double share = (double) topCount / letters;
        String byScript = switch (top) {
            case HAN -> hiragana > letters / 20 ? "ja" : "zh";
            case HIRAGANA, KATAKANA -> "ja";
            case HANGUL -> "ko";
            case ARABIC -> "ar";
            case HEBREW -> "he";
            case GREEK -> "el";
            case GEORGIAN -> "ka";
            case ARMENIAN -> "hy";
            case THAI -> "th";
            case DEVANAGARI -> "hi";
            default -> null;
        };
        if (byScript != null) {
            if (top == Character.UnicodeScript.HAN && hangul > 0) {
                byScript = "ko";
            }
            return new LanguageGuess(byScript, round(Math.min(0.99, share)));
        }
        String script = top == Character.UnicodeScript.CYRILLIC ? "Cyrillic"
                : top == Character.UnicodeScript.LATIN ? "Latin" : null;
        if (script == null) {
            return hintCode == null ? LanguageGuess.UNDETERMINED : new LanguageGuess(hintCode, 0.2);
        }
        Map<String, Double> score = new HashMap<>();
        boolean cyrillic = script.equals("Cyrillic");
        Map<String, String[]> scriptIndex = indexByScript.getOrDefault(script, Map.of());
        int tokens = 0;
        int i = 0;
        String lower = text.substring(0, limit).toLowerCase(Locale.ROOT);
        while (i < lower.length()) {
            while (i < lower.length() && !Character.isLetter(lower.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < lower.length() && (Character.isLetter(lower.charAt(i)) || lower.charAt(i) == '\'')) {
                i++;
            }
            if (i == s) {
                break;
            }
            String w = lower.substring(s, i);
            tokens++;
            String[] langs = scriptIndex.get(w);
            if (langs != null) {
                for (String l : langs) {
                    score.merge(l, 1.0 / langs.length, Double::sum);
                }
            }
            // letters that only some languages use
            if (cyrillic && hasSpecialLetter(lower, s, i)) {
                if (w.indexOf('ы') >= 0 || w.indexOf('э') >= 0) {
                    score.merge("ru", 0.5, Double::sum);
                    score.merge("be", 0.3, Double::sum);
                }
                if (w.indexOf('ї') >= 0 || w.indexOf('є') >= 0 || w.indexOf('ґ') >= 0) {
                    score.merge("uk", 2.0, Double::sum);
                }
                if (w.indexOf('і') >= 0) {
                    score.merge("uk", 0.5, Double::sum);
                    score.merge("be", 0.5, Double::sum);
                }
                if (w.indexOf('ў') >= 0) {
                    score.merge("be", 2.0, Double::sum);
                }
                if (w.indexOf('ј') >= 0 || w.indexOf('љ') >= 0 || w.indexOf('њ') >= 0 || w.indexOf('ћ') >= 0
                        || w.indexOf('ђ') >= 0 || w.indexOf('џ') >= 0) {
                    score.merge("sr", 2.0, Double::sum);
                }
                if (w.indexOf('ъ') >= 0 && w.indexOf('ъ') < w.length() - 1) {
                    score.merge("bg", 0.7, Double::sum);
                }
            }
        }
        if (hintCode != null && score.containsKey(hintCode)) {
            score.merge(hintCode, 0.5, Double::sum);
        }
        String best = null;
        double bestScore = 0;
        double second = 0;
        for (String lang : new java.util.TreeSet<>(score.keySet())) {
            double v = score.get(lang);
            if (v > bestScore) {
                second = bestScore;
                best = lang;
                bestScore = v;
            } else if (v > second) {
                second = v;
            }
        }
        if (best == null) {
            if (hintCode != null) {
                return new LanguageGuess(hintCode, 0.3);
            }
            return script.equals("Cyrillic") ? new LanguageGuess("ru", 0.3) : LanguageGuess.UNDETERMINED;
        }
        // the margin over the runner-up, scaled down when there is little evidence (a short text)
        double margin = (bestScore - second) / bestScore;
        double evidence = Math.min(1.0, bestScore / 6.0);
        double confidence = Math.max(0.05, (0.3 + 0.7 * margin) * (0.4 + 0.6 * evidence));
        return new LanguageGuess(best, round(Math.min(0.99, confidence)));
    }

    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();

    /** Whether text[from, to) holds one of the letters the checks below look for (most words hold none). */
    private static boolean hasSpecialLetter(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            switch (text.charAt(i)) {
                case 'ы', 'э', 'ї', 'є', 'ґ', 'і', 'ў', 'ј', 'љ', 'њ', 'ћ', 'ђ', 'џ', 'ъ':
                    return true;
                default:
                    break;
            }
        }
        return false;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
