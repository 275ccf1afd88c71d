package io.callcard.sandbox.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * Finds a method by name (case-insensitive, {@code .json} suffix optional, as Bitrix24 allows), checks the credential's
 * scope and runs it. Used for direct requests and for each command of a batch alike; each is counted.
 */
final class RestDispatcher {

    private final Map<String, MethodEntry> methods;
    private final MethodCounts counts;

    RestDispatcher(Map<String, MethodEntry> methods, MethodCounts counts) {
        this.methods = Map.copyOf(methods);
        this.counts = counts;
    }

    static String normalise(String method) {
        String name = method.toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    RestResult dispatch(String method, ObjectNode params, Credential credential) {
        String name = normalise(method);
        counts.count(name);
        MethodEntry entry = methods.get(name);
        if (entry == null) {
            throw RestError.methodNotFound();
        }
        if (!credential.grants(entry.scope())) {
            throw RestError.insufficientScope(credential.webhook());
        }
        return entry.method().call(new RestCall(name, params, credential));
    }
}
