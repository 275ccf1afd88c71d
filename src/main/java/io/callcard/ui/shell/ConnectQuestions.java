package io.callcard.ui.shell;

import io.callcard.ui.Messages;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's question "acme.bitrix24.com wants to connect: Allow / Ignore", asked when, with no portal configured,
 * a widget form proven by the portal it names would introduce that portal (security.md). One question at a time, in
 * the order asked; every asker is answered exactly once, on the FX thread, with the agent's choice. The same portal
 * asked again while its question waits joins that question (a page posting its form in a loop cannot bury the agent
 * in questions). A name that is not a host name is ignored without asking: only a plain host may stand in the
 * sentence the agent is asked to trust. FX thread only; plain Java, so tests need no toolkit.
 */
public final class ConnectQuestions {

    /** A host name, optionally with a port: letters, digits, dots and hyphens, the way a portal's DOMAIN comes. */
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
            + "(:[0-9]{1,5})?");
    private static final int LONGEST_HOST = 253;

    /** A portal waiting for the agent's answer, with everyone who asked about it. */
    private record Question(String portalDomain, List<Consumer<Boolean>> askers) {
    }

    private final Messages messages;
    private final Deque<Question> questions = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper asking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper portalDomain = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    public ConnectQuestions(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** Asks the agent whether {@code portalDomain} may connect; {@code answer} gets true for Allow, false for Ignore. */
    public void ask(String portalDomain, Consumer<Boolean> answer) {
        Objects.requireNonNull(answer, "answer");
        String domain = portalDomain == null ? "" : portalDomain.strip().toLowerCase(Locale.ROOT);
        if (domain.length() > LONGEST_HOST || !HOST.matcher(domain).matches()) {
            answer.accept(false);
            return;
        }
        for (Question waiting : questions) {
            if (waiting.portalDomain().equals(domain)) {
                waiting.askers().add(answer);
                return;
            }
        }
        List<Consumer<Boolean>> askers = new ArrayList<>();
        askers.add(answer);
        questions.addLast(new Question(domain, askers));
        if (questions.size() == 1) {
            showFirst();
        }
    }

    /** The agent allows the portal shown; the next question, if any, takes its place. */
    public void allow() {
        answer(true);
    }

    /** The agent ignores the portal shown; the next question, if any, takes its place. */
    public void ignore() {
        answer(false);
    }

    /** How many questions wait behind the one shown. */
    public int waiting() {
        return Math.max(0, questions.size() - 1);
    }

    /** Whether a question is on screen. */
    public ReadOnlyBooleanProperty askingProperty() {
        return asking.getReadOnlyProperty();
    }

    /** The portal the question shown is about ("" when none is). */
    public ReadOnlyStringProperty portalDomainProperty() {
        return portalDomain.getReadOnlyProperty();
    }

    /** The question's words ("" when none is shown). */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Words the question shown again, in the language {@link Messages} speaks now. */
    public void sayAgain() {
        showFirst();
    }

    private void answer(boolean allowed) {
        Question answered = questions.pollFirst();
        if (answered == null) {
            return; // a second press after the answer: the asker has its one answer already
        }
        showFirst(); // before the askers run, so one that asks again lands behind the next question
        RuntimeException failed = null;
        for (Consumer<Boolean> asker : answered.askers()) {
            try {
                asker.accept(allowed);
            } catch (RuntimeException e) { // every asker gets its answer, whatever one of them does with it
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private void showFirst() {
        Question first = questions.peekFirst();
        portalDomain.set(first == null ? "" : first.portalDomain());
        text.set(first == null ? "" : messages.get("connect.question", first.portalDomain()));
        asking.set(first != null);
    }
}
