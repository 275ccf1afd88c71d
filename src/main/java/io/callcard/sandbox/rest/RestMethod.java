package io.callcard.sandbox.rest;

/** One REST method of the sandbox portal; throws {@link RestError} for the answers Bitrix24 gives as errors. */
@FunctionalInterface
interface RestMethod {

    /** Lists page by this many items, as Bitrix24 does. */
    int PAGE_SIZE = 50;

    RestResult call(RestCall call);
}
