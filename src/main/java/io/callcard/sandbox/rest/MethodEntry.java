package io.callcard.sandbox.rest;

/** A method as the dispatcher keeps it: the scope it needs (null for none) and its implementation. */
record MethodEntry(String scope, RestMethod method) {
}
