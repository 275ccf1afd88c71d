package io.callcard.sandbox;

import io.callcard.sandbox.rest.TelephonyEventSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Turns one pass of a {@link Scenario} into the exact, ordered posts a CALL_CARD widget page would send. Pure: the
 * same scenario and seed give the same posts byte for byte, because every random part comes from one
 * {@link Random} seeded with {@code seed} and drawn in a fixed order (per call: CALL_ID, number, activity id).
 *
 * <p>What one card looks like on the wire, by Bitrix24's rules (protocol.md §2 and §2a; the scenario's
 * {@link CardBehaviour} may choose the documented ones instead):
 * <ol>
 *   <li>the card opens and the page posts its first getStatus: an incoming call is already ringing, which the card
 *       shows as {@code connecting}; an outgoing call or callback opens {@code idle}, before it is dialled;</li>
 *   <li>the card loads CRM data and fires EntityChanged (also when nothing was found);</li>
 *   <li>each state change fires CallStateChanged, followed by the fresh status the page's poll would fetch. The widget
 *       receives the state alone ({@code ["connected"]}): Bitrix24 forwards an event's first argument only, so the
 *       {@code failedCode} of an unsuccessful call never reaches it. Documented: {@code [state, {}]}, and an
 *       unsuccessful call goes idle with {@code {failedCode}};</li>
 *   <li>the end of the call: a card nobody holds closes at once, and the iframe goes in the same task as the final
 *       idle and BeforeClose, so the widget posts only {@code closed} (its pagehide beacon). A card the agent holds
 *       ({@code holdCardOpen}) stays: the idle and its poll arrive, the close attempt's BeforeClose ({@code [[]]})
 *       too, and 65 s later the real close takes its BeforeClose with the iframe, leaving {@code closed}. In
 *       call-campaign mode, when the next call is a campaign call too, the card stays for the call list, moves on to
 *       the next client (EntityChanged with that client's number and CRM item) and closes at once at its close
 *       attempt. Documented: the idle is always delivered, every close attempt fires BeforeClose ({@code []}), then
 *       the page posts {@code closed};</li>
 *   <li>a call whose card opens another tab first ({@code defaultTab}) loads no widget: it posts nothing, but its
 *       card takes its time as any other.</li>
 * </ol>
 * These close posts are what happens when the companion sends no command; each card's {@link CardClosing} lets the
 * player act the end out live instead, as the companion's hold leaves it.
 *
 * <p>Alongside, the server-side events the portal posts for the same calls: ONVOXIMPLANTCALLINIT when the call starts
 * ringing (or is dialled), ONVOXIMPLANTCALLSTART when it is answered, ONVOXIMPLANTCALLEND when it ends. They draw
 * nothing from the random source, so adding them changed no widget post.
 */
public final class ScenarioRenderer {

    /** From the card opening to EntityChanged: the card's CRM look-up by number. */
    static final long CRM_LOAD_MILLIS = 700;
    /** From an outgoing card opening to the dial: the agent glances at the card, then presses "call". */
    static final long DIAL_AFTER_OPEN_MILLIS = 1_200;
    /** From a state change to the fresh getStatus that the page's poll brings in. */
    static final long POLL_AFTER_CHANGE_MILLIS = 200;
    /** From the call going idle to the card's close attempt. */
    static final long CLOSE_AFTER_END_MILLIS = 2_000;
    /** From the card's close to the page's {@code closed} beacon (sent by pagehide as the iframe goes) arriving. */
    static final long CLOSED_AFTER_CLOSE_MILLIS = 100;
    /** From a campaign call going idle to the card loading the next client of the list. */
    static final long NEXT_CLIENT_AFTER_END_MILLIS = 1_000;
    /** How long a held card stays after its close attempt: Bitrix24's 65-second rule (protocol.md §2). */
    static final long HELD_CARD_MILLIS = 65_000;
    /** Bitrix24 hands out a CALL_ID again only within this long (protocol.md §6), from card opening to card opening. */
    static final long CALL_ID_REUSE_WINDOW_MILLIS = 30 * 60_000;

    private ScenarioRenderer() {
    }

    public static List<WidgetPost> render(Scenario scenario, long seed) {
        return renderPass(scenario, seed).widgetPosts();
    }

    public static RenderedPass renderPass(Scenario scenario, long seed) {
        List<DrawnCall> drawn = drawAll(scenario, seed);
        List<WidgetPost> posts = new ArrayList<>();
        List<TelephonyEventPost> events = new ArrayList<>();
        List<CardClosing> closings = new ArrayList<>();
        long cardOpensAt = 0;
        long[] openings = new long[drawn.size()];
        for (int i = 0; i < drawn.size(); i++) {
            openings[i] = cardOpensAt;
            requireReuseWithinWindow(scenario, i, openings);
            DrawnCall nextClient = nextCampaignClient(drawn, i);
            long closedAt = renderCard(drawn.get(i), nextClient, cardOpensAt, scenario.cardBehaviour(), posts, events,
                    closings);
            cardOpensAt = closedAt + scenario.gapAfter(i).toMillis();
        }
        return new RenderedPass(posts, events, cardOpensAt, closings);
    }

    /** A call that gets an earlier call's CALL_ID again must open within 30 minutes of that call's card. */
    private static void requireReuseWithinWindow(Scenario scenario, int index, long[] openings) {
        OptionalInt earlier = scenario.calls().get(index).sameCallIdAs();
        if (earlier.isPresent() && openings[index] - openings[earlier.getAsInt() - 1] > CALL_ID_REUSE_WINDOW_MILLIS) {
            throw new IllegalArgumentException("call " + (index + 1) + " reuses the CALL_ID of call "
                    + earlier.getAsInt() + ", whose card opened " + (openings[index] - openings[earlier.getAsInt() - 1])
                    / 1000 + " s earlier; Bitrix24 reuses an id within 30 minutes only");
        }
    }

    /** The client a campaign card moves on to: the next call, when both are campaign calls; else null. */
    private static DrawnCall nextCampaignClient(List<DrawnCall> drawn, int index) {
        if (index + 1 >= drawn.size() || !drawn.get(index).call().callListMode()) {
            return null;
        }
        DrawnCall next = drawn.get(index + 1);
        return next.call().callListMode() ? next : null;
    }

    /**
     * Appends one card's posts from {@code openAt} (none when the widget does not load for the call) and, when the
     * widget loads, its {@link CardClosing}; returns when the card closes if nobody sends a command.
     */
    private static long renderCard(DrawnCall drawn, DrawnCall nextClient, long openAt, CardBehaviour behaviour,
            List<WidgetPost> allPosts, List<TelephonyEventPost> events, List<CardClosing> closings) {
        SimulatedCall call = drawn.call();
        // a widget that does not load posts nothing; its card keeps the same times all the same
        List<WidgetPost> posts = call.widgetLoads() ? allPosts : new ArrayList<>();
        Map<String, String> record = TelephonyRecords.record(drawn);
        boolean incoming = call.direction() == SimulatedCall.Direction.INCOMING;
        long ringStartsAt;
        if (incoming) {
            ringStartsAt = openAt;
            posts.add(new WidgetPost(openAt, BridgeMessages.status(drawn, BridgeMessages.CONNECTING)));
            posts.add(new WidgetPost(openAt + CRM_LOAD_MILLIS, BridgeMessages.entityChanged(drawn)));
        } else {
            ringStartsAt = openAt + DIAL_AFTER_OPEN_MILLIS;
            posts.add(new WidgetPost(openAt, BridgeMessages.status(drawn, BridgeMessages.IDLE)));
            posts.add(new WidgetPost(openAt + CRM_LOAD_MILLIS, BridgeMessages.entityChanged(drawn)));
            changeState(drawn, ringStartsAt, BridgeMessages.CONNECTING, null, behaviour, posts);
        }
        events.add(new TelephonyEventPost(ringStartsAt, TelephonyEventSender.CALL_INIT, ringStartsAt, record));
        long endsAt = ringStartsAt + call.ringTime().toMillis();
        if (call.answered()) {
            changeState(drawn, endsAt, BridgeMessages.CONNECTED, null, behaviour, posts);
            events.add(new TelephonyEventPost(endsAt, TelephonyEventSender.CALL_START, ringStartsAt, record));
            endsAt += call.talkTime().toMillis();
        }
        events.add(new TelephonyEventPost(endsAt, TelephonyEventSender.CALL_END, ringStartsAt, record));
        List<WidgetPost> endPosts = new ArrayList<>();
        changeState(drawn, endsAt, BridgeMessages.IDLE, call.failedCode().orElse(null), behaviour, endPosts);
        if (nextClient != null) {
            endPosts.add(new WidgetPost(endsAt + NEXT_CLIENT_AFTER_END_MILLIS,
                    BridgeMessages.entityChanged(drawn.callId(), nextClient)));
        }
        CardClosing closing = behaviour == CardBehaviour.DOCUMENTED
                ? documentedClose(drawn, endsAt, endPosts, posts)
                : bitrix24Close(drawn, endsAt, nextClient != null, endPosts);
        posts.addAll(closing.defaultPosts());
        if (call.widgetLoads()) {
            closings.add(closing);
        }
        return closing.closedAtMillis();
    }

    /**
     * The documented card (protocol.md §2): the call's end is delivered; the close attempt fires BeforeClose, then the
     * page posts {@code closed}; a card the agent holds fires BeforeClose again at the real close 65 s later.
     */
    private static CardClosing documentedClose(DrawnCall drawn, long endsAt, List<WidgetPost> endPosts,
            List<WidgetPost> posts) {
        posts.addAll(endPosts);
        String beforeClose = BridgeMessages.beforeClose(drawn, CardBehaviour.DOCUMENTED);
        String closed = BridgeMessages.closed(drawn);
        long attemptAt = endsAt + CLOSE_AFTER_END_MILLIS;
        boolean held = drawn.call().holdsCardOpen();
        List<WidgetPost> closePosts = new ArrayList<>();
        closePosts.add(new WidgetPost(attemptAt, beforeClose));
        long realCloseAt = attemptAt;
        if (held) {
            realCloseAt += HELD_CARD_MILLIS; // the attempt failed; the real close comes 65 s later
            closePosts.add(new WidgetPost(realCloseAt, beforeClose));
        }
        closePosts.add(new WidgetPost(realCloseAt + CLOSED_AFTER_CLOSE_MILLIS, closed));
        return new CardClosing(attemptAt, CardBehaviour.DOCUMENTED, held, false, List.of(), attemptAt, beforeClose,
                closed, closePosts);
    }

    /**
     * Bitrix24's card (protocol.md §2a): a card that is not held when the call ends closes at once, removing the iframe
     * in the same task as the final idle and BeforeClose, so only the page's {@code closed} beacon is heard. A held card
     * stays: the idle and its poll are delivered, the close attempt's BeforeClose too, and 65 s later the real close
     * takes its BeforeClose with the iframe. A campaign card moving to its next client stays for the call list, and
     * closes at once at its close attempt.
     */
    private static CardClosing bitrix24Close(DrawnCall drawn, long endsAt, boolean movesToNextClient,
            List<WidgetPost> endPosts) {
        String beforeClose = BridgeMessages.beforeClose(drawn, CardBehaviour.BITRIX24);
        String closed = BridgeMessages.closed(drawn);
        long attemptAt = endsAt + CLOSE_AFTER_END_MILLIS;
        boolean held = drawn.call().holdsCardOpen();
        List<WidgetPost> defaultPosts = new ArrayList<>();
        long closesAt = endsAt;
        if (held || movesToNextClient) {
            defaultPosts.addAll(endPosts);
            closesAt = attemptAt;
            if (held) {
                defaultPosts.add(new WidgetPost(attemptAt, beforeClose));
                closesAt += HELD_CARD_MILLIS;
            }
        }
        defaultPosts.add(new WidgetPost(closesAt + CLOSED_AFTER_CLOSE_MILLIS, closed));
        return new CardClosing(endsAt, CardBehaviour.BITRIX24, held, movesToNextClient, endPosts, attemptAt,
                beforeClose, closed, defaultPosts);
    }

    private static void changeState(DrawnCall drawn, long at, String state, String failedCode,
            CardBehaviour behaviour, List<WidgetPost> posts) {
        posts.add(new WidgetPost(at, BridgeMessages.stateChanged(drawn, state, failedCode, behaviour)));
        posts.add(new WidgetPost(at + POLL_AFTER_CHANGE_MILLIS, BridgeMessages.status(drawn, state)));
    }

    /** Every call's random parts, in call order, so that a call may refer to an earlier one's number. */
    private static List<DrawnCall> drawAll(Scenario scenario, long seed) {
        Random random = new Random(seed);
        List<DrawnCall> drawn = new ArrayList<>();
        int counter = 1;
        for (SimulatedCall call : scenario.calls()) {
            drawn.add(draw(call, random, counter++, drawn));
        }
        return drawn;
    }

    private static DrawnCall draw(SimulatedCall call, Random random, int counter, List<DrawnCall> earlier) {
        // Bitrix24's ids look like "E45D40253D1C2D2F.1774588815.822533"; ours are recognisably the sandbox's
        String callId = "sandbox." + String.format(Locale.ROOT, "%016X", random.nextLong()) + "." + counter;
        String phoneNumber;
        switch (call.phone().kind()) {
            case KNOWN:
                phoneNumber = call.phone().plan().draw(random);
                break;
            case HIDDEN:
                phoneNumber = "hidden";
                break;
            case SAME_AS:
                phoneNumber = earlier.get(call.phone().sameAsCall() - 1).phoneNumber(); // Scenario checked it is earlier
                break;
            default:
                phoneNumber = null;
                break;
        }
        OptionalInt activityId = call.crm().filter(CrmLink::withActivity).isPresent()
                ? OptionalInt.of(10_000 + random.nextInt(990_000))
                : OptionalInt.empty();
        if (call.sameCallIdAs().isPresent()) {
            // drawn all the same, so that reusing an id changes nothing else the seed decides
            callId = earlier.get(call.sameCallIdAs().getAsInt() - 1).callId();
        }
        return new DrawnCall(call, callId, phoneNumber, activityId);
    }
}
