package io.callcard.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads one secret the way a terminal user expects: typed without echo when there is a terminal, else one line of
 * standard input (piped from a password manager or a script). Never from the command line: arguments end up in
 * shell history and process lists.
 */
final class SecretPrompt {

    private final BufferedReader piped;

    /** From the terminal, or standard input when there is none. */
    SecretPrompt() {
        this(null);
    }

    /** From {@code input} instead (tests). */
    SecretPrompt(BufferedReader input) {
        this.piped = input;
    }

    /** The text typed after {@code prompt}, stripped; null at end of input. */
    String read(String prompt) throws IOException {
        Console console = piped == null ? System.console() : null;
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? null : new String(typed).strip();
        }
        BufferedReader in = piped != null ? piped
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? null : line.strip();
    }
}
