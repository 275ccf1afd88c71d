package io.callcard.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.ui.Palette;
import io.callcard.ui.callcard.CallCardView;
import io.callcard.ui.history.TodayCallsView;
import io.callcard.ui.settings.SettingsView;
import io.callcard.ui.shell.ShellView;
import io.callcard.ui.theme.StylesheetRules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every text is at least 4.5:1 against what it is drawn on (WCAG AA), in both themes, computed from the stylesheets
 * themselves: the colours named in palette.css (light on {@code .root}, dark on {@code .root:dark}), and each place a
 * feature's stylesheet sets a text colour or a background. A text is paired with the background of its own element in
 * the same states (the rule with the most of its pseudo-classes), else of its nearest styled ancestor, else with both
 * grounds a text may stand on (the window's canvas and a card's surface). Colours a stylesheet names for a part of
 * itself (the card's phase colours) are tried in every phase that sets them. Disabled controls are exempt (WCAG).
 */
class PaletteContrastTest {

    private static final List<String> FEATURE_SHEETS = List.of(Palette.STYLESHEET, ShellView.STYLESHEET,
            SettingsView.STYLESHEET, CallCardView.STYLESHEET, TodayCallsView.STYLESHEET);
    private static final List<String> GROUNDS = List.of("-cc-surface", "-cc-canvas");
    private static final List<String> BACKGROUND_KEYS = List.of("-fx-background-color", "-fx-base");

    /** One text on one background, as checked. */
    private record Pair(String where, String text, String background, double ratio) {
        @Override
        public String toString() {
            return where + ": " + text + " on " + background + " = " + String.format("%.2f", ratio);
        }
    }

    private static Map<String, Map<String, String>> themes() throws Exception {
        StylesheetRules palette = StylesheetRules.read(Palette.STYLESHEET);
        Map<String, String> light = new LinkedHashMap<>(palette.rule(".root").declarations());
        Map<String, String> dark = new LinkedHashMap<>(light);
        dark.putAll(palette.rule(".root:dark").declarations());
        Map<String, Map<String, String>> themes = new LinkedHashMap<>();
        themes.put("light", light);
        themes.put("dark", dark);
        return themes;
    }

    @Test
    void everyTextInEveryStylesheetIsReadableInBothThemes() throws Exception {
        List<Pair> checked = new ArrayList<>();
        for (var theme : themes().entrySet()) {
            for (String sheet : FEATURE_SHEETS) {
                checked.addAll(pairs(theme.getKey(), theme.getValue(), StylesheetRules.read(sheet)));
            }
        }
        List<Pair> tooFaint = checked.stream().filter(p -> p.ratio() < WcagContrast.AA_TEXT).toList();
        assertEquals(List.of(), tooFaint, "texts under 4.5:1");

        // the check reached what it is for: each phase's badge, the settings' outcomes, the popups, in both themes
        for (String theme : List.of("light", "dark")) {
            for (String phase : List.of("connecting", "connected", "failed", "ready", "no-call")) {
                assertTrue(checked.stream().anyMatch(p -> p.where().equals(theme + " " + CallCardView.STYLESHEET
                        + " [.call-card:" + phase + "] .call-card .state-badge")),
                        theme + " " + phase + " badge not checked: " + checked);
            }
            assertTrue(checked.stream().anyMatch(p -> p.where().startsWith(theme) && p.where().endsWith(
                    ".settings .outcome:failure")));
            assertTrue(checked.stream().anyMatch(p -> p.where().startsWith(theme) && p.where().endsWith(
                    ".root > .notification-bar > .pane .title")));
        }
        assertTrue(checked.size() > 150, checked.size() + " pairs");
    }

    @Test
    void theBuiltInControlsTextsAreReadableInBothThemes() throws Exception {
        List<Pair> tooFaint = new ArrayList<>();
        for (var theme : themes().entrySet()) {
            Map<String, String> vars = theme.getValue();
            check(tooFaint, theme.getKey() + " labels", vars, "-fx-text-background-color", "-fx-background");
            check(tooFaint, theme.getKey() + " fields", vars, "-fx-text-inner-color", "-fx-control-inner-background");
            check(tooFaint, theme.getKey() + " prompts", vars, "-fx-prompt-text-fill", "-fx-control-inner-background");
            check(tooFaint, theme.getKey() + " selection", vars, "-fx-selection-bar-text", "-fx-selection-bar");
        }
        // dark controls: modena writes on a dark -fx-base with -fx-light-text-color
        check(tooFaint, "dark buttons", themes().get("dark"), "-fx-light-text-color", "-fx-base");
        assertEquals(List.of(), tooFaint.stream().filter(p -> p.ratio() < WcagContrast.AA_TEXT).toList());
        assertEquals(9, tooFaint.size(), "every pair resolved: " + tooFaint);
    }

    @Test
    void theArithmeticIsWcags() {
        assertEquals(21.0, WcagContrast.ratio("#000000", "#ffffff"), 1e-9);
        assertEquals(1.0, WcagContrast.ratio("#2a61c8", "#2a61c8"), 1e-9);
        // the connecting badge before this palette: 4.2:1, which this test refuses
        assertEquals(4.2, WcagContrast.ratio("#b25e00", "#fff1dc"), 0.01);
        assertEquals(4.2, WcagContrast.ratio("#fff1dc", "#b25e00"), 0.01);
    }

    private static void check(List<Pair> out, String where, Map<String, String> vars, String text, String background) {
        String t = colour(vars, vars.get(text)).orElseThrow(() -> new AssertionError(where + ": " + text));
        String b = colour(vars, vars.get(background)).orElseThrow(() -> new AssertionError(where + ": " + background));
        out.add(new Pair(where, t, b, WcagContrast.ratio(t, b)));
    }

    /** Every text/background pair of {@code sheet} in one theme, in each of the sheet's own colour scopes. */
    private static List<Pair> pairs(String themeName, Map<String, String> theme, StylesheetRules sheet) {
        List<Pair> out = new ArrayList<>();
        for (var scope : scopes(sheet).entrySet()) {
            Map<String, String> vars = new LinkedHashMap<>(theme);
            vars.putAll(scope.getValue());
            for (Rule rule : sheet.rules()) {
                if (rule.element().equals(".root") || rule.states().contains("disabled")
                        || rule.states().contains("dark") && themeName.equals("light")
                        || !rule.declarations().containsKey("-fx-text-fill") && backgroundOf(rule) == null) {
                    continue;
                }
                Optional<Rule> textRule = mostSpecific(sheet, rule.element(), rule, "-fx-text-fill");
                if (textRule.isEmpty()) {
                    continue; // its text is the built-in controls', checked above
                }
                String where = themeName + " " + sheet.name() + " [" + scope.getKey() + "] " + rule.selector();
                String text = colour(vars, textRule.get().declarations().get("-fx-text-fill"))
                        .orElseThrow(() -> new AssertionError(where + ": text colour not resolved"));
                for (String background : backgrounds(sheet, rule, vars)) {
                    out.add(new Pair(where, text, background, WcagContrast.ratio(text, background)));
                }
            }
        }
        return out;
    }

    /**
     * The colours a stylesheet names for itself ({@code -cc-phase} on {@code .call-card}): the rule without states sets
     * the defaults, each rule with states one variant. A sheet that names none has one scope, the palette's.
     */
    private static Map<String, Map<String, String>> scopes(StylesheetRules sheet) {
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        for (Rule rule : sheet.rules()) {
            if (rule.element().equals(".root")) {
                continue;
            }
            Map<String, String> own = new LinkedHashMap<>();
            rule.declarations().forEach((k, v) -> {
                if (k.startsWith("-cc-")) {
                    own.put(k, v);
                }
            });
            if (own.isEmpty()) {
                continue;
            }
            if (rule.states().isEmpty()) {
                defaults.putAll(own);
            } else {
                variants.put(rule.selector(), own);
            }
        }
        Map<String, Map<String, String>> scopes = new LinkedHashMap<>();
        scopes.put("default", defaults);
        variants.forEach((selector, own) -> {
            Map<String, String> scope = new LinkedHashMap<>(defaults);
            scope.putAll(own);
            scopes.put(selector, scope);
        });
        return scopes;
    }

    /** The rule of {@code element} declaring {@code key} whose states are the most of {@code rule}'s (later wins). */
    private static Optional<Rule> mostSpecific(StylesheetRules sheet, String element, Rule rule, String key) {
        Rule best = null;
        for (Rule candidate : sheet.rules()) {
            if (candidate.element().equals(element) && rule.states().containsAll(candidate.states())
                    && (key == null ? backgroundOf(candidate) != null : candidate.declarations().containsKey(key))
                    && (best == null || candidate.states().size() >= best.states().size())) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> backgrounds(StylesheetRules sheet, Rule rule, Map<String, String> vars) {
        List<String> elements = new ArrayList<>();
        elements.add(rule.element());
        elements.addAll(rule.ancestors());
        for (String element : elements) {
            if (element.equals(".root")) {
                break; // the window's own background: a text directly on it may be on either ground
            }
            Optional<String> found = mostSpecific(sheet, element, rule, null).map(PaletteContrastTest::backgroundOf)
                    .flatMap(value -> colour(vars, value));
            if (found.isPresent()) {
                return List.of(found.get());
            }
        }
        return GROUNDS.stream().map(g -> colour(vars, g).orElseThrow()).toList();
    }

    private static String backgroundOf(Rule rule) {
        for (String key : BACKGROUND_KEYS) {
            String value = rule.declarations().get(key);
            if (value != null && !value.equals("transparent")) {
                return value;
            }
        }
        return null;
    }

    /** A colour value resolved through the named colours: the last layer of a list, a name's value, a #hex. */
    private static Optional<String> colour(Map<String, String> vars, String value) {
        String v = value;
        for (int depth = 0; v != null && depth < 10; depth++) {
            String[] layers = v.split(",");
            v = layers[layers.length - 1].strip();
            if (v.startsWith("#")) {
                return Optional.of(v.toLowerCase());
            }
            if (!v.startsWith("-")) {
                return Optional.empty(); // transparent, a gradient, a ladder: not a text's background here
            }
            v = vars.get(v);
        }
        return Optional.empty();
    }
}
