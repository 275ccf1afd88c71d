package io.callcard.listener;

import com.sun.net.httpserver.HttpExchange;

/** Mounted at {@code /}: every path no other route claims gets a JSON 404. */
final class NotFoundRoute extends JsonExchangeHandler {

    @Override
    protected void serve(HttpExchange exchange) {
        throw RequestRejected.notFound();
    }
}
