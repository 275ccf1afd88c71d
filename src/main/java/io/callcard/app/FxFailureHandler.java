package io.callcard.app;

import io.callcard.ui.shell.ErrorDialog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * What happens to an exception that escapes an event handler on the JavaFX thread: it is logged with its trace and
 * shown in the {@link ErrorDialog}, and the application keeps running (the toolkit goes on with the next event). The
 * same failure again (same type, thrown from the same place) is logged only: a handler that fails on every mouse
 * move must not bury the window under dialogs. Installed on the FX thread at start-up; {@link #uninstall} puts the
 * previous handler back.
 */
final class FxFailureHandler implements Thread.UncaughtExceptionHandler {

    private final ErrorDialog dialog;
    private final Thread fxThread;
    private final Thread.UncaughtExceptionHandler previous;
    private final Set<String> shown = new HashSet<>();

    private FxFailureHandler(ErrorDialog dialog, Thread fxThread) {
        this.dialog = Objects.requireNonNull(dialog, "dialog");
        this.fxThread = fxThread;
        this.previous = fxThread.getUncaughtExceptionHandler();
    }

    /** Call on the FX thread. */
    static FxFailureHandler installOnThisThread(ErrorDialog dialog) {
        FxFailureHandler handler = new FxFailureHandler(dialog, Thread.currentThread());
        handler.fxThread.setUncaughtExceptionHandler(handler);
        return handler;
    }

    void uninstall() {
        if (fxThread.getUncaughtExceptionHandler() == this) {
            fxThread.setUncaughtExceptionHandler(previous);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        LoggerFactory.getLogger(FxFailureHandler.class)
                .error("Unexpected failure on the JavaFX thread; the application carries on", failure);
        if (!shown.add(signature(failure))) {
            return;
        }
        try {
            dialog.show(details(failure));
        } catch (RuntimeException dialogFailed) {
            // the toolkit itself may be what fails: the log has it, and a second dialog attempt would fail alike
            LoggerFactory.getLogger(FxFailureHandler.class).error("The error dialog could not be shown", dialogFailed);
        }
    }

    /** Type and the place it was thrown from: what makes two failures "the same" for the dialog. */
    private static String signature(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return failure.getClass().getName() + (trace.length == 0 ? "" : " at " + trace[0]);
    }

    private static String details(Throwable failure) {
        StringWriter text = new StringWriter();
        text.append("CallCard Companion ").append(AppVersion.current()).append(System.lineSeparator());
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
