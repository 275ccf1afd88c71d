package io.callcard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own scenario file: read by path, and every fault named by file, call and field. */
class ScenarioFilesTest {

    private static final String GOOD_CALL = "{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 2,"
            + " \"failedCode\": \"304\"}";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private ScenarioFileException fault(String secondCall) throws IOException {
        Path file = write("mine.json", "{\"name\": \"mine\", \"calls\": [" + GOOD_CALL + ", " + secondCall + "]}");
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> ScenarioFiles.load(file));
        assertEquals(file.toString(), e.file());
        assertTrue(e.getMessage().startsWith("Scenario file " + file + ", call 2, field \""), e.getMessage());
        assertEquals(2, e.callNumber());
        return e;
    }

    @Test
    void aGoodFileLoadsByPath() throws IOException {
        Path file = write("good.json", "{\"name\": \"mine\", \"gapBetweenCallsSeconds\": 1.5, \"calls\": [" + GOOD_CALL
                + ", {\"direction\": \"outgoing\", \"caller\": \"same as call 1\", \"ringSeconds\": 2.25,"
                + " \"talkSeconds\": 4, \"holdCardOpen\": true, \"gapAfterSeconds\": 0}]}");
        Scenario scenario = ScenarioFiles.load(file);
        assertEquals("mine", scenario.name());
        assertEquals(Duration.ofMillis(1_500), scenario.gapBetweenCalls());
        SimulatedCall second = scenario.calls().get(1);
        assertEquals(Duration.ofMillis(2_250), second.ringTime());
        assertEquals(Duration.ofSeconds(4), second.talkTime());
        assertTrue(second.holdsCardOpen());
        assertEquals(Duration.ZERO, scenario.gapAfter(1));
        assertEquals(Duration.ofMillis(1_500), scenario.gapAfter(0));
        assertEquals(CardBehaviour.BITRIX24, scenario.cardBehaviour(), "Bitrix24's own behaviour unless the file says");
        assertTrue(second.widgetLoads(), "the companion's tab is the card's default unless the file says");
    }

    @Test
    void aFileMayChooseTheDocumentedBehaviourAndAnotherDefaultTab() throws IOException {
        Path file = write("documented.json", "{\"name\": \"mine\", \"cardBehaviour\": \"documented\", \"calls\": ["
                + GOOD_CALL + ", {\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 2,"
                + " \"failedCode\": \"304\", \"defaultTab\": \"custom\"}]}");
        Scenario scenario = ScenarioFiles.load(file);
        assertEquals(CardBehaviour.DOCUMENTED, scenario.cardBehaviour());
        assertTrue(scenario.calls().get(0).widgetLoads());
        assertEquals(false, scenario.calls().get(1).widgetLoads());
        assertEquals(CardBehaviour.BITRIX24, ScenarioFiles.parse("b.json", "{\"name\": \"b\", \"cardBehaviour\":"
                + " \"bitrix24\", \"calls\": [" + GOOD_CALL + "]}").cardBehaviour());
    }

    @Test
    void anUnknownCardBehaviourIsRefusedNamingTheField() throws IOException {
        Path file = write("odd.json", "{\"name\": \"mine\", \"cardBehaviour\": \"real\", \"calls\": ["
                + GOOD_CALL + "]}");
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> ScenarioFiles.load(file));
        assertEquals(file.toString(), e.file());
        assertEquals("cardBehaviour", e.field());
        assertEquals(0, e.callNumber());
        assertTrue(e.getMessage().startsWith("Scenario file " + file + ", field \"cardBehaviour\": unknown behaviour"
                + " \"real\"; one of bitrix24"), e.getMessage());
        ScenarioFileException notText = assertThrows(ScenarioFileException.class, () -> ScenarioFiles.parse("n.json",
                "{\"name\": \"mine\", \"cardBehaviour\": true, \"calls\": [" + GOOD_CALL + "]}"));
        assertEquals("cardBehaviour", notText.field());
    }

    @Test
    void anUnknownDefaultTabNamesCallAndField() throws IOException {
        ScenarioFileException e = fault("{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 2,"
                + " \"failedCode\": \"304\", \"defaultTab\": \"crm\"}");
        assertEquals("defaultTab", e.field());
        assertTrue(e.getMessage().endsWith("unknown tab \"crm\"; one of companion, callList, webForm, custom"),
                e.getMessage());
    }

    @Test
    void aNegativeTimeNamesCallAndField() throws IOException {
        ScenarioFileException e = fault("{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 2,"
                + " \"talkSeconds\": -4}");
        assertEquals("talkSeconds", e.field());
        assertTrue(e.getMessage().endsWith("must not be negative (was -4)"), e.getMessage());
    }

    @Test
    void unknownValuesNameTheFieldAndTheChoices() throws IOException {
        ScenarioFileException direction = fault("{\"direction\": \"sideways\", \"caller\": \"berlin\","
                + " \"ringSeconds\": 2, \"failedCode\": \"304\"}");
        assertEquals("direction", direction.field());
        assertTrue(direction.getMessage().contains("incoming, outgoing, callback"), direction.getMessage());

        ScenarioFileException caller = fault("{\"direction\": \"incoming\", \"caller\": \"paris\", \"ringSeconds\": 2,"
                + " \"failedCode\": \"304\"}");
        assertEquals("caller", caller.field());
        assertTrue(caller.getMessage().contains("moscow-landline"), caller.getMessage());

        ScenarioFileException binding = fault("{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 2,"
                + " \"failedCode\": \"304\", \"crm\": {\"type\": \"deal\", \"id\": 1, \"bindings\": [{\"type\": \"deal\","
                + " \"id\": 1}, {\"type\": \"invoice\", \"id\": 2}]}}");
        assertEquals("crm.bindings[2].type", binding.field());
        assertTrue(binding.getMessage().contains("\"invoice\""), binding.getMessage());
    }

    @Test
    void aTypoInAFieldNameIsRefusedNotIgnored() throws IOException {
        ScenarioFileException e = fault("{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSecs\": 2,"
                + " \"failedCode\": \"304\"}");
        assertEquals("ringSecs", e.field());
        assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
    }

    @Test
    void theRulesOfAnsweredAndUnansweredCallsNameFailedCode() throws IOException {
        assertEquals("failedCode", fault("{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 2}")
                .field());
        assertEquals("failedCode", fault("{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 2,"
                + " \"failedCode\": \"200\"}").field());
        assertEquals("failedCode", fault("{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 2,"
                + " \"talkSeconds\": 3, \"failedCode\": \"486\"}").field());
        assertEquals("ringSeconds", fault("{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 0.5,"
                + " \"failedCode\": \"304\"}").field());
    }

    @Test
    void aRepeatedNumberMustComeFromAnEarlierCall() throws IOException {
        ScenarioFileException e = fault("{\"direction\": \"incoming\", \"caller\": \"same as call 2\","
                + " \"ringSeconds\": 2, \"failedCode\": \"304\"}");
        assertEquals("caller", e.field());
        assertTrue(e.getMessage().contains("earlier call"), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheFileAndWhere() throws IOException {
        Path file = write("broken.json", "{\"name\": \"x\",\n \"calls\": [ {\"direction\": }");
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> ScenarioFiles.load(file));
        assertTrue(e.getMessage().startsWith("Scenario file " + file + ": is not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertEquals(0, e.callNumber());
        assertNull(e.field());
    }

    @Test
    void aKeyGivenTwiceOrTextAfterTheObjectIsMalformed() {
        ScenarioFileException twice = assertThrows(ScenarioFileException.class, () -> ScenarioFiles.parse("twice.json",
                "{\"name\": \"x\", \"calls\": [{\"direction\": \"incoming\", \"direction\": \"outgoing\"}]}"));
        assertTrue(twice.getMessage().contains("Duplicate field 'direction'"), twice.getMessage());
        ScenarioFileException trailing = assertThrows(ScenarioFileException.class, () -> ScenarioFiles.parse(
                "trailing.json", "{\"name\": \"x\", \"calls\": [" + GOOD_CALL + "]} {\"name\": \"y\"}"));
        assertTrue(trailing.getMessage().startsWith("Scenario file trailing.json: is not valid JSON"),
                trailing.getMessage());
    }

    @Test
    void scenarioLevelFaultsNameTheirField() {
        ScenarioFileException noCalls = assertThrows(ScenarioFileException.class,
                () -> ScenarioFiles.parse("empty.json", "{\"name\": \"x\", \"calls\": []}"));
        assertEquals("calls", noCalls.field());
        assertEquals("Scenario file empty.json, field \"calls\": must be a list of at least one call",
                noCalls.getMessage());
        ScenarioFileException gap = assertThrows(ScenarioFileException.class, () -> ScenarioFiles.parse("gap.json",
                "{\"name\": \"x\", \"gapBetweenCallsSeconds\": -1, \"calls\": [" + GOOD_CALL + "]}"));
        assertEquals("gapBetweenCallsSeconds", gap.field());
    }

    @Test
    void aMissingFileIsAScenarioFileException() {
        Path missing = dir.resolve("nope.json");
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> ScenarioFiles.load(missing));
        assertTrue(e.getMessage().startsWith("Scenario file " + missing + ": cannot be read"), e.getMessage());
    }
}
