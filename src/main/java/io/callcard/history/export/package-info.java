/**
 * Export of a filtered set of history calls to a file: CSV (RFC 4180, UTF-8, a header row, Apache Commons CSV) or
 * JSON (Jackson's streaming writer), one call at a time from {@link io.callcard.history.CallHistory#forEach}, so a
 * million calls never sit in memory. The history pane and {@code callcard history export} both use
 * {@link io.callcard.history.export.HistoryExporter}; the columns are named once, in
 * {@link io.callcard.history.export.ExportColumn}. The rules are in {@code src/site/markdown/history.md} ("Export").
 */
package io.callcard.history.export;
