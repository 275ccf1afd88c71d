package io.callcard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented Bitrix24 payloads in {@code shared/bitrix24/examples}, for every test that reads them; each file's
 * first line names its source and is skipped. The folder is {@code ../shared/bitrix24/examples} beside the clone (as
 * in CI), or wherever the system property {@value #FOLDER_PROPERTY} points.
 */
public final class BitrixExamples {

    public static final String FOLDER_PROPERTY = "callcard.examples";

    /** The mapper the examples are read with; tests reuse it for their own JSON. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** A line of the handler POST's print_r dump: {@code [KEY] => value}. */
    private static final Pattern DUMP_LINE = Pattern.compile("^\\s*\\[([A-Za-z_]+)\\] => (.*)$");

    private BitrixExamples() {
    }

    /** The file without its source line, as the portal would send it. */
    public static String text(String name) {
        Path file = folder().resolve(name);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(1, lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example " + file.toAbsolutePath(), e);
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

    private static Path folder() {
        String configured = System.getProperty(FOLDER_PROPERTY);
        return configured != null ? Path.of(configured) : Path.of("..", "shared", "bitrix24", "examples");
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
