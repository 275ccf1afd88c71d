package io.callcard.listener;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.callcard.wire.WireFormatException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into answers: a {@link RequestRejected} becomes its JSON error, so does what a
 * wire decoder refused ({@link WireFormatException}, a 400), and anything else unexpected a bare 500 that tells the
 * client nothing about our internals or its own request.
 */
abstract class JsonExchangeHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonExchangeHandler.class);

    /** Answers the exchange; may throw {@link RequestRejected}. */
    protected abstract void serve(HttpExchange exchange) throws IOException;

    @Override
    public final void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (RequestRejected rejected) {
            answer(exchange, rejected);
        } catch (WireFormatException refused) {
            answer(exchange, RequestRejected.of(refused));
        } catch (IOException clientGone) {
            // the peer closed or stalled mid-exchange: there is nobody left to answer
            log.debug("Exchange on {} ended early: {}", exchange.getRequestURI().getRawPath(), clientGone.toString());
        } catch (RuntimeException bug) {
            // path only: the query string and the body may carry tokens
            log.error("Request to {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    bug);
            answerInternalError(exchange);
        } finally {
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, RequestRejected rejected) {
        if (exchange.getResponseCode() != -1) {
            return; // headers already went out; nothing more can be said
        }
        try {
            JsonResponses.sendRejection(exchange, rejected);
        } catch (IOException clientGone) {
            log.debug("Could not send {} rejection: {}", rejected.code(), clientGone.toString());
        }
    }

    private static void answerInternalError(HttpExchange exchange) {
        if (exchange.getResponseCode() != -1) {
            return;
        }
        try {
            JsonResponses.send(exchange, 500, JsonResponses.error("internal_error", "the listener failed"));
        } catch (IOException | RuntimeException secondFailure) {
            log.debug("Could not send internal_error: {}", secondFailure.toString());
        }
    }
}
