package io.callcard.ui.callcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallerNumber;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmNames;
import io.callcard.call.CrmRef;
import io.callcard.testing.UiTest;
import io.callcard.ui.Messages;
import io.callcard.ui.Palette;
import io.callcard.ui.PngSnapshots;
import io.callcard.wire.CardCallState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The card with a name and several bindings, headless: what it says, what its links open, and a PNG to look at. */
@UiTest
class CardCrmBindingsViewTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final CrmRef CONTACT = new CrmRef(CrmEntityType.CONTACT, 797);
    private static final CrmRef COMPANY = new CrmRef(CrmEntityType.COMPANY, 31);
    private static final CrmRef DEAL = new CrmRef(CrmEntityType.DEAL, 4615);

    private final List<String> opened = new CopyOnWriteArrayList<>();
    private CallCardViewModel vm;
    private CallCardView card;

    @BeforeEach
    void showCard() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            vm = new CallCardViewModel(messages, Clock.fixed(T0.plusSeconds(75), ZoneOffset.UTC), Runnable::run);
            vm.usePages(new CrmPages() {
                @Override
                public Optional<String> portalOrigin() {
                    return Optional.of("https://acme.bitrix24.com");
                }

                @Override
                public void open(String url) {
                    opened.add(url);
                }
            });
            card = new CallCardView(vm, messages);
            StackPane root = new StackPane(card);
            root.getStylesheets().add(Palette.STYLESHEET);
            stage.setScene(new Scene(root, 420, 520));
            stage.sizeToScene();
            stage.show();
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theCardNamesItsContactAndLinksEveryBinding() throws Exception {
        CallSnapshot s = CallStateReducer.reduce(CallSnapshot.EMPTY, new CallEvent.WidgetOpened(T0,
                new CallCardStatus("C1", CallerNumber.of("+4930123456"), "reg1", "Berlin sales", CONTACT,
                        List.of(CONTACT, COMPANY, DEAL), null, CallDirection.INCOMING, CardCallState.CONNECTED,
                        false)));
        for (CrmNames names : List.of(CrmNames.found(CONTACT, "Ivan Petrov"),
                CrmNames.found(COMPANY, "Berlin Logistics GmbH"), CrmNames.found(DEAL, "Forklift lease 2027"))) {
            s = CallStateReducer.reduce(s, new CallEvent.CrmNamesLearned(T0.plusSeconds(1), "C1", T0, names));
        }
        CallSnapshot shown = s;
        WaitForAsyncUtils.asyncFx(() -> {
            vm.apply(shown);
            card.applyCss();
            card.layout();
        }).get(5, TimeUnit.SECONDS);

        assertEquals("Ivan Petrov \u00b7 Contact \u00b7 +2 more", ((Label) card.lookup("#crm")).getText());
        Hyperlink company = (Hyperlink) card.lookup("#open-company-31");
        assertEquals("Open in Bitrix24", company.getText());
        assertTrue(company.isVisible());
        WaitForAsyncUtils.asyncFx(company::fire).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("https://acme.bitrix24.com/crm/company/details/31/"), opened);

        Path png = PngSnapshots.save(card, "call-card-crm-names");
        assertTrue(Files.size(png) > 0, png.toString());
    }
}
