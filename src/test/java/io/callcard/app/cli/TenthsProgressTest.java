package io.callcard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callcard.ui.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A long command's progress: one line a tenth, none for the last (the command says it is done). */
class TenthsProgressTest {

    @Test
    void oneLineEachTenthOfTheWayAndNoneAtTheEnd() {
        StringWriter text = new StringWriter();
        TenthsProgress progress = new TenthsProgress(new PrintWriter(text), Messages.forLocale(Locale.ENGLISH),
                "cli.seed.progress");
        for (long done = 1; done <= 1_000; done += 7) {
            progress.done(done, 1_000);
        }
        progress.done(1_000, 1_000);
        String[] lines = text.toString().strip().split("\\R");
        assertEquals(9, lines.length, text.toString());
        assertEquals(Messages.forLocale(Locale.ENGLISH).get("cli.seed.progress", 106L, 1_000L), lines[0]);
    }
}
