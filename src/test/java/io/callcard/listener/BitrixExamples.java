package io.callcard.listener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The documented Bitrix24 payloads in {@code shared/bitrix24/examples}; each file's first line names its source. */
final class BitrixExamples {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private BitrixExamples() {
    }

    static JsonNode json(String name) {
        try {
            return MAPPER.readTree(withoutSourceLine(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code PLACEMENT_OPTIONS} JSON string from the print_r dump of the widget handler's POST. */
    static JsonNode placementOptions() {
        String marker = "[PLACEMENT_OPTIONS] => ";
        for (String line : withoutSourceLine("placement_call_card_handler_post.txt").split("\n")) {
            int at = line.indexOf(marker);
            if (at >= 0) {
                try {
                    return MAPPER.readTree(line.substring(at + marker.length()).trim());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("no PLACEMENT_OPTIONS in the example");
    }

    private static String withoutSourceLine(String name) {
        Path file = Path.of("..", "shared", "bitrix24", "examples", name);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(1, lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
