package io.callcard.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The documented Bitrix24 payloads in {@code shared/bitrix24/examples}; each file's first line names its source. */
final class PortalExamples {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private PortalExamples() {
    }

    /** The file without its source line, as the portal would send it. */
    static String text(String name) {
        Path file = Path.of("..", "shared", "bitrix24", "examples", name);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(1, lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        try {
            return MAPPER.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of {@code resp_errors_documented.jsonc}: HTTP status (200 when the page gives none) and body. */
    static List<DocumentedError> documentedErrors() {
        List<DocumentedError> out = new java.util.ArrayList<>();
        for (JsonNode entry : json("resp_errors_documented.jsonc")) {
            JsonNode status = entry.get("http_status");
            int http = status == null || status.isNull() ? 200 : status.asInt();
            out.add(new DocumentedError(http, entry.get("body")));
        }
        return out;
    }

    record DocumentedError(int httpStatus, JsonNode body) {

        String code() {
            return body.get("error").asText();
        }

        String bodyText() {
            return body.toString();
        }

        @Override
        public String toString() {
            return "'" + code() + "' with HTTP " + httpStatus;
        }
    }
}
