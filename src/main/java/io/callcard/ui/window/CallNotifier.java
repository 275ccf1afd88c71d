package io.callcard.ui.window;

import io.callcard.call.CallSnapshot;
import io.callcard.ui.Messages;
import io.callcard.ui.PreferencesModel;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.stage.Stage;

/**
 * Desktop notifications of calls: fed every snapshot in order (FX thread), it asks {@link CallNotices} what to raise
 * under the preferences in force at that moment and shows it; clicking a notification brings the window forward. The
 * popups are made with the first notice. A notice whose moment comes while the window is in front and focused is not
 * shown (the agent is looking at the card that says the same); it is spent all the same, never shown later.
 */
public final class CallNotifier implements Consumer<CallSnapshot> {

    private final Stage stage;
    private final CallNotices notices;
    private final PreferencesModel preferences;
    private NoticePopups popups;

    public CallNotifier(Stage stage, Messages messages, PreferencesModel preferences) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.notices = new CallNotices(messages);
        this.preferences = Objects.requireNonNull(preferences, "preferences");
    }

    @Override
    public void accept(CallSnapshot snapshot) {
        notices.decide(snapshot, preferences.current()).ifPresent(this::show);
    }

    private void show(CallNotice notice) {
        if (stage.isShowing() && stage.isFocused() && !stage.isIconified()) {
            return;
        }
        if (popups == null) {
            popups = new NoticePopups(stage, () -> WindowFront.bring(stage));
        }
        popups.show(notice);
    }
}
