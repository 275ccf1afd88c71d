package io.callcard.listener;

import static io.callcard.listener.EventPosts.EXAMPLE_TOKEN;
import static io.callcard.listener.EventPosts.exampleInit;
import static io.callcard.listener.EventPosts.signedWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.testing.BitrixExamples;
import io.callcard.testing.Eventually;
import io.callcard.testing.ListenerFixture;
import io.callcard.testing.SimulatedTime;
import io.callcard.ui.shell.SourceFacts;
import io.callcard.ui.shell.SourceLine;
import io.callcard.ui.shell.SourceWords;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the listener last heard from each channel, over real sockets: a proven widget page's form and messages count
 * for the widget bridge, an authenticated telephony post for the server events; a refused post for neither. What the
 * source line makes of it is {@link SourceLine}'s; here it must name the channel the real messages came through.
 */
class ChannelsHeardTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private final SimulatedTime time = new SimulatedTime(T0);
    private ListenerFixture listener;

    @BeforeEach
    void start() throws Exception {
        listener = ListenerFixture.start(ListenerConfig.loopback(0).withApplicationToken(EXAMPLE_TOKEN), time,
                Optional::empty);
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    private InputHeard heard() {
        return listener.listener().heard();
    }

    @Test
    void aWidgetPagesFormAndMessagesAreHeardFromTheWidgetBridge() throws Exception {
        assertEquals(Optional.empty(), heard().last(InputChannel.WIDGET_BRIDGE), "nothing heard before the page");
        assertFalse(listener.listener().widgetPageOpen());

        String session = WidgetForms.openSession(listener.baseUri());
        Eventually.waitFor(() -> heard().last(InputChannel.WIDGET_BRIDGE).isPresent(), "the page's form applied");
        assertEquals(Optional.of(T0), heard().last(InputChannel.WIDGET_BRIDGE));
        assertTrue(listener.listener().widgetPageOpen(), "its page is open");

        time.advance(Duration.ofSeconds(7));
        ObjectNode status = BitrixExamples.MAPPER.createObjectNode();
        status.put("type", "status");
        status.set("status", BitrixExamples.json("jsif_getstatus_result.jsonc"));
        HttpResponse<String> answer = EventPosts.post(listener.uri("bridge/events"), "application/json",
                WidgetForms.withSession(status.toString(), session, 1));
        assertEquals(202, answer.statusCode(), answer.body());
        Eventually.waitFor(() -> heard().last(InputChannel.WIDGET_BRIDGE).equals(Optional.of(T0.plusSeconds(7))),
                "the page's status message heard at its time");
        assertEquals(Optional.empty(), heard().last(InputChannel.SERVER_EVENTS));
        assertEquals(Optional.empty(), heard().last(InputChannel.SEED_TRANSPORT));

        SourceWords words = SourceLine.describe(factsNow(), T0.plusSeconds(9));
        assertEquals(SourceWords.Kind.LIVE, words.kind());
        assertEquals(SourceWords.Channel.WIDGET_BRIDGE, words.channel());
        assertEquals(new SourceWords.Age(SourceWords.Age.Unit.NOW, 0), words.age());

        time.advance(Duration.ofSeconds(5));
        answer = EventPosts.post(listener.uri("bridge/events"), "application/json",
                WidgetForms.withSession("{\"type\":\"closed\"}", session, 2));
        assertEquals(202, answer.statusCode(), answer.body());
        Eventually.waitFor(() -> !listener.listener().widgetPageOpen(), "the closed page gone");
        listener.settle(); // its message applied, and so heard
        words = SourceLine.describe(factsNow(), T0.plusSeconds(62));
        assertEquals(SourceWords.Kind.SILENT, words.kind(), "no card open: nothing live");
        assertEquals(SourceWords.Silence.NO_CARD, words.silence());
        assertEquals(SourceWords.Channel.WIDGET_BRIDGE, words.channel(), "the widget was heard last");
        assertEquals(new SourceWords.Age(SourceWords.Age.Unit.SECONDS, 50), words.age(),
                "its closing, at 12 s: 50 s before 62 s (the form, at 7 s, would be 55)");
    }

    @Test
    void anAuthenticatedTelephonyPostIsHeardFromTheServerEventsAndARefusedOneIsNot() throws Exception {
        HttpResponse<String> refused = EventPosts.postForm(listener.uri("bitrix/events"),
                signedWith(exampleInit(), "not-the-token"));
        assertEquals(401, refused.statusCode(), refused.body());
        listener.settle();
        assertEquals(Optional.empty(), heard().last(InputChannel.SERVER_EVENTS), "a refused post is nobody heard");

        time.advance(Duration.ofSeconds(3));
        HttpResponse<String> accepted = EventPosts.postForm(listener.uri("bitrix/events"), exampleInit());
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals(Optional.of(T0.plusSeconds(3)), heard().last(InputChannel.SERVER_EVENTS));
        assertEquals(Optional.empty(), heard().last(InputChannel.WIDGET_BRIDGE));
        listener.settle();

        SourceWords words = SourceLine.describe(factsNow(), T0.plusSeconds(18));
        assertEquals(SourceWords.Kind.LIVE, words.kind(), "the call the server told of runs: " + words);
        assertEquals(SourceWords.Channel.SERVER_EVENTS, words.channel());
        assertEquals(new SourceWords.Age(SourceWords.Age.Unit.SECONDS, 15), words.age(), "heard at 3 s, 18 s now");
    }

    /** The facts as the application gathers them from this listener, for a configured portal whose widget loaded. */
    private SourceFacts factsNow() {
        var call = listener.tracker().current();
        return new SourceFacts(SourceFacts.Listening.LISTENING, false,
                heard().last(InputChannel.WIDGET_BRIDGE).orElse(null), listener.listener().widgetPageOpen(),
                heard().last(InputChannel.SERVER_EVENTS).orElse(null),
                heard().last(InputChannel.SEED_TRANSPORT).orElse(null), SourceFacts.SeedTransport.REFUSED, false,
                true, false, call.callId() != null && call.endedAt() == null);
    }
}
