package io.callcard.sandbox.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callcard.sandbox.RenderedPass;
import io.callcard.sandbox.Scenario;
import io.callcard.sandbox.SimulatedCall;
import io.callcard.sandbox.TimedPost;
import io.callcard.sandbox.WidgetPost;
import io.callcard.wire.CallCardEventName;
import io.callcard.wire.CardCallState;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the seed transport's call card does in one rendered scenario pass, read from the widget posts' JSON: the card
 * opens and updates ({@code status}), its call changes state, its CRM item changes, and each card's close attempt,
 * which the player acts out live by the 65-second rule. Pure: a pass always gives the same steps.
 *
 * <p>The seed pages document CallStateChanged as {@code [callState, {failedCode}]} (protocol.md §2): whatever the
 * widget's posts carry, a state change here always has its object, with the call's failure code when an unsuccessful
 * call goes idle. Everything a card posts from its close attempt on (BeforeClose, the second BeforeClose of a held
 * card, the page's {@code closed}) becomes that one {@link Close} step, so a rendering with fewer close posts reads the
 * same.
 */
final class LegacyCardSteps {

    /** One thing the card does, {@code atMillis} into the pass (scenario time). */
    sealed interface Step {
        long atMillis();
    }

    /** The card opens, or shows a fresh getStatus object. */
    record Show(long atMillis, ObjectNode status) implements Step {
    }

    /** CallStateChanged, with its documented arguments. */
    record StateChange(long atMillis, CardCallState state, ObjectNode params) implements Step {
    }

    /** EntityChanged, with its one object. */
    record EntityChange(long atMillis, JsonNode entity) implements Step {
    }

    /**
     * The card's close attempt. {@code agentHeld}: the agent holds the card in the portal (the scenario's
     * {@code holdCardOpen}); {@code closedAtMillis}: when the rendered pass has it closed, which the player compares
     * with when it really closed; {@code failedCode}: the call's, for a card that closes before its call went idle.
     */
    record Close(long atMillis, boolean agentHeld, long closedAtMillis, String failedCode) implements Step {
    }

    private LegacyCardSteps() {
    }

    static List<Step> of(RenderedPass pass, Scenario scenario) {
        List<Step> steps = new ArrayList<>();
        Card card = null;
        int cardIndex = -1;
        for (TimedPost post : pass.timeline(false)) {
            if (!(post instanceof WidgetPost)) {
                continue;
            }
            long at = post.atMillis();
            JsonNode message = parse(((WidgetPost) post).json());
            String type = message.path("type").asText();
            String callId = message.path("callId").asText();
            boolean opens = "status".equals(type)
                    && (card == null || card.closedSeen || !card.callId.equals(callId));
            if (opens) {
                if (card != null) {
                    card.finish(steps, at);
                }
                cardIndex++;
                card = new Card(callId, scenario.calls().get(Math.min(cardIndex, scenario.calls().size() - 1)));
            }
            if (card == null || card.closedSeen) {
                continue; // a post of a card already gone
            }
            card.read(type, message, at, steps);
        }
        if (card != null) {
            card.finish(steps, pass.nextPassAtMillis());
        }
        return List.copyOf(steps);
    }

    /** One card's posts, as they are read. */
    private static final class Card {
        final String callId;
        final SimulatedCall call;
        /** Index in the steps of this card's Close, once its close attempt was read; else -1. */
        int closeIndex = -1;
        long closeAttemptAt;
        boolean closedSeen;
        boolean finished;

        Card(String callId, SimulatedCall call) {
            this.callId = callId;
            this.call = call;
        }

        void read(String type, JsonNode message, long at, List<Step> steps) {
            boolean beforeClose = "event".equals(type) && CallCardEventName.BEFORE_CLOSE.wireName()
                    .equals(message.path("event").asText());
            boolean closed = "closed".equals(type);
            if (beforeClose || closed) {
                if (closeIndex < 0) {
                    closeIndex = steps.size();
                    closeAttemptAt = at;
                    steps.add(null); // the Close, filled in once the card's last close post is known
                }
                if (closed) {
                    closedSeen = true;
                    finish(steps, at);
                }
                return;
            }
            if (closeIndex >= 0) {
                return; // the close acts out everything after the attempt
            }
            if ("status".equals(type) && message.path("status").isObject()) {
                steps.add(new Show(at, (ObjectNode) message.get("status")));
            } else if ("event".equals(type)) {
                readEvent(message, at, steps);
            }
        }

        private void readEvent(JsonNode message, long at, List<Step> steps) {
            Optional<CallCardEventName> name = CallCardEventName.ofWireName(message.path("event").asText());
            JsonNode args = message.path("args");
            if (name.isEmpty() || !args.isArray() || args.size() == 0) {
                return;
            }
            if (name.get() == CallCardEventName.CALL_STATE_CHANGED) {
                Optional<CardCallState> state = CardCallState.parse(args.get(0).asText());
                if (state.isEmpty()) {
                    return;
                }
                ObjectNode params = args.size() > 1 && args.get(1).isObject()
                        ? (ObjectNode) args.get(1).deepCopy() : Json.object();
                if (state.get() == CardCallState.IDLE && !params.has("failedCode") && failedCode() != null) {
                    params.put("failedCode", failedCode());
                }
                steps.add(new StateChange(at, state.get(), params));
            } else if (name.get() == CallCardEventName.ENTITY_CHANGED) {
                steps.add(new EntityChange(at, args.get(0)));
            }
        }

        /** The code an unsuccessful call goes idle with (protocol.md §3), or null. */
        String failedCode() {
            return call.failedCode().filter(code -> !"200".equals(code.trim())).orElse(null);
        }

        /** Places the card's Close: at its attempt, or at {@code at} for a card replaced without one. */
        void finish(List<Step> steps, long at) {
            if (finished) {
                return;
            }
            finished = true;
            if (closeIndex < 0) {
                closeIndex = steps.size();
                closeAttemptAt = at;
                steps.add(null);
            }
            steps.set(closeIndex, new Close(closeAttemptAt, call.holdsCardOpen(), Math.max(at, closeAttemptAt),
                    failedCode()));
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a rendered widget post is not JSON", e);
        }
    }
}
