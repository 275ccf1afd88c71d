package io.callcard.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of one of our stylesheets, read as plain text: each selector with its declarations, and for each selector
 * the element it styles (the selector without pseudo-classes) and the states it applies in (its pseudo-classes).
 * Enough CSS for the stylesheets of this repository (no at-rules, no strings holding braces), not a CSS parser.
 */
record StylesheetRules(String name, List<Rule> rules) {

    /** One selector of a rule, with the rule's declarations. */
    record Rule(String selector, String element, Set<String> states, Map<String, String> declarations) {

        /** The element's ancestors as written: {@code .a .b > .c} has {@code .a .b} and {@code .a}. */
        List<String> ancestors() {
            List<String> compounds = new ArrayList<>(Arrays.asList(element.split("\\s*>\\s*|\\s+")));
            List<String> out = new ArrayList<>();
            while (compounds.size() > 1) {
                compounds.remove(compounds.size() - 1);
                out.add(String.join(" ", compounds));
            }
            return out;
        }
    }

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern PSEUDO = Pattern.compile(":([a-z-]+)");

    static StylesheetRules read(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(StylesheetRules.class.getResourceAsStream(resource), resource)) {
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
            List<Rule> rules = new ArrayList<>();
            Matcher m = RULE.matcher(css);
            while (m.find()) {
                Map<String, String> declarations = new LinkedHashMap<>();
                for (String declaration : m.group(2).split(";")) {
                    int colon = declaration.indexOf(':');
                    if (colon > 0) {
                        declarations.put(declaration.substring(0, colon).strip(),
                                declaration.substring(colon + 1).strip());
                    }
                }
                for (String selector : m.group(1).split(",")) {
                    String s = selector.strip().replaceAll("\\s+", " ");
                    Set<String> states = new TreeSet<>();
                    Matcher p = PSEUDO.matcher(s);
                    while (p.find()) {
                        states.add(p.group(1));
                    }
                    String element = PSEUDO.matcher(s).replaceAll("").replaceAll("\\s*>\\s*", " > ");
                    rules.add(new Rule(s, element, states, declarations));
                }
            }
            return new StylesheetRules(resource, rules);
        }
    }

    /** The first rule with exactly this selector. */
    Rule rule(String selector) {
        return rules.stream().filter(r -> r.selector().equals(selector)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no rule " + selector));
    }
}
