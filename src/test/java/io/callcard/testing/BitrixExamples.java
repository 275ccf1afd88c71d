package io.callcard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The documented Bitrix24 payloads, for every test that reads them. They are test resources of this repository
 * ({@code src/test/resources/io/callcard/examples}, read from the test class path), so a lone clone runs its tests;
 * each file's first line names its public source and is skipped. What they show is summarised in
 * {@code src/site/markdown/protocol.md}.
 */
public final class BitrixExamples {

    /** The class-path folder of the examples. */
    private static final String FOLDER = "/io/callcard/examples/";

    /** The mapper the examples are read with; tests reuse it for their own JSON. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** A line of the handler POST's print_r dump: {@code [KEY] => value}. */
    private static final Pattern DUMP_LINE = Pattern.compile("^\\s*\\[([A-Za-z_]+)\\] => (.*)$");

    private BitrixExamples() {
    }

    /** The file without its source line, as the portal would send it. */
    public static String text(String name) {
        String resource = FOLDER + name;
        try (InputStream in = BitrixExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + resource + " on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example " + resource, e);
        }
    }

    public static JsonNode json(String name) {
        try {
            return MAPPER.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every field of the CALL_CARD handler POST's dump ({@code placement_call_card_handler_post.txt}), in order. */
    public static Map<String, String> handlerPost() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text("placement_call_card_handler_post.txt").split("\n")) {
            Matcher m = DUMP_LINE.matcher(line);
            if (m.matches()) {
                fields.put(m.group(1), m.group(2).trim());
            }
        }
        return fields;
    }

    /** The {@code PLACEMENT_OPTIONS} JSON string of the handler POST, parsed. */
    public static JsonNode placementOptions() {
        String options = handlerPost().get("PLACEMENT_OPTIONS");
        if (options == null) {
            throw new AssertionError("no PLACEMENT_OPTIONS in the example");
        }
        try {
            return MAPPER.readTree(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of {@code resp_errors_documented.jsonc}: HTTP status (200 when the page gives none) and body. */
    public static List<DocumentedError> documentedErrors() {
        List<DocumentedError> out = new ArrayList<>();
        for (JsonNode entry : json("resp_errors_documented.jsonc")) {
            JsonNode status = entry.get("http_status");
            int http = status == null || status.isNull() ? 200 : status.asInt();
            out.add(new DocumentedError(http, entry.get("body")));
        }
        return out;
    }

    /** One documented error answer. */
    public record DocumentedError(int httpStatus, JsonNode body) {

        public String code() {
            return body.get("error").asText();
        }

        public String bodyText() {
            return body.toString();
        }

        @Override
        public String toString() {
            return "'" + code() + "' with HTTP " + httpStatus;
        }
    }
}
