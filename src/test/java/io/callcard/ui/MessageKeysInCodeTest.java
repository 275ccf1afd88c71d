package io.callcard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardCommandFailed;
import io.callcard.call.CallDirection;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallOutcome;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmNames;
import io.callcard.listener.ListenerStartException;
import io.callcard.portal.PortalError;
import io.callcard.portal.WebhookUrlException;
import io.callcard.testing.JavaStringLiterals;
import io.callcard.testing.JavaStringLiterals.Literal;
import io.callcard.prefs.Theme;
import io.callcard.history.FactSource;
import io.callcard.history.Outcome;
import io.callcard.ui.history.DateRange;
import io.callcard.ui.history.DirectionFilter;
import io.callcard.ui.history.LinkedFilter;
import io.callcard.ui.settings.LanguageChoice;
import io.callcard.ui.settings.RateLimitChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key the code looks up has words in both bundles: a key that is missing shows in the window as
 * {@code !key!} (see {@link Messages#get}). Keys come from three places: literals in the packages that look words up
 * (ui and app) or name keys for them (call's failure-code catalogue); a literal prefix completed by an enum constant's
 * name; and the portal's typed errors, which name their own keys.
 */
class MessageKeysInCodeTest {

    private static final Path MAIN = Path.of("src", "main", "java", "io", "callcard");
    private static final List<Path> KEY_SOURCES =
            List.of(MAIN.resolve("ui"), MAIN.resolve("app"), MAIN.resolve("call"));

    /** The shape of a key ({@code card.phase.READY}, {@code failure.603S}), or of a prefix ending in a dot. */
    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_]+)+\\.?");

    /** Literals of that shape in those packages that are not message keys. */
    private static final Set<String> NOT_KEYS = Set.of(
            "io.callcard.i18n.messages", // the bundles' base name
            "os.name", "user.home", // system properties
            "version.properties", // a resource
            "callcard.logDir", // the log folder handed to Logback
            "org.gnome.desktop.interface"); // the gsettings schema app.DesktopTheme asks

    /** Each key prefix the code completes with {@code constant.name()}, and the constants that may complete it. */
    private static Map<String, List<? extends Enum<?>>> prefixesCompletedByEnums() {
        return Map.ofEntries(
                // CONNECTING is worded by direction instead: card.phase.CONNECTING.incoming / .outgoing are literals
                Map.entry("card.phase.", List.copyOf(EnumSet.complementOf(EnumSet.of(CallDisplayState.CONNECTING)))),
                Map.entry("card.direction.", List.of(CallDirection.values())),
                Map.entry("card.crm.", List.of(CrmEntityType.values())),
                Map.entry("card.crm.named.", List.of(CrmEntityType.values())),
                Map.entry("card.crm.hint.", List.of(CrmNames.Missing.values())),
                Map.entry("card.outcome.missing.", List.of(CallOutcome.Missing.values())),
                Map.entry("hold.error.", List.of(CallCardCommandFailed.Reason.values())),
                Map.entry("settings.rateLimit.", List.of(RateLimitChoice.values())),
                Map.entry("settings.theme.", List.of(Theme.values())),
                Map.entry("settings.language.", List.of(LanguageChoice.values())),
                Map.entry("status.listenerFailed.", List.of(ListenerStartException.Reason.values())),
                Map.entry("cli.portal.saved.", constantsOf("io.callcard.app.cli.SavedPortal$Problem")),
                Map.entry("cli.history.outcome.", List.of(io.callcard.history.Outcome.values())),
                Map.entry("cli.history.problem.", List.of(io.callcard.history.HistoryProblem.Kind.values())),
                // the call history's pane (issue 13)
                Map.entry("history.direction.", List.of(CallDirection.values())),
                Map.entry("history.outcome.", List.of(Outcome.values())),
                Map.entry("history.source.", List.of(FactSource.values())),
                Map.entry("history.details.crm.", List.of(CrmEntityType.values())),
                Map.entry("history.range.", List.of(DateRange.values())),
                Map.entry("history.filter.direction.", List.of(DirectionFilter.values())),
                Map.entry("history.filter.linked.", List.of(LinkedFilter.values())));
    }

    /** Keys named by the portal package, which has no bundle of its own and is not scanned for literals. */
    private static Stream<String> keysNamedByThePortal() {
        return Stream.concat(Arrays.stream(PortalError.values()).map(PortalError::messageKey),
                // WebhookUrlException.messageKey() spells it so; its constructor is the portal's own
                Arrays.stream(WebhookUrlException.Reason.values()).map(r -> "portal.webhook." + r.name()));
    }

    @Test
    void everyKeyUsedInCodeHasWordsInEveryLanguage() {
        Map<String, String> usedAt = new TreeMap<>();
        literalKeys().forEach(l -> usedAt.putIfAbsent(l.text(), l.place()));
        prefixesCompletedByEnums().forEach((prefix, constants) -> constants.forEach(
                c -> usedAt.putIfAbsent(prefix + c.name(), "\"" + prefix + "\" + " + c.getDeclaringClass().getName()
                        + "." + c.name())));
        keysNamedByThePortal().forEach(key -> usedAt.putIfAbsent(key, "portal"));
        assertTrue(usedAt.size() > 100, "the scan found only " + usedAt.size() + " keys: is the source path right?");

        List<String> missing = new ArrayList<>();
        for (String language : Messages.LANGUAGES) {
            Messages words = Messages.forLocale(Locale.forLanguageTag(language));
            usedAt.forEach((key, place) -> {
                if (!words.has(key)) {
                    missing.add("messages_" + language + ": " + key + " (used at " + place + ")");
                }
            });
        }
        assertEquals(List.of(), missing, "keys used in code but missing from a bundle");
    }

    @Test
    void everyKeyPrefixInCodeIsCompletedByAKnownEnum() {
        Map<String, String> prefixes = new TreeMap<>();
        literals().filter(l -> l.text().endsWith(".")).forEach(l -> prefixes.putIfAbsent(l.text(), l.place()));
        Map<String, String> unknown = new TreeMap<>(prefixes);
        unknown.keySet().removeAll(prefixesCompletedByEnums().keySet());
        assertEquals(Map.of(), unknown,
                "a key built from a prefix needs its enum in prefixesCompletedByEnums(), or its keys go unchecked");
        assertEquals(new TreeSet<>(prefixesCompletedByEnums().keySet()), prefixes.keySet(),
                "a prefix listed here is no longer in the code");
    }

    private static Stream<Literal> literalKeys() {
        return literals().filter(l -> !l.text().endsWith("."));
    }

    /** The key-shaped literals of the scanned packages, less the known non-keys. */
    private static Stream<Literal> literals() {
        return KEY_SOURCES.stream()
                .peek(dir -> assertTrue(Files.isDirectory(dir), dir + " not found; tests run in the project folder"))
                .flatMap(dir -> JavaStringLiterals.below(dir).stream())
                .filter(l -> KEY_SHAPE.matcher(l.text()).matches() && !NOT_KEYS.contains(l.text()));
    }

    /** An enum the test cannot name at compile time because it is private to its package. */
    private static List<? extends Enum<?>> constantsOf(String enumClass) {
        try {
            Object[] constants = Class.forName(enumClass).getEnumConstants();
            assertTrue(constants != null, enumClass + " is not an enum");
            return Arrays.stream(constants).map(c -> (Enum<?>) c).toList();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(enumClass + " was renamed or moved: update this test", e);
        }
    }
}
