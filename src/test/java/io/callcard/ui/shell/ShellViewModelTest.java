package io.callcard.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.ui.Messages;
import io.callcard.ui.callcard.CallCardViewModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The window's question "a portal wants to connect", without the JavaFX toolkit. */
class ShellViewModelTest {

    private final ShellViewModel shell = shellIn(Locale.ENGLISH);
    private final ConnectQuestions questions = shell.connectQuestions();
    private final List<String> answers = new ArrayList<>();

    private static ShellViewModel shellIn(Locale language) {
        Messages messages = Messages.forLocale(language);
        return new ShellViewModel(messages, new CallCardViewModel(messages, Clock.systemUTC(), Runnable::run));
    }

    /** An asker that writes down its answer, named so the order shows. */
    private Consumer<Boolean> asker(String name) {
        return allowed -> answers.add(name + "=" + allowed);
    }

    @Test
    void aQuestionIsShownUntilTheAgentAllowsAndItsAskerHearsTrueOnce() {
        assertFalse(questions.askingProperty().get());
        assertEquals("", questions.textProperty().get());

        shell.askToConnect("acme.bitrix24.com", asker("acme"));
        assertTrue(questions.askingProperty().get());
        assertEquals("acme.bitrix24.com", questions.portalDomainProperty().get());
        assertEquals("acme.bitrix24.com wants to connect to CallCard Companion. Allow only if this is your company's"
                + " Bitrix24.", questions.textProperty().get());
        assertEquals(List.of(), answers, "nobody is answered before the agent chooses");

        questions.allow();
        assertEquals(List.of("acme=true"), answers);
        assertFalse(questions.askingProperty().get());
        assertEquals("", questions.textProperty().get());
        assertEquals("", questions.portalDomainProperty().get());

        questions.allow();
        questions.ignore();
        assertEquals(List.of("acme=true"), answers, "a second press answers nobody again");
    }

    @Test
    void questionsWaitTheirTurnInTheOrderAsked() {
        shell.askToConnect("first.bitrix24.com", asker("first"));
        shell.askToConnect("second.bitrix24.de", asker("second"));
        shell.askToConnect("third.example", asker("third"));
        assertEquals("first.bitrix24.com", questions.portalDomainProperty().get());
        assertEquals(2, questions.waiting());

        questions.ignore();
        assertEquals(List.of("first=false"), answers);
        assertTrue(questions.askingProperty().get(), "the next question follows at once");
        assertTrue(questions.textProperty().get().startsWith("second.bitrix24.de wants to connect"));

        questions.allow();
        questions.ignore();
        assertEquals(List.of("first=false", "second=true", "third=false"), answers);
        assertFalse(questions.askingProperty().get());
        assertEquals(0, questions.waiting());
    }

    @Test
    void thePortalAskedAgainWhileItWaitsJoinsItsQuestionAndEveryAskerIsAnswered() {
        shell.askToConnect("acme.bitrix24.com", asker("page1"));
        shell.askToConnect("other.bitrix24.com", asker("other"));
        shell.askToConnect("ACME.bitrix24.com", asker("page2"));
        shell.askToConnect("other.bitrix24.com", asker("other2"));
        assertEquals(1, questions.waiting(), "two portals, two questions");

        questions.ignore();
        assertEquals(List.of("page1=false", "page2=false"), answers);
        questions.allow();
        assertEquals(List.of("page1=false", "page2=false", "other=true", "other2=true"), answers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "acme.bitrix24.com. Trusted by your IT department",
            "acme.bitrix24.com/rest", "https://acme.bitrix24.com", "<b>acme</b>", "acme..bitrix24.com",
            "-acme.bitrix24.com", "acme.bitrix24.com\nAllow"})
    void aNameThatIsNotAHostIsIgnoredWithoutAsking(String notAHost) {
        shell.askToConnect(notAHost, asker("page"));
        assertEquals(List.of("page=false"), answers);
        assertFalse(questions.askingProperty().get());
        assertEquals("", questions.textProperty().get());
    }

    @Test
    void aHostWithAPortMayAsk() {
        shell.askToConnect("portal.example.com:8443", asker("page"));
        assertEquals("portal.example.com:8443", questions.portalDomainProperty().get());
    }

    @Test
    void anAskerAskingAgainInItsAnswerWaitsBehindTheQuestionsAlreadyAsked() {
        shell.askToConnect("first.bitrix24.com", allowed -> {
            answers.add("first=" + allowed);
            shell.askToConnect("first.bitrix24.com", asker("first-again"));
        });
        shell.askToConnect("second.bitrix24.com", asker("second"));

        questions.ignore();
        assertEquals("second.bitrix24.com", questions.portalDomainProperty().get());
        questions.ignore();
        assertEquals("first.bitrix24.com", questions.portalDomainProperty().get());
        questions.allow();
        assertEquals(List.of("first=false", "second=false", "first-again=true"), answers);
    }

    @Test
    void anAskerThatFailsNeitherCostsTheOthersTheirAnswerNorStopsTheQueue() {
        IllegalStateException broken = new IllegalStateException("broken asker");
        shell.askToConnect("acme.bitrix24.com", allowed -> {
            throw broken;
        });
        shell.askToConnect("acme.bitrix24.com", asker("page2"));
        shell.askToConnect("next.bitrix24.com", asker("next"));

        assertSame(broken, assertThrows(IllegalStateException.class, questions::allow));
        assertEquals(List.of("page2=true"), answers);
        assertEquals("next.bitrix24.com", questions.portalDomainProperty().get());
    }

    @Test
    void theQuestionIsAskedInRussianToo() {
        ConnectQuestions russian = shellIn(Locale.forLanguageTag("ru")).connectQuestions();
        russian.ask("acme.bitrix24.ru", asker("page"));
        assertEquals("acme.bitrix24.ru хочет подключиться к CallCard Companion. Разрешайте, только если это"
                + " Битрикс24 вашей компании.", russian.textProperty().get());
    }
}
