package io.callcard.portal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Names an {@link IOException} from OkHttp. Only the exception's class goes into the message: OkHttp's own
 * messages are safe today, but the URL of a webhook holds its secret, so nothing from them is copied.
 */
final class TransportFailures {

    private TransportFailures() {
    }

    /**
     * @param cancelled the caller cancelled this call (OkHttp then throws a plain "Canceled" IOException)
     * @param readingBody the response head had arrived and the body was being read
     */
    static PortalException classify(IOException e, String method, boolean cancelled, boolean readingBody) {
        PortalError error = errorFor(e, cancelled, readingBody);
        return PortalException.transport(error, e.getClass().getSimpleName(), method, e);
    }

    private static PortalError errorFor(IOException e, boolean cancelled, boolean readingBody) {
        if (cancelled) {
            return PortalError.CANCELLED;
        }
        if (e instanceof UnknownHostException) {
            return PortalError.DNS_FAILURE;
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return PortalError.CONNECTION_REFUSED;
        }
        if (e instanceof SSLException) {
            return PortalError.TLS_FAILURE;
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            // OkHttp reports its call timeout as a bare InterruptedIOException("timeout").
            return PortalError.TIMEOUT;
        }
        return readingBody ? PortalError.TRUNCATED_BODY : PortalError.NETWORK_ERROR;
    }
}
