package io.callcard.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one mapper for the JSON the companion and the sandbox exchange: what comes from outside and is read as a tree
 * (bridge messages, event posts, PLACEMENT_OPTIONS, scenario files) and what is written back (the listener's answers,
 * the simulated widget's messages). A repeated key or text after the value refuses the whole document, because two
 * readers that resolve such a document differently (first key wins, last key wins) can be made to disagree about what
 * it says. Configured once and never changed afterwards, so it is safe to share between threads.
 *
 * <p>Mappers that are not this one differ on purpose, and say why where they are made: the portal client and the
 * sandbox read answers as PHP's {@code json_encode} writes them and as a lenient peer would; the settings store binds
 * its own file and ignores keys a newer version added.
 */
public final class StrictJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private StrictJson() {
    }
}
