package io.callcard.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.config.AtomicFiles;
import io.callcard.wire.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox's file, {@value #FILE_NAME} in the data folder: every kept note, replaced whole at each change
 * ({@link AtomicFiles}), so a crash leaves the last complete list. A file that cannot be read is moved aside, never
 * overwritten: the notes in it are the agent's words.
 */
final class OutboxFile {

    static final String FILE_NAME = "note-outbox.json";
    private static final int VERSION = 1;

    private final Path file;

    OutboxFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    /** The notes kept; none when there is no file yet. */
    List<KeptNote> read() throws IOException, Unreadable {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException none) {
            return List.of();
        }
        try {
            JsonNode root = StrictJson.MAPPER.readTree(bytes);
            if (root == null || root.path("version").asInt() != VERSION || !root.path("notes").isArray()) {
                throw new Unreadable("not an outbox of version " + VERSION);
            }
            List<KeptNote> notes = new ArrayList<>();
            for (JsonNode n : root.path("notes")) {
                notes.add(note(n));
            }
            return notes;
        } catch (IOException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new Unreadable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Moves an unreadable file aside, next to where it was; returns where it went. */
    Path setAside(Instant now) throws IOException {
        Path aside = file.resolveSibling(FILE_NAME + ".unreadable-" + now.toEpochMilli());
        Files.move(file, aside);
        return aside;
    }

    void write(List<KeptNote> notes) throws IOException {
        ObjectNode root = StrictJson.MAPPER.createObjectNode().put("version", VERSION);
        ArrayNode list = root.putArray("notes");
        for (KeptNote n : notes) {
            ObjectNode o = list.addObject()
                    .put("id", n.id())
                    .put("callId", n.callId())
                    .put("entityType", n.entity().type().name())
                    .put("entityId", n.entity().id())
                    .put("text", n.text())
                    .put("state", n.state().name())
                    .put("keptAt", n.keptAt().toString())
                    .put("commentId", n.commentId())
                    .put("error", n.error());
            if (n.firstSentAt() != null) {
                o.put("firstSentAt", n.firstSentAt().toString());
            }
            if (n.portal() != null) {
                o.put("portal", n.portal());
            }
        }
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, StrictJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static KeptNote note(JsonNode n) {
        CrmRef entity = new CrmRef(CrmEntityType.valueOf(text(n, "entityType")), n.path("entityId").asLong());
        return new KeptNote(text(n, "id"), text(n, "callId"), entity, text(n, "text"),
                KeptNote.State.valueOf(text(n, "state")), Instant.parse(text(n, "keptAt")),
                n.hasNonNull("firstSentAt") ? Instant.parse(text(n, "firstSentAt")) : null,
                n.hasNonNull("portal") ? text(n, "portal") : null, n.path("commentId").asLong(),
                n.path("error").asText(""));
    }

    private static String text(JsonNode n, String field) {
        JsonNode value = n.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("a note without its " + field);
        }
        return value.asText();
    }

    /** The file is there but is not an outbox this build can read. */
    static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why);
        }
    }
}
