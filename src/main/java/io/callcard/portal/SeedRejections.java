package io.callcard.portal;

import java.util.Locale;

/**
 * Tells whether a failure of {@code placement.call} or {@code placement.bindEvent} means "this portal does not take
 * the seed transport" (protocol.md §1): method not found (404 or 400, under whatever spelling), or an
 * authorisation type the method refuses. Such a failure becomes {@link PortalError#SEED_TRANSPORT_UNSUPPORTED},
 * once, with no retry: asking again cannot change the answer.
 */
final class SeedRejections {

    private SeedRejections() {
    }

    static boolean isRejection(PortalException e) {
        PortalError error = e.error();
        if (error == PortalError.ERROR_METHOD_NOT_FOUND || error == PortalError.WRONG_AUTH_TYPE) {
            return true;
        }
        return mentionsMissingMethod(e.rawCode()) || mentionsMissingMethod(e.description());
    }

    /** "ERROR_METHOD_NOT_FOUND", "METHOD_NOT_FOUND", "Method not found!", "method placement.call not found". */
    private static boolean mentionsMissingMethod(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('_', ' ');
        return t.matches("(?s).*\\bmethod\\b.*\\bnot found\\b.*");
    }

    static PortalException unsupported(PortalException rejection, String method) {
        return new PortalException(PortalError.SEED_TRANSPORT_UNSUPPORTED, rejection.rawCode(),
                rejection.description(), rejection.httpStatus(), method, rejection);
    }
}
