package io.callcard.app;

import static io.callcard.testing.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import io.callcard.sandbox.Scenario;
import io.callcard.sandbox.ScenarioFiles;
import io.callcard.testing.SlowTest;
import io.callcard.ui.callcard.CallNoteViewModel;
import io.callcard.wire.Loopback;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run, wired as the window wires it (without the toolkit): the sandbox plays a call linked to contact 797,
 * the agent writes a note on the card, and it lands on that contact's timeline in the sandbox's CRM, through the
 * in-process sandbox REST server; the outbox in the data folder records the comment's id.
 */
@SlowTest
class DefaultRunNoteTest {

    @TempDir
    Path home;

    @RegisterExtension
    final CompanionUnderTest companion = new CompanionUnderTest();
    private AppContext context;

    @Test
    void aNoteOnTheSandboxsLinkedCallLandsInTheSandboxsCrm() throws Exception {
        Scenario linked = ScenarioFiles.parse("linked.json", "{\"name\": \"linked\", \"gapBetweenCallsSeconds\": 600,"
                + " \"calls\": [{\"direction\": \"incoming\", \"caller\": \"berlin\", \"ringSeconds\": 1,"
                + " \"talkSeconds\": 2, \"crm\": {\"type\": \"contact\", \"id\": 797}}]}");
        AppPaths paths = AppPaths.underHome(home);
        context = companion.started(paths, true, 4, linked);
        CallNoteViewModel note = context.shell().callCard().note();
        waitFor(() -> note.shownProperty().get(), "the linked call's note field");

        note.textProperty().set("Asked for a quote");
        waitFor(note::send, "the note sent: true once the outbox is attached, and then the field is empty");

        waitFor(() -> note.statusTextProperty().get().startsWith("Note added to the timeline of "),
                () -> "the card's words: " + note.statusTextProperty().get());
        List<KeptNote> kept = new OutboxFile(paths.dataDir()).read();
        assertEquals(1, kept.size());
        assertEquals(KeptNote.State.ADDED, kept.get(0).state());
        assertEquals(new CrmRef(CrmEntityType.CONTACT, 797), kept.get(0).entity());
        assertTrue(kept.get(0).commentId() > 0, "the sandbox portal's comment id");
        assertTrue(Loopback.isLoopbackHost(URI.create(kept.get(0).portal()).getHost()), "the sandbox's own portal: "
                + kept.get(0).portal());
    }
}
