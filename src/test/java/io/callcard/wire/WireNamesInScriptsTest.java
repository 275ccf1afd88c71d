package io.callcard.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The browser scripts spell the call card's commands and events in their own literals (JavaScript cannot import the
 * enums); this holds them to the same names, so a renamed or added command cannot drift between the two.
 */
class WireNamesInScriptsTest {

    private static final String BRIDGE = "/io/callcard/listener/widget/bridge.js";
    private static final String STAND_IN = "/io/callcard/sandbox/rest/bx24-standin.js";

    private static String script(String resource) throws IOException {
        try (InputStream in = WireNamesInScriptsTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String line(String text, String start) {
        return text.lines().map(String::trim).filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + start));
    }

    private static Set<String> commandNames() {
        return Arrays.stream(CallCardCommand.values()).map(CallCardCommand::wireName).collect(Collectors.toSet());
    }

    @Test
    void theBridgeScriptKnowsExactlyTheCommandsAndEvents() throws IOException {
        String bridge = script(BRIDGE);

        assertEquals(commandNames(), all(Pattern.compile("(\\w+)\\s*:\\s*true"), line(bridge, "var COMMANDS =")));
        assertEquals(Arrays.stream(CallCardEventName.values()).map(CallCardEventName::wireName)
                .collect(Collectors.toSet()), all(Pattern.compile("'([^']+)'"), line(bridge, "var EVENTS =")));
    }

    @Test
    void theSandboxStandInAnswersExactlyTheCommands() throws IOException {
        assertEquals(commandNames(), all(Pattern.compile("case '(\\w+)':"), script(STAND_IN)));
    }
}
