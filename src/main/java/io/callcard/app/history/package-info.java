/**
 * The application's history tools, where the history meets parts it may not import: the sandbox's made-up calls
 * turned into history records ({@link io.callcard.app.history.SeededHistory}, for {@code callcard sandbox seed}), and
 * the portal's call records reconciled with what the companion heard ({@link io.callcard.app.history.PortalReconciliation},
 * for {@code callcard history import --from-portal} and the optional background job). The history itself imports
 * neither the sandbox nor the portal; the rules are in {@code src/site/markdown/history.md}.
 */
package io.callcard.app.history;
