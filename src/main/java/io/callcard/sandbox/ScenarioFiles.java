package io.callcard.sandbox;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.callcard.wire.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads scenarios from their JSON files: a user's own by path, the built-in ones from resources. Every fault is a
 * {@link ScenarioFileException} naming the file, the call and the field.
 *
 * <p>The format (UTF-8 JSON; seconds are JSON numbers and may have a fraction, e.g. {@code 2.5}; unknown fields are
 * refused, so a typo cannot silently change a scenario):
 * <pre>{@code
 * {
 *   "name": "my-day",                       // required
 *   "description": "what it shows",         // optional, free text
 *   "gapBetweenCallsSeconds": 3,            // optional, default 3: from one card's close to the next card's opening
 *   "cardBehaviour": "bitrix24",            // optional: bitrix24 (default) delivers the card's events as Bitrix24's
 *                                           //   own code does: one argument each (["idle"], no failedCode), and a
 *                                           //   card that closes at once at the end of the call takes the final idle
 *                                           //   and BeforeClose with its iframe, so only the page's "closed" is heard;
 *                                           //   documented: as the REST documentation says, for comparison
 *                                           //   ([state, {failedCode}], the final idle and BeforeClose delivered)
 *   "calls": [                              // required, at least one; calls are counted from 1
 *     {
 *       "direction": "incoming",            // required: incoming | outgoing | callback
 *       "caller": "moscow-landline",        // required: moscow-landline | russian-mobile | berlin | new-york (a fresh
 *                                           //   number per seed), hidden (withheld), unknown (no number at all),
 *                                           //   or "same as call N" (the number of an earlier call N)
 *       "lineNumber": "reg151083",          // optional, default ""
 *       "lineName": "Sales, Moscow",        // optional, default ""
 *       "crm": {                            // optional; left out or null: linked to nothing
 *         "type": "deal",                   //   required: contact | company | lead | deal (the primary item)
 *         "id": 4615,                       //   required, > 0
 *         "bindings": [{"type": "contact", "id": 797}],  // optional: CRM_BINDINGS, default none
 *         "activity": true                  //   optional, default false: the portal logged a call activity
 *       },
 *       "ringSeconds": 3,                   // required, >= 1: ringing (incoming) or dialling until answer or give-up
 *       "talkSeconds": 8,                   // optional, default 0 = not answered; otherwise >= 1
 *       "failedCode": "486",                // required when not answered: any string, kept verbatim (304, 486, 603,
 *                                           //   603-S, 480, 404, 499...); an answered call has none or "200"
 *       "gapAfterSeconds": 60,              // optional: replaces gapBetweenCallsSeconds after this call
 *       "callListMode": true,               // optional, default false: call-campaign mode (CALL_LIST_MODE); a
 *                                           //   campaign card followed by a campaign call moves to that next client
 *       "holdCardOpen": true,               // optional, default false: the agent holds the card (disableAutoClose):
 *                                           //   the card stays after the call; BeforeClose at the close attempt, and
 *                                           //   again 65 s later at the close (lost with the iframe in bitrix24
 *                                           //   behaviour); the companion's enableAutoClose still closes it at once
 *       "defaultTab": "callList",           // optional, default "companion": the card's default tab; any other
 *                                           //   (callList | webForm | custom) means the widget does not load for
 *                                           //   this call and posts nothing (the portal's server events still go out)
 *       "callId": "same as call 2"          // optional: this call gets call 2's CALL_ID again, as Bitrix24 may do
 *                                           //   within 30 minutes (protocol.md §6); the cards must open <= 30 min apart
 *     }
 *   ]
 * }
 * }</pre>
 */
public final class ScenarioFiles {

    static final Duration DEFAULT_GAP = Duration.ofSeconds(3);

    /** Strict where a lenient reader would hide a mistake: a key given twice, text after the object. */
    private static final Set<String> SCENARIO_FIELDS = Set.of("name", "description", "gapBetweenCallsSeconds",
            "cardBehaviour", "calls");

    private ScenarioFiles() {
    }

    /** The scenario in the file at {@code path}. */
    public static Scenario load(Path path) {
        String file = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            throw new ScenarioFileException(file, 0, null, "cannot be read (" + unreadable.getMessage() + ")");
        }
        return parse(file, text);
    }

    /** The scenario in {@code text}; {@code file} names it in messages. */
    public static Scenario parse(String file, String text) {
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(text);
        } catch (JsonParseException malformed) {
            throw new ScenarioFileException(file, 0, null, "is not valid JSON: " + malformed.getOriginalMessage()
                    + " at line " + malformed.getLocation().getLineNr() + ", column "
                    + malformed.getLocation().getColumnNr());
        } catch (JsonProcessingException malformed) {
            throw new ScenarioFileException(file, 0, null, "is not valid JSON: " + malformed.getOriginalMessage());
        }
        ScenarioFields top = new ScenarioFields(file, 0);
        if (root == null || !root.isObject()) {
            throw new ScenarioFileException(file, 0, null, "must hold one JSON object with \"name\" and \"calls\"");
        }
        top.refuseUnknown(root, SCENARIO_FIELDS, "");
        String name = top.requiredText(root, "name");
        Duration gap = top.seconds(root, "gapBetweenCallsSeconds", DEFAULT_GAP, Duration.ZERO);
        String behaviourName = top.optionalText(root, "cardBehaviour", CardBehaviour.BITRIX24.fileName());
        CardBehaviour behaviour = CardBehaviour.ofFileName(behaviourName).orElseThrow(() -> top.fault("cardBehaviour",
                "unknown behaviour \"" + behaviourName + "\"; one of bitrix24 (the default: as Bitrix24's own code"
                        + " delivers the card's events) or documented (as the REST documentation describes them)"));
        JsonNode calls = root.get("calls");
        if (calls == null || !calls.isArray() || calls.isEmpty()) {
            throw new ScenarioFileException(file, 0, "calls", "must be a list of at least one call");
        }
        List<SimulatedCall> parsed = new ArrayList<>();
        for (int number = 1; number <= calls.size(); number++) {
            parsed.add(new CallFields(new ScenarioFields(file, number), number).read(calls.get(number - 1)));
        }
        Scenario scenario = new Scenario(name, parsed, gap, behaviour);
        try {
            scenario.renderPass(0); // rules that need the timing, e.g. a CALL_ID reused within 30 minutes only
        } catch (IllegalArgumentException rule) {
            throw new ScenarioFileException(file, 0, null, rule.getMessage());
        }
        return scenario;
    }
}
