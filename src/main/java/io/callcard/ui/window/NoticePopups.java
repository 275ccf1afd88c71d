package io.callcard.ui.window;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Shows a {@link CallNotice} as a ControlsFX notification beside the window, with the style classes {@code call-notice}
 * and {@code call-notice-incoming} / {@code -missed} / {@code -failed} for the themes. Its own class so the ControlsFX
 * classes load with the first notice, never on the start-up path (the first {@code Notifications.create()} costs
 * noticeably on some machines).
 */
final class NoticePopups {

    /** Long enough to read a name and reach for the phone; a missed or failed call stays a little longer. */
    private static final Duration RINGING = Duration.seconds(10);
    private static final Duration AFTER = Duration.seconds(15);

    private final Stage owner;
    private final Runnable clicked;

    NoticePopups(Stage owner, Runnable clicked) {
        this.owner = owner;
        this.clicked = clicked;
    }

    void show(CallNotice notice) {
        Notifications.create()
                .owner(owner)
                .position(Pos.BOTTOM_RIGHT)
                .title(notice.title())
                .text(notice.text())
                .styleClass("call-notice", "call-notice-" + notice.kind().name().toLowerCase(Locale.ROOT))
                .hideAfter(notice.kind() == CallNotice.Kind.INCOMING ? RINGING : AFTER)
                .onAction(e -> clicked.run())
                .show();
    }
}
