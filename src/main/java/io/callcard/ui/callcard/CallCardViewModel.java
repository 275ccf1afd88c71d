package io.callcard.ui.callcard;

import io.callcard.call.CallCardChannel;
import io.callcard.call.CallDirection;
import io.callcard.call.CallFailureCodes;
import io.callcard.call.CallOutcome;
import io.callcard.call.CallDisplayState;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import io.callcard.call.HoldOwnership;
import io.callcard.ui.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The call card as the agent reads it: words and flags derived from a {@link CallSnapshot}. Plain Java with JavaFX
 * properties; it never touches a node, so it is tested without the toolkit. Call {@link #apply}, {@link #tick} and
 * {@link #toggleHold} on the UI thread; {@code ui} is how answers from other threads get back to it.
 */
public final class CallCardViewModel {

    private final Messages messages;
    private final Clock clock;
    private final CardHoldViewModel hold;
    private final CallNoteViewModel note;
    private CallSnapshot snapshot = CallSnapshot.EMPTY;
    private CrmPages pages = CrmPages.NONE;

    private final ReadOnlyObjectWrapper<CallDisplayState> phase = new ReadOnlyObjectWrapper<>(CallDisplayState.NO_CALL);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper directionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phoneText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper crmText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper crmHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<CrmBinding>> bindings = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper lineText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failureText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper talkTimeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasCall = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper outcomePending = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper talkTimeShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper callListMode = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper linked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper lineShown = new ReadOnlyBooleanWrapper(false);

    public CallCardViewModel(Messages messages, Clock clock, Executor ui) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hold = new CardHoldViewModel(messages, ui);
        this.note = new CallNoteViewModel(messages, ui);
        apply(CallSnapshot.EMPTY);
    }

    /** Show {@code s}. */
    public void apply(CallSnapshot s) {
        snapshot = Objects.requireNonNull(s, "snapshot");
        CallDisplayState p = s.phase();
        hasCall.set(p != CallDisplayState.NO_CALL);
        stateText.set(stateWords(p, s));
        outcomePending.set(p != CallDisplayState.NO_CALL && s.outcome().isPending());
        directionText.set(p == CallDisplayState.NO_CALL ? "" : messages.get("card.direction." + s.direction().name()));
        phoneText.set(p == CallDisplayState.NO_CALL ? messages.get("card.hint.noCall") : phoneWords(s.phone()));
        crmText.set(p == CallDisplayState.NO_CALL ? "" : crmWords(s));
        crmHint.set(p == CallDisplayState.NO_CALL || s.entity() == null ? "" : nameHint(s.crmNames(), s.entity()));
        bindings.set(p == CallDisplayState.NO_CALL ? List.of() : bindingRows(s));
        linked.set(s.entity() != null);
        lineText.set(lineWords(s));
        lineShown.set(!lineText.get().isEmpty());
        boolean isFailure = p == CallDisplayState.FAILED;
        failed.set(isFailure);
        failureText.set(isFailure ? failureWords(s.outcome()) : "");
        callListMode.set(s.callListMode());
        summaryText.set(joinNonEmpty(stateText.get(), directionText.get(), phoneText.get(), crmText.get(),
                failureText.get()));
        tick();
        hold.apply(s);
        note.apply(s);
        phase.set(p); // last: whoever listens to the phase finds every text already matching it
    }

    /** Move the running talk time on; the view calls this once a second. */
    public void tick() {
        boolean shown = snapshot.wasConnected();
        talkTimeShown.set(shown);
        talkTimeText.set(shown ? formatDuration(snapshot.talkTime(clock.instant())) : "");
    }

    private String stateWords(CallDisplayState p, CallSnapshot s) {
        if (p == CallDisplayState.CONNECTING) {
            boolean weDial = s.direction() == CallDirection.OUTGOING || s.direction() == CallDirection.CALLBACK;
            return messages.get(weDial ? "card.phase.CONNECTING.outgoing" : "card.phase.CONNECTING.incoming");
        }
        if (p == CallDisplayState.ENDED && s.outcome().isPending()) {
            return messages.get("card.outcome.pending"); // a real portal tells how a call ended seconds later
        }
        if (p == CallDisplayState.ENDED && s.outcome().state() == CallOutcome.State.UNAVAILABLE) {
            return messages.get("card.outcome.unavailable",
                    messages.get("card.outcome.missing." + s.outcome().missing().name()));
        }
        return messages.get("card.phase." + p.name());
    }

    private String phoneWords(CallerNumber phone) {
        switch (phone.kind()) {
            case HIDDEN:
                return messages.get("card.phone.hidden");
            case UNKNOWN:
                return messages.get("card.phone.unknown");
            default:
                return phone.value();
        }
    }

    private String crmWords(CallSnapshot s) {
        CrmRef primary = s.entity();
        if (primary == null) {
            return messages.get("card.crm.none");
        }
        Optional<String> name = s.crmNames().nameOf(primary);
        String words = name.isPresent()
                ? messages.get("card.crm.named." + primary.type().name(), name.get())
                : messages.get("card.crm." + primary.type().name(), String.valueOf(primary.id()));
        long others = s.bindings().stream().filter(b -> !b.equals(primary)).count();
        return others == 0 ? words : words + " · " + messages.get("card.crm.more", String.valueOf(others));
    }

    /** Why the card shows "Contact #797" and not a name; empty once the name is known. */
    private String nameHint(CrmNames names, CrmRef ref) {
        if (names.nameOf(ref).isPresent()) {
            return "";
        }
        return names.whyUnnamed(ref).map(why -> messages.get("card.crm.hint." + why.name()))
                .orElseGet(() -> messages.get("card.crm.hint.lookingUp"));
    }

    /** The primary item first, then the other bindings, each once, with its name and page when known. */
    private List<CrmBinding> bindingRows(CallSnapshot s) {
        Set<CrmRef> refs = new LinkedHashSet<>();
        if (s.entity() != null) {
            refs.add(s.entity());
        }
        refs.addAll(s.bindings());
        Optional<String> origin = pages.portalOrigin();
        List<CrmBinding> rows = new ArrayList<>();
        for (CrmRef ref : refs) {
            String id = messages.get("card.crm." + ref.type().name(), String.valueOf(ref.id()));
            String text = s.crmNames().nameOf(ref).map(n -> messages.get("card.crm.binding", n, id)).orElse(id);
            rows.add(new CrmBinding(ref, text, origin.map(o -> CrmBinding.pageOf(o, ref)).orElse("")));
        }
        return List.copyOf(rows);
    }

    /**
     * Where CRM items open from now on (the application's browser; {@link CrmPages#NONE} lists them without links).
     * The call's activity is not linked: protocol.md gives the portal's page only for leads, deals, contacts and
     * companies.
     */
    public void usePages(CrmPages crmPages) {
        pages = Objects.requireNonNull(crmPages, "crmPages");
        apply(snapshot);
    }

    /** The agent asked to open {@code binding} in Bitrix24; nothing happens for an item without a page. */
    public void open(CrmBinding binding) {
        if (binding.hasLink()) {
            pages.open(binding.url());
        }
    }

    private String lineWords(CallSnapshot s) {
        String line = !s.lineName().isBlank() ? s.lineName() : s.lineNumber();
        return line.isBlank() || s.phase() == CallDisplayState.NO_CALL ? "" : messages.get("card.line", line);
    }

    /**
     * "Busy (486)"; an undocumented code is shown verbatim, never dropped, with the portal's own words for it when
     * its record gave some.
     */
    private String failureWords(CallOutcome outcome) {
        String code = outcome.failedCode();
        String key = CallFailureCodes.messageKey(code);
        String words = key.equals(CallFailureCodes.UNKNOWN_KEY) && !outcome.failedReason().isEmpty()
                ? outcome.failedReason() : messages.get(key);
        return messages.get("card.failure", words, code);
    }

    /** One sentence for screen readers: the card read top to bottom, blanks skipped. */
    private static String joinNonEmpty(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : ". ").append(part);
            }
        }
        return sb.toString();
    }

    static String formatDuration(Duration d) {
        long seconds = d.getSeconds();
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
    }

    /** Commands to the card go through {@code channel} from now on (see {@link CardHoldViewModel#attach}). */
    public void attach(CallCardChannel channel) {
        hold.attach(channel);
    }

    /** As {@link #attach(CallCardChannel)}, where the companion may hold the card itself ("follow calls to the end"). */
    public void attach(CallCardChannel channel, HoldOwnership ownership) {
        hold.attach(channel, ownership);
    }

    /** The agent pressed the hold button. */
    public void toggleHold() {
        hold.toggle();
    }

    /** The hold button's state. */
    public CardHoldViewModel hold() {
        return hold;
    }

    /** The note field: a note to the call's CRM timeline. */
    public CallNoteViewModel note() {
        return note;
    }

    public CallSnapshot snapshot() {
        return snapshot;
    }

    public ReadOnlyObjectProperty<CallDisplayState> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty directionTextProperty() {
        return directionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phoneTextProperty() {
        return phoneText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty crmTextProperty() {
        return crmText.getReadOnlyProperty();
    }

    /** Why the primary item shows its type and id and not its name ("name not available: no portal connection"). */
    public ReadOnlyStringProperty crmHintProperty() {
        return crmHint.getReadOnlyProperty();
    }

    /** Every CRM item the call is bound to, the primary first; a new list whenever anything in it changes. */
    public ReadOnlyObjectProperty<List<CrmBinding>> bindingsProperty() {
        return bindings.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lineTextProperty() {
        return lineText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureTextProperty() {
        return failureText.getReadOnlyProperty();
    }

    /** The whole card in one sentence, for assistive technology. */
    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty talkTimeTextProperty() {
        return talkTimeText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasCallProperty() {
        return hasCall.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Whether the call ended and how is not known yet (the view mutes the state until it is). */
    public ReadOnlyBooleanProperty outcomePendingProperty() {
        return outcomePending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty talkTimeShownProperty() {
        return talkTimeShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lineShownProperty() {
        return lineShown.getReadOnlyProperty();
    }

    /** Whether the call is linked to a CRM item (the view mutes "not linked"). */
    public ReadOnlyBooleanProperty linkedProperty() {
        return linked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty callListModeProperty() {
        return callListMode.getReadOnlyProperty();
    }
}
