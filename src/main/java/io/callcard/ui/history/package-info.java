/**
 * The call history in the window: today's calls under the card ({@link io.callcard.ui.history.TodayCallsView}) and
 * the full history in its own window ({@link io.callcard.ui.history.HistoryWindow}, Ctrl+Shift+H): a table paged from
 * the store, search, filters, the selected call's details and timeline, statistics and export.
 *
 * <p>The view-models are plain Java over {@link io.callcard.history.CallHistory}: every read runs on a background
 * executor and its result is handed to the FX thread through the executor the application gives (tests pass
 * same-thread executors and never start the toolkit). Only the newest query's answer is shown; an older one arriving
 * late is dropped. The table never holds more than a few pages of calls ({@link io.callcard.ui.history.PagedCalls}).
 */
package io.callcard.ui.history;
