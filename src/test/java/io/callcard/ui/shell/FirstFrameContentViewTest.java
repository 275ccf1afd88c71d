package io.callcard.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.call.CallCardStatus;
import io.callcard.call.CallDirection;
import io.callcard.call.CallEvent;
import io.callcard.call.CallSnapshot;
import io.callcard.call.CallStateReducer;
import io.callcard.call.CallerNumber;
import io.callcard.testing.UiTest;
import io.callcard.ui.Messages;
import io.callcard.ui.PngSnapshots;
import io.callcard.ui.UiExecutor;
import io.callcard.ui.callcard.CallCardViewModel;
import io.callcard.wire.CardCallState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window's content as its first frame is drawn ({@link ShellView#withScrollingLater}): an idle card without
 * its scroll pane and without any button or link (their skins and input maps wait), then the scroll pane joining
 * after that frame without moving a pixel, and the copy row built under the number with the first call. Headless on
 * Monocle; the two frames are saved as PNGs.
 */
@UiTest
class FirstFrameContentViewTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private CallCardViewModel card;
    private ShellView shell;

    @BeforeEach
    void showFirstFrame() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Messages messages = Messages.forLocale(Locale.ENGLISH);
            card = new CallCardViewModel(messages, Clock.fixed(T0.plusSeconds(75), ZoneOffset.UTC), new UiExecutor());
            shell = ShellView.withScrollingLater(new ShellViewModel(messages, card), messages, () -> { });
            stage.setScene(new Scene(shell, 420, 600));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theFirstFrameHoldsNoControlButLabelsAndTheScrollPaneJoinsWithoutMovingAPixel() throws Exception {
        assertEquals(0, onFx(() -> shell.lookupAll(".scroll-pane").size()), "no scroll pane in the first frame");
        assertEquals(0, onFx(() -> shell.lookupAll(".scroll-bar").size()), "no scroll bars in the first frame");
        assertEquals(0, onFx(() -> shell.lookupAll(".button").size()), "no button in the first frame");
        assertEquals(0, onFx(() -> shell.lookupAll(".hyperlink").size()), "no link in the first frame");
        Bounds cardBefore = onFx(() -> inScene(shell.lookup("#call-card")));
        Bounds sourceBefore = onFx(() -> inScene(shell.lookup("#card-source")));
        int[] before = onFx(this::pixels);
        PngSnapshots.save(shell, "first-frame-0-without-scroll-pane");

        WaitForAsyncUtils.asyncFx(shell::addScrolling).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        ScrollPane scroller = onFx(() -> (ScrollPane) shell.lookup(".content-scroller"));
        assertNotNull(scroller, "the card is in its scroll pane now");
        assertSame(scroller, shell.getCenter());
        assertTrue(onFx(() -> isInside(shell.lookup("#call-card"), scroller)), "the card scrolls with the pane");
        Node viewport = onFx(() -> scroller.lookup(".viewport"));
        assertNotNull(viewport, "the scroll pane's skin is made");
        assertFalse(viewport.isCache(), "its viewport is drawn directly, as in a window made whole");
        assertEquals(cardBefore, onFx(() -> inScene(shell.lookup("#call-card"))), "the card did not move");
        assertEquals(sourceBefore, onFx(() -> inScene(shell.lookup("#card-source"))), "the source line did not move");
        assertArrayEquals(before, onFx(this::pixels), "the window looks exactly as in its first frame");
        PngSnapshots.save(shell, "first-frame-1-scroll-pane-joined");

        WaitForAsyncUtils.asyncFx(shell::addScrolling).get(5, TimeUnit.SECONDS);
        assertSame(scroller, shell.getCenter(), "asked again, nothing changes");
    }

    @Test
    void theCopyRowIsBuiltUnderTheNumberWithTheFirstCall() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::addScrolling).get(5, TimeUnit.SECONDS);
        assertEquals(0, onFx(() -> shell.lookupAll("#copy-number").size()), "nothing to copy before a call");

        WaitForAsyncUtils.asyncFx(() -> card.apply(CallStateReducer.reduce(CallSnapshot.EMPTY,
                new CallEvent.WidgetOpened(T0, new CallCardStatus("C1", CallerNumber.of("+4930123456"), "reg1",
                        "Berlin sales", null, List.of(), null, CallDirection.INCOMING, CardCallState.CONNECTING,
                        false))))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        Node copy = onFx(() -> shell.lookup("#copy-number"));
        assertNotNull(copy, "the copy button came with the call");
        assertTrue(copy.isVisible());
        List<Node> cardParts = onFx(() -> ((Parent) shell.lookup("#call-card")).getChildrenUnmodifiable());
        int phone = cardParts.indexOf(onFx(() -> shell.lookup("#phone")));
        assertTrue(phone >= 0);
        assertSame(copy.getParent(), cardParts.get(phone + 1), "the copy row lies right under the number");
        PngSnapshots.save(shell, "first-frame-2-first-call");
    }

    private int[] pixels() {
        Scene scene = shell.getScene();
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }
}
