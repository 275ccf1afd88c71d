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
import io.callcard.numbers.NumberRegions;
import io.callcard.prefs.Preferences;
import io.callcard.ui.Messages;
import io.callcard.ui.PreferencesModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
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
    private PreferencesModel preferences;
    private Supplier<Optional<String>> portalLanguage = Optional::empty;
    private Locale systemLocale = Locale.getDefault();
    private NumberClipboard clipboard;
    private CardNumber number = CardNumber.NONE;
    private CallerNumber readPhone;
    private String readRegion;
    private CardNumber readNumber;

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
    private final ReadOnlyStringWrapper headlineText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timerCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper timerShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper closeCountdownText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper closeCountdownShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper ticking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper dialledNumber = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canCopy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper copyStatusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canOpenPrimary = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper activityUrl = new ReadOnlyStringWrapper("");

    public CallCardViewModel(Messages messages, Clock clock, Executor ui) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hold = new CardHoldViewModel(messages, ui);
        this.note = new CallNoteViewModel(messages, ui);
        apply(CallSnapshot.EMPTY);
    }

    /** Show {@code s}. */
    public void apply(CallSnapshot s) {
        CallSnapshot before = snapshot;
        snapshot = Objects.requireNonNull(s, "snapshot");
        CallDisplayState p = s.phase();
        hasCall.set(p != CallDisplayState.NO_CALL);
        stateText.set(stateWords(p, s));
        outcomePending.set(p != CallDisplayState.NO_CALL && s.outcome().isPending());
        directionText.set(p == CallDisplayState.NO_CALL ? "" : messages.get("card.direction." + s.direction().name()));
        // no number is read before the first call: libphonenumber's metadata stays unloaded until then
        CardNumber read = p == CallDisplayState.NO_CALL ? CardNumber.NONE : numberOf(s.phone());
        if (!read.dialled().equals(number.dialled()) || !Objects.equals(before.callId(), s.callId())) {
            copyStatusText.set(""); // "copied" speaks of the number copied, not of the next one
        }
        number = read;
        dialledNumber.set(read.dialled());
        canCopy.set(clipboard != null && read.canCopy());
        phoneText.set(p == CallDisplayState.NO_CALL ? messages.get("card.hint.noCall") : read.text());
        crmText.set(p == CallDisplayState.NO_CALL ? "" : crmWords(s));
        crmHint.set(p == CallDisplayState.NO_CALL || s.entity() == null ? "" : nameHint(s.crmNames(), s.entity()));
        bindings.set(p == CallDisplayState.NO_CALL ? List.of() : bindingRows(s));
        canOpenPrimary.set(!bindings.get().isEmpty() && bindings.get().get(0).hasLink());
        activityUrl.set(p == CallDisplayState.NO_CALL || s.activityId() == null ? ""
                : pages.portalOrigin().map(o -> CrmBinding.activityPageOf(o, s.activityId())).orElse(""));
        headlineText.set(p == CallDisplayState.NO_CALL ? "" : headline(s, read));
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

    /** Move the times on (talk, ring, close countdown); the view calls this once a second while {@link #tickingProperty}. */
    public void tick() {
        Instant now = clock.instant();
        boolean shown = snapshot.wasConnected();
        talkTimeShown.set(shown);
        talkTimeText.set(shown ? formatDuration(snapshot.talkTime(now)) : "");
        CardTimer timer = CardTimer.of(snapshot, now, messages);
        timerCaption.set(timer.caption());
        timerText.set(timer.text());
        timerShown.set(timer.shown());
        closeCountdownText.set(CardTimer.closeCountdown(snapshot, now, messages));
        closeCountdownShown.set(!closeCountdownText.get().isEmpty());
        CallDisplayState p = snapshot.phase();
        ticking.set(p == CallDisplayState.CONNECTING || p == CallDisplayState.CONNECTED
                || snapshot.closeCountdownRuns());
    }

    /** The CRM item's name once known, else the number as read (or the words for a hidden or unknown one). */
    private String headline(CallSnapshot s, CardNumber read) {
        return s.entity() == null ? read.text() : s.crmNames().nameOf(s.entity()).orElse(read.text());
    }

    /** The number read once per number and region: a call's many snapshots mostly repeat them. */
    private CardNumber numberOf(CallerNumber phone) {
        String region = numberRegion();
        if (!phone.equals(readPhone) || !region.equals(readRegion)) {
            readNumber = CardNumber.of(phone, region, messages);
            readPhone = phone;
            readRegion = region;
        }
        return readNumber;
    }

    /**
     * The region numbers without a country code are read in: the agent's, else the portal's language's, else ours.
     * The history reads its numbers in the same one. FX thread.
     */
    public String numberRegion() {
        String chosen = preferences == null ? null : preferences.current().numberRegion();
        return NumberRegions.choose(chosen, portalLanguage.get().orElse(null), systemLocale);
    }

    /**
     * Numbers are read in the region of {@code model}'s {@code numberRegion} from now on, and read again at once when
     * it changes (FX thread).
     */
    public void usePreferences(PreferencesModel model) {
        this.preferences = Objects.requireNonNull(model, "model");
        model.currentProperty().addListener((obs, old, now) -> {
            if (!Objects.equals(regionOf(old), regionOf(now))) {
                apply(snapshot);
            }
        });
        apply(snapshot);
    }

    private static String regionOf(Preferences p) {
        return p == null ? null : p.numberRegion();
    }

    /** The portal's two-letter language, asked at each snapshot (empty when not known): it guesses the region. */
    public void usePortalLanguage(Supplier<Optional<String>> language) {
        this.portalLanguage = Objects.requireNonNull(language, "language");
        apply(snapshot);
    }

    /** The system's locale, the last guess at the region (tests set it; the application keeps the JVM's). */
    public void useSystemLocale(Locale locale) {
        this.systemLocale = Objects.requireNonNull(locale, "locale");
        apply(snapshot);
    }

    /** Where {@link #copyNumber} puts the number: until this is given, there is no copying. */
    public void useClipboard(NumberClipboard numbers) {
        this.clipboard = Objects.requireNonNull(numbers, "numbers");
        apply(snapshot);
    }

    /** Copies the number as dialled (E.164) to the clipboard; nothing when there is none (hidden, unknown). */
    public void copyNumber() {
        if (!canCopy.get()) {
            return;
        }
        clipboard.put(number.dialled());
        copyStatusText.set(messages.get("card.copy.done", number.dialled()));
    }

    /** Opens the primary CRM item's page in Bitrix24; nothing when it has none. */
    public void openPrimary() {
        if (canOpenPrimary.get()) {
            open(bindings.get().get(0));
        }
    }

    /** Opens the call's CRM activity in Bitrix24; nothing when there is none or no portal page. */
    public void openActivity() {
        if (!activityUrl.get().isEmpty()) {
            pages.open(activityUrl.get());
        }
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
     * The call's activity opens at the portal's activity page (protocol.md §4).
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
        return CardTimer.format(d);
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

    /** The CRM name when known, else the number for reading (or "Hidden number"); empty before the first call. */
    public ReadOnlyStringProperty headlineTextProperty() {
        return headlineText.getReadOnlyProperty();
    }

    /** The time in the current state: ringing while connecting, talk time while connected, the final one after. */
    public ReadOnlyStringProperty timerTextProperty() {
        return timerText.getReadOnlyProperty();
    }

    /** What {@link #timerTextProperty} measures ("Ringing for", "Talk time", "Talked"). */
    public ReadOnlyStringProperty timerCaptionProperty() {
        return timerCaption.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty timerShownProperty() {
        return timerShown.getReadOnlyProperty();
    }

    /** "Card closes in 0:48" while Bitrix24's held card counts down its 65 seconds after BeforeClose; else empty. */
    public ReadOnlyStringProperty closeCountdownTextProperty() {
        return closeCountdownText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty closeCountdownShownProperty() {
        return closeCountdownShown.getReadOnlyProperty();
    }

    /** Whether something on the card moves with the clock: the view ticks only then (an idle card costs nothing). */
    public ReadOnlyBooleanProperty tickingProperty() {
        return ticking.getReadOnlyProperty();
    }

    /** The number as dialled (E.164), what copying puts on the clipboard; empty when hidden or unknown. */
    public ReadOnlyStringProperty dialledNumberProperty() {
        return dialledNumber.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCopyProperty() {
        return canCopy.getReadOnlyProperty();
    }

    /** "Copied +74951234567" after a copy, until the number changes. */
    public ReadOnlyStringProperty copyStatusTextProperty() {
        return copyStatusText.getReadOnlyProperty();
    }

    /** Whether the primary CRM item has a page to open in Bitrix24. */
    public ReadOnlyBooleanProperty canOpenPrimaryProperty() {
        return canOpenPrimary.getReadOnlyProperty();
    }

    /** The call's CRM activity on the portal ({@code /crm/activity/?open_view=ID}, protocol.md §4), or empty. */
    public ReadOnlyStringProperty activityUrlProperty() {
        return activityUrl.getReadOnlyProperty();
    }
}
