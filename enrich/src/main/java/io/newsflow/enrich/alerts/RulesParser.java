package io.newsflow.enrich.alerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.newsflow.common.model.EntityType;

/**
 * Reads a rules file (YAML, or JSON when the name ends in {@code .json}) into a {@link RuleSet}, checking
 * everything first: a broken file is rejected as a whole with a {@link RulesException} whose message names every
 * broken rule (its id, or its position when it has none), where in the rule, and what is wrong.
 *
 * <p>The grammar is documented in {@code docs/alerts.md}.
 */
public final class RulesParser {

    static final Set<String> RULE_KEYS = Set.of("id", "name", "when", "description");
    static final List<String> OPERATORS = List.of("all", "any", "not", "entity", "word", "phrase", "tag", "section",
            "language", "site", "url");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private static final ObjectMapper YAML = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private final List<String> problems = new ArrayList<>();
    private String where;

    private RulesParser() {
    }

    /** Reads and checks a rules file. */
    public static RuleSet parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RulesException("rules file " + file, List.of("cannot read it: " + e));
        }
        return parse(bytes, file.toString());
    }

    /** Reads and checks rules; {@code source} names them in messages and picks JSON when it ends in .json. */
    public static RuleSet parse(byte[] content, String source) {
        return new RuleSet(parseRules(content, source));
    }

    /** The rules of a file, checked, without building the index. */
    public static List<Rule> parseRules(byte[] content, String source) {
        String label = "rules file " + source;
        if (content.length == 0 || new String(content, StandardCharsets.UTF_8).isBlank()) {
            throw new RulesException(label, List.of("the file is empty (write `rules: []` for no rules)"));
        }
        JsonNode root;
        boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
        try {
            root = (json ? JSON : YAML).readTree(content);
        } catch (JacksonException e) {
            String location = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new RulesException(label, List.of("not valid " + (json ? "JSON" : "YAML") + location + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("")));
        } catch (IOException e) {
            throw new RulesException(label, List.of("cannot read it: " + e));
        }
        RulesParser parser = new RulesParser();
        List<Rule> rules = parser.rules(root);
        if (!parser.problems.isEmpty()) {
            throw new RulesException(label, parser.problems);
        }
        return rules;
    }

    private List<Rule> rules(JsonNode root) {
        JsonNode list = root;
        if (root != null && root.isObject()) {
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("rules")) {
                    problems.add("unknown top-level key '" + key + "' (expected 'rules')");
                }
            }
            list = root.get("rules");
            if (list == null) {
                problems.add("no 'rules' list");
                return List.of();
            }
        }
        if (list == null || !list.isArray()) {
            problems.add("expected a list of rules under 'rules', got " + kind(list));
            return List.of();
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int position = 0;
        for (JsonNode node : list) {
            position++;
            Rule rule = rule(node, position);
            JsonNode idNode = node == null ? null : node.get("id");
            String id = idNode != null && idNode.isValueNode() ? idNode.asText().strip() : "";
            Integer before = id.isEmpty() ? null : seen.putIfAbsent(id, position);
            if (before != null) {
                problems.add("rule '" + id + "' (#" + position + "): duplicate id, rule #" + before + " has it too");
            } else if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private Rule rule(JsonNode node, int position) {
        JsonNode idNode = node == null ? null : node.get("id");
        String id = idNode != null && idNode.isValueNode() ? idNode.asText().strip() : null;
        where = "rule " + (id == null || id.isEmpty() ? "#" + position : "'" + id + "' (#" + position + ")");
        if (node == null || !node.isObject()) {
            problem("", "expected a mapping with id, name and when, got " + kind(node));
            return null;
        }
        int before = problems.size();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!RULE_KEYS.contains(key)) {
                problem("", "unknown key '" + key + "'" + (OPERATORS.contains(key)
                        ? " (conditions go under 'when')" : " (expected id, name, when)"));
            }
        }
        if (id == null || id.isEmpty()) {
            problem("", "no id");
        } else if (!ID.matcher(id).matches()) {
            problem("id", "'" + id + "' is not a valid id: use letters, digits, '.', '_', ':' and '-' (no spaces),"
                    + " at most 200 characters");
        }
        JsonNode nameNode = node.get("name");
        if (nameNode != null && !nameNode.isNull() && !nameNode.isValueNode()) {
            problem("name", "expected text, got " + kind(nameNode));
        }
        JsonNode when = node.get("when");
        Condition condition = null;
        if (when == null || when.isNull()) {
            problem("", "no 'when' condition");
        } else {
            condition = condition(when, "when");
        }
        if (problems.size() > before || condition == null) {
            return null;
        }
        String name = nameNode == null || nameNode.isNull() ? null : nameNode.asText().strip();
        return new Rule(id, name, condition, position);
    }

    private Condition condition(JsonNode node, String path) {
        if (node.isArray()) {
            // A list where one condition is expected: all of them.
            return new Condition.All(children(node, path, "all"));
        }
        if (!node.isObject()) {
            problem(path, "expected a condition (a mapping such as `entity: Сергей Лавров`), got " + kind(node));
            return null;
        }
        List<String> operators = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (OPERATORS.contains(key)) {
                operators.add(key);
            } else if (!key.equals("type") && !key.equals("min")) {
                problem(path, "unknown condition '" + key + "' (expected one of " + String.join(", ", OPERATORS)
                        + suggestion(key) + ")");
                return null;
            }
        }
        if (operators.isEmpty()) {
            problem(path, "no condition: expected one of " + String.join(", ", OPERATORS));
            return null;
        }
        if (operators.size() > 1) {
            problem(path, "one condition per item, found " + String.join(" and ", operators)
                    + "; combine them with all: or any:");
            return null;
        }
        String op = operators.get(0);
        String at = path + "." + op;
        JsonNode value = node.get(op);
        JsonNode type = node.get("type");
        JsonNode min = node.get("min");
        if (type != null && !op.equals("entity")) {
            problem(path, "'type' applies to entity only");
            return null;
        }
        if (min != null && !(op.equals("entity") || op.equals("word") || op.equals("phrase"))) {
            problem(path, "'min' applies to entity, word and phrase only");
            return null;
        }
        switch (op) {
            case "all":
            case "any": {
                if (!value.isArray()) {
                    problem(at, "expected a list of conditions, got " + kind(value));
                    return null;
                }
                if (value.isEmpty()) {
                    problem(at, "the list is empty");
                    return null;
                }
                List<Condition> children = children(value, at, op);
                return op.equals("all") ? new Condition.All(children) : new Condition.Any(children);
            }
            case "not": {
                Condition child = condition(value, at);
                return child == null ? null : new Condition.Not(child);
            }
            default:
                break;
        }
        // A term; a list of values means any of them.
        if (value.isArray()) {
            if (value.isEmpty()) {
                problem(at, "the list is empty");
                return null;
            }
            List<Condition> terms = new ArrayList<>();
            int i = 0;
            for (JsonNode item : value) {
                Condition term = term(op, item, type, min, at + "[" + i++ + "]");
                if (term != null) {
                    terms.add(term);
                }
            }
            return terms.size() == 1 ? terms.get(0) : new Condition.Any(terms);
        }
        return term(op, value, type, min, at);
    }

    private List<Condition> children(JsonNode list, String path, String op) {
        List<Condition> children = new ArrayList<>();
        int i = 0;
        for (JsonNode item : list) {
            Condition child = condition(item, path + "[" + i++ + "]");
            if (child != null) {
                children.add(child);
            }
        }
        return children;
    }

    private Condition term(String op, JsonNode value, JsonNode typeNode, JsonNode minNode, String at) {
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            problem(at, "expected " + (op.equals("language") ? "a language code" : "text") + ", got "
                    + (value != null && value.isValueNode() ? "nothing" : kind(value)));
            return null;
        }
        String text = value.asText().strip();
        int min = 1;
        if (minNode != null) {
            if (!minNode.isIntegralNumber() || minNode.asInt() < 1 || minNode.asInt() > 10_000) {
                problem(at, "'min' must be a whole number from 1 to 10000, got " + minNode);
                return null;
            }
            min = minNode.asInt();
        }
        switch (op) {
            case "entity": {
                EntityType type = null;
                if (typeNode != null) {
                    try {
                        type = EntityType.valueOf(typeNode.asText().strip().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        problem(at, "unknown entity type '" + typeNode.asText() + "' (expected PER, ORG or LOC)");
                        return null;
                    }
                }
                if (Words.normName(text).isEmpty()) {
                    problem(at, "'" + text + "' has no letters or digits");
                    return null;
                }
                return new Condition.EntityTerm(text, type, min);
            }
            case "word":
            case "phrase":
                if (Words.of(text).isEmpty()) {
                    problem(at, "'" + text + "' has no letters or digits");
                    return null;
                }
                return new Condition.TextTerm(text, op.equals("phrase") || Words.of(text).size() > 1, min);
            case "tag":
                return new Condition.TagTerm(text);
            case "section":
                return new Condition.SectionTerm(text);
            case "language": {
                String code = text.toLowerCase(Locale.ROOT);
                if (!LANGUAGE.matcher(code).matches()) {
                    problem(at, "'" + text + "' is not a language code (ISO 639-1, e.g. ru, en)");
                    return null;
                }
                return new Condition.LanguageTerm(code);
            }
            case "site": {
                String host = text.toLowerCase(Locale.ROOT);
                host = host.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
                int slash = host.indexOf('/');
                if (slash >= 0) {
                    host = host.substring(0, slash);
                }
                if (!HOST.matcher(host).matches()) {
                    problem(at, "'" + text + "' is not a host name (e.g. rbc.ru); use url: for URL patterns");
                    return null;
                }
                return new Condition.SiteTerm(host);
            }
            case "url":
                return new Condition.UrlTerm(text, glob(text));
            default:
                throw new IllegalStateException(op);
        }
    }

    /** A glob as a regex: {@code *} any run of characters, {@code ?} one character, the rest literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    private void problem(String path, String message) {
        problems.add(where + (path.isEmpty() ? "" : ", " + path) + ": " + message);
    }

    private static String suggestion(String key) {
        String best = null;
        int bestDistance = 3;
        for (String op : OPERATORS) {
            int d = distance(key.toLowerCase(Locale.ROOT), op);
            if (d < bestDistance) {
                bestDistance = d;
                best = op;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1),
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return "'" + node.asText() + "'";
    }
}
