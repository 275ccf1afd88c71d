package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario files that ship with the app: they load, render reproducibly, and the demo in the documented behaviour
 * did not change.
 */
class BuiltInScenariosTest {

    static List<String> names() {
        return BuiltInScenarios.names();
    }

    @Test
    void namesListTheShippedFiles() {
        assertEquals(List.of("demo", "full-day", "campaign"), BuiltInScenarios.names());
        for (String name : BuiltInScenarios.names()) {
            assertEquals(name, BuiltInScenarios.named(name).name());
        }
    }

    @Test
    void anUnknownNameSaysWhichNamesExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuiltInScenarios.named("weekend"));
        assertTrue(e.getMessage().contains("\"weekend\""), e.getMessage());
        assertTrue(e.getMessage().contains("demo, full-day, campaign"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("names")
    void sameSeedRendersTheSamePostsByteForByte(String name) {
        RenderedPass once = BuiltInScenarios.named(name).renderPass(77);
        RenderedPass again = BuiltInScenarios.named(name).renderPass(77);
        assertEquals(once.widgetPosts(), again.widgetPosts());
        assertEquals(once.telephonyEvents(), again.telephonyEvents());
        assertEquals(once.nextPassAtMillis(), again.nextPassAtMillis());
        once.widgetPosts().forEach(post -> BridgeContract.assertValid(post.json()));
    }

    @ParameterizedTest
    @MethodSource("names")
    void anotherSeedDrawsOtherIdsAndNumbers(String name) {
        Scenario scenario = BuiltInScenarios.named(name);
        List<WidgetPost> a = scenario.render(1);
        List<WidgetPost> b = scenario.render(2);
        Set<String> idsA = BridgeContract.byCall(a).keySet();
        Set<String> idsB = BridgeContract.byCall(b).keySet();
        long reused = scenario.calls().stream().filter(call -> call.sameCallIdAs().isPresent()).count();
        long silent = scenario.calls().stream().filter(call -> !call.widgetLoads()).count();
        assertEquals(scenario.calls().size() - reused - silent, idsA.size(),
                "one CALL_ID per call, but for reused ones and calls whose widget does not load");
        assertTrue(disjoint(idsA, idsB), "no CALL_ID is shared between seeds");
        List<String> numbersA = numbers(a);
        List<String> numbersB = numbers(b);
        assertTrue(!numbersA.isEmpty(), "every built-in scenario has known numbers");
        assertNotEquals(numbersA, numbersB);
        // timing belongs to the scenario, not the seed
        assertEquals(a.stream().map(WidgetPost::atMillis).toList(), b.stream().map(WidgetPost::atMillis).toList());
    }

    @Test
    void theDocumentedDemoRendersWhatTheBuiltInDemoAlwaysRendered() throws IOException {
        // recorded from BuiltInScenarios.demo().render(20261122) before the demo became a file: "<atMillis> <json>"
        List<String> expected = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("demo-seed-20261122.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    expected.add(line);
                }
            }
        }
        // the card's documented behaviour is what the demo rendered before it followed Bitrix24's own code
        List<String> actual = BuiltInScenarios.demo().withCardBehaviour(CardBehaviour.DOCUMENTED).render(20261122).stream()
                .map(post -> post.atMillis() + " " + post.json()).toList();
        assertEquals(22, expected.size());
        assertEquals(expected, actual);
    }

    private static List<String> numbers(List<WidgetPost> posts) {
        List<String> numbers = new ArrayList<>();
        for (List<JsonNode> call : BridgeContract.byCall(posts).values()) {
            String number = call.get(0).get("status").path("PHONE_NUMBER").asText("");
            if (number.startsWith("+")) {
                numbers.add(number);
            }
        }
        return numbers;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.isEmpty();
    }
}
