package io.callcard.ui.history;

import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.ObservableListBase;

/**
 * The history table's rows: as many as the query matches, but only a few pages of them held. A row not held reads as
 * null (the table draws it empty) and asks for its page, which the store reads on the background executor; when it
 * arrives on the FX thread the rows it fills are announced as replaced, and the page least recently read is dropped
 * once more than {@link #PAGES_KEPT} are held. A new query ({@link #show}) starts afresh: pages of the old one arriving
 * late are dropped.
 */
public final class PagedCalls extends ObservableListBase<HistoryCall> {

    /** Reads one page of a query, on the background executor (the store's {@code page}). */
    @FunctionalInterface
    public interface PageSource {
        List<HistoryCall> page(HistoryQuery query, long offset, int limit);
    }

    static final int PAGE_SIZE = 100;
    static final int PAGES_KEPT = 8;

    private final Executor background;
    private final Executor ui;
    private final Consumer<RuntimeException> failed;
    /** Page number to its rows, least recently read first. */
    private final Map<Integer, List<HistoryCall>> pages = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<Integer> loading = new HashSet<>();
    private PageSource source;
    private HistoryQuery query;
    private int size;
    private long generation;

    public PagedCalls(Executor background, Executor ui, Consumer<RuntimeException> failed) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.failed = Objects.requireNonNull(failed, "failed");
    }

    /** Shows {@code query}'s {@code count} calls, of which the first page is already read. FX thread. */
    void show(PageSource from, HistoryQuery shown, long count, List<HistoryCall> firstPage) {
        generation++;
        source = Objects.requireNonNull(from, "from");
        query = Objects.requireNonNull(shown, "shown");
        pages.clear();
        loading.clear();
        int before = size;
        size = (int) Math.min(count, Integer.MAX_VALUE);
        if (!firstPage.isEmpty()) {
            pages.put(0, List.copyOf(firstPage));
        }
        beginChange();
        if (before > 0) {
            nextRemove(0, Collections.nCopies(before, null));
        }
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
    }

    /**
     * The query's count landed: the rows become {@code count} long (the pages already held stay). The size shown until
     * then was the first page's. FX thread.
     */
    void settle(long count) {
        int before = size;
        size = (int) Math.min(count, Integer.MAX_VALUE);
        if (size == before) {
            return;
        }
        beginChange();
        if (size > before) {
            nextAdd(before, size);
        } else {
            nextRemove(size, Collections.nCopies(before - size, null));
        }
        endChange();
    }

    /** Empties the list (no store, or the query failed). FX thread. */
    void empty() {
        generation++;
        pages.clear();
        loading.clear();
        int before = size;
        size = 0;
        if (before > 0) {
            beginChange();
            nextRemove(0, Collections.nCopies(before, null));
            endChange();
        }
    }

    @Override
    public HistoryCall get(int index) {
        Objects.checkIndex(index, size);
        int page = index / PAGE_SIZE;
        List<HistoryCall> rows = pages.get(page);
        if (rows == null) {
            request(page);
            rows = pages.get(page); // a same-thread executor (tests) has read it already
            if (rows == null) {
                return null;
            }
        }
        int at = index % PAGE_SIZE;
        return at < rows.size() ? rows.get(at) : null;
    }

    @Override
    public int size() {
        return size;
    }

    /** How many calls are held now: never more than {@link #PAGES_KEPT} pages. */
    int heldRows() {
        return pages.values().stream().mapToInt(List::size).sum();
    }

    private void request(int page) {
        if (!loading.add(page)) {
            return;
        }
        long asked = generation;
        PageSource from = source;
        HistoryQuery shown = query;
        background.execute(() -> {
            List<HistoryCall> rows;
            try {
                rows = from.page(shown, (long) page * PAGE_SIZE, PAGE_SIZE);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (asked == generation) {
                        loading.remove(page);
                        failed.accept(e);
                    }
                });
                return;
            }
            ui.execute(() -> arrived(asked, page, rows));
        });
    }

    private void arrived(long asked, int page, List<HistoryCall> rows) {
        if (asked != generation) {
            return;
        }
        loading.remove(page);
        pages.put(page, List.copyOf(rows));
        Iterator<Integer> oldest = pages.keySet().iterator();
        while (pages.size() > PAGES_KEPT) {
            oldest.next();
            oldest.remove();
        }
        int from = page * PAGE_SIZE;
        int to = Math.min(size, from + rows.size());
        if (to > from) {
            beginChange();
            nextReplace(from, to, Collections.nCopies(to - from, null));
            endChange();
        }
    }
}
