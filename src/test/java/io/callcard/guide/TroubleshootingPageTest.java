package io.callcard.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.listener.RequestRejected;
import io.callcard.listener.WidgetVerdict;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The troubleshooting page names every error the companion can show: each error message key of the bundles, and each
 * code the listener answers a refused request with. A message added to the code without a line on the page fails
 * here; so does a key the page names that the bundles no longer have.
 */
class TroubleshootingPageTest {

    private static final Path PAGE = Path.of("src", "site", "markdown", "troubleshooting.md");
    private static final Path BUNDLE = Path.of("src", "main", "resources", "io", "callcard", "i18n",
            "messages_en.properties");

    /** Families of keys that are all errors or warnings, whatever is added to them later. */
    private static final List<String> ERROR_FAMILIES = List.of("status.listenerFailed.", "portal.error.",
            "portal.webhook.", "hold.error.", "card.outcome.", "card.crm.hint.", "source.silence.", "cli.portal.saved.",
            "note.reason.");

    /** The other keys that say something went wrong, by the words of their last part. */
    private static final Pattern ERROR_WORDS = Pattern.compile(
            ".*(failed|Failed|invalid|Invalid|unusable|Unusable|notSaved|NotSaved|refused|Ignored|Skipped|Unreadable"
                    + "|Stopped|NeedsToken|NotLoaded|notANumber|outOfRange|empty|notAWebhook|waiting|missing|passedWithout)$");

    /** The window's own messages that are errors without saying so in their key. */
    private static final Set<String> ALSO_ERRORS = Set.of("error.header", "status.waitingForPortal");

    /** Keys whose words match {@link #ERROR_WORDS} but name no error: a choice's label. */
    private static final Set<String> NOT_ERRORS = Set.of("settings.notify.failed");

    /** How the page names a key or a code: in backticks. */
    private static final Pattern NAMED = Pattern.compile("`([A-Za-z0-9_.]+)`");

    /** The classes whose string constants are the listener's refusal codes. */
    private static final List<String> CODE_HOLDERS = List.of("io.callcard.listener.RequestRejected",
            "io.callcard.listener.WidgetRejections", "io.callcard.listener.WidgetVerdict",
            "io.callcard.listener.ApplicationTokenCheck");

    /** The pages' advice and progress lines, which are not errors: the "keep it the first tab" note and "registering". */
    private static final Set<String> WIDGET_ADVICE = Set.of("firstTab", "installFirstTab", "installing", "installed",
            "connected");

    /** Where a quoted text's first clause ends: a colon, a semicolon, an ellipsis or a sentence's end. */
    private static final Pattern CLAUSE_END = Pattern.compile("[:;\u2026]|\\. ");

    private static final Pattern CODE_SHAPE = Pattern.compile("[a-z]+(_[a-z]+)+|[a-z]+");

    @Test
    void everyErrorMessageKeyIsNamedOnThePage() throws IOException {
        Set<String> named = namedOnPage();
        Set<String> missing = new TreeSet<>(errorKeys());
        missing.removeAll(named);
        assertEquals(Set.of(), missing, "error messages troubleshooting.md does not name");
    }

    @Test
    void theErrorKeysAreFoundAndIncludeTheKnownOnes() throws IOException {
        Set<String> keys = errorKeys();
        // the selection itself must work: these are errors the window shows today
        assertTrue(keys.containsAll(Set.of("status.listenerFailed.PORT_IN_USE", "portal.error.NO_AUTH_FOUND",
                "settings.port.outOfRange", "connect.refused", "cli.appToken.invalid", "note.status.refused",
                "status.widgetNotLoaded", "source.silence.widgetNotFirstTab")), keys.toString());
        assertFalse(keys.contains("card.phase.CONNECTED"), "a call state is not an error");
        assertFalse(keys.contains("settings.notify.failed"), "a check box's label is not an error");
        assertTrue(keys.size() > 100, "expected the bundle's error keys, found " + keys.size());
    }

