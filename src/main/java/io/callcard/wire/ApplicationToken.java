package io.callcard.wire;

import java.util.regex.Pattern;

/**
 * The shape of a portal's {@code application_token}, the value {@code /bitrix/events} checks every post's
 * {@code auth[application_token]} against (protocol.md). One rule for the two places it is typed: the command
 * {@code portal app-token} and the settings window.
 */
public final class ApplicationToken {

    /** What Bitrix24 hands out: 32 characters in practice; printable, no spaces, within sane bounds. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.\\-]{16,256}");

    private ApplicationToken() {
    }

    /** Whether {@code typed} (as typed: surrounding spaces are not taken away) can be a portal's token. */
    public static boolean isWellFormed(String typed) {
        return typed != null && TOKEN.matcher(typed).matches();
    }
}