    @Test
    void everyKeyThePageNamesExistsInTheBundles() throws IOException {
        Properties bundle = bundle();
        Set<String> stale = new TreeSet<>();
        for (String name : namedOnPage()) {
            boolean looksLikeKey = name.contains(".") && Character.isLowerCase(name.charAt(0))
                    && bundle.stringPropertyNames().stream().anyMatch(k -> k.startsWith(name.split("\\.")[0] + "."));
            if (looksLikeKey && !name.endsWith(".md") && !name.endsWith(".json") && !name.endsWith(".properties")
                    && !name.endsWith(".log") && !bundle.containsKey(name)) {
                stale.add(name);
            }
        }
        assertEquals(Set.of(), stale, "keys troubleshooting.md names that the bundles do not have");
    }

    @Test
    void everyListenerRefusalCodeIsNamedOnThePage() throws Exception {
        Set<String> codes = listenerCodes();
        assertTrue(codes.containsAll(Set.of(RequestRejected.BAD_HOST, RequestRejected.RATE_LIMITED,
                WidgetVerdict.TOKEN_REFUSED, WidgetVerdict.OTHER_USER, "invalid_application_token", "held_full")),
                codes.toString());
        Set<String> missing = new TreeSet<>(codes);
        missing.removeAll(namedOnPage());
        assertEquals(Set.of(), missing, "listener codes troubleshooting.md does not name");
    }

    @Test
    void everyWordTheWidgetAndInstallPagesSayIsOnThePage() throws Exception {
        Method forLanguage = Class.forName("io.callcard.listener.WidgetTexts")
                .getDeclaredMethod("forLanguage", String.class);
        forLanguage.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<String, String> english = (Map<String, String>) forLanguage.invoke(null, "en");
        assertTrue(english.containsKey("offline") && english.containsKey("installFailed"), english.keySet().toString());
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<String, String> text : english.entrySet()) {
            if (!WIDGET_ADVICE.contains(text.getKey()) && !page.contains(firstClause(text.getValue()))) {
                missing.add(text.getKey() + ": " + firstClause(text.getValue()));
            }
        }
        assertEquals(Set.of(), missing, "widget and install page texts troubleshooting.md does not quote");
    }

    /** The words up to the first break (a colon, a semicolon, an ellipsis or a sentence's end), as the page quotes them. */
    static String firstClause(String text) {
        Matcher end = CLAUSE_END.matcher(text);
        return end.find() ? text.substring(0, end.start()) : text;
    }

    @Test
    void theFirstClauseEndsAtTheFirstBreak() {
        assertEquals("The session with CallCard Companion expired", firstClause("The session with CallCard Companion"
                + " expired; close and reopen the call card to reconnect."));
        assertEquals("Connecting to CallCard Companion", firstClause("Connecting to CallCard Companion\u2026"));
        assertEquals("CallCard Companion did not accept this call card", firstClause("CallCard Companion did not"
                + " accept this call card: the portal did not confirm it. Close and reopen the call card."));
    }

    private static Set<String> errorKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String key : bundle().stringPropertyNames()) {
            String last = key.substring(key.lastIndexOf('.') + 1);
            if (NOT_ERRORS.contains(key)) {
                continue;
            }
            if (ERROR_FAMILIES.stream().anyMatch(key::startsWith) || ERROR_WORDS.matcher(last).matches()
                    || ALSO_ERRORS.contains(key) || key.equals("cli.portal.failed")) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Set<String> listenerCodes() throws Exception {
        Set<String> codes = new TreeSet<>();
        for (String holder : CODE_HOLDERS) {
            for (Field field : Class.forName(holder).getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                    field.setAccessible(true);
                    String value = (String) field.get(null);
                    if (CODE_SHAPE.matcher(value).matches()) {
                        codes.add(value);
                    }
                }
            }
        }
        return codes;
    }

    private static Set<String> namedOnPage() throws IOException {
        Set<String> named = new TreeSet<>();
        Matcher m = NAMED.matcher(Files.readString(PAGE, StandardCharsets.UTF_8));
        while (m.find()) {
            named.add(m.group(1));
        }
        return named;
    }

    private static Properties bundle() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLE, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
