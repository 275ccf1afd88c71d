package io.callcard.ui.history;

import io.callcard.history.HistoryCall;
import io.callcard.history.HistoryQuery;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ObservableListBase;

/**
 * The history table's rows: as many as the query matches, but only a few pages of them held. A row not held reads as
 * null (the table draws it empty) and asks for its page, which the store reads on the background executor; when it
 * arrives on the FX thread the rows it fills are announced as replaced, and the page least recently read is dropped
 * once more than {@link #PAGES_KEPT} are held. A new query ({@link #show}) starts afresh: pages of the old one arriving
 * late are dropped. The same query read again while calls land ({@link #follow}) keeps the rows the agent looks at:
 * the calls now above them are announced as added above (so the table's selection and viewport move with them), the
 * calls that changed as replaced, and the rest of the count as added or removed at the end.
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
    /** True while {@link #follow} announces its changes: a selection moved then was not moved by the agent. */
    private boolean following;
    /** Where the table's eye is (see {@link #shownBy}). */
    private Supplier<int[]> inView = () -> null;

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

    /**
     * The pages to read again when the query is followed and {@code grew} calls more match: those where the rows held
     * now ({@code held}) will be if the new calls sort above them (newest first: they do), so the rows under the
     * agent's eye are read in the same turn, not drawn empty and fetched after. Any thread.
     */
    static Set<Integer> pagesToFollow(Set<Integer> held, long grew) {
        Set<Integer> wanted = new TreeSet<>();
        long moved = Math.max(0, grew);
        for (int page : held) {
            wanted.add(page); // a table at the very top stays there: the new calls are drawn where the old rows were
            long first = (long) page * PAGE_SIZE + moved;
            // a page more: calls written between the count and the pages move the rows further than the count says
            long last = first + 2L * PAGE_SIZE - 1;
            for (long p = first / PAGE_SIZE; p <= last / PAGE_SIZE; p++) {
                wanted.add((int) Math.min(p, Integer.MAX_VALUE));
            }
        }
        if (wanted.isEmpty()) {
            wanted.add(0);
        }
        return wanted;
    }

    /**
     * The same query, read again ({@code count} matches now, {@code fresh} pages of it by page number): shows them
     * without starting afresh. How far the held rows moved is found by the calls themselves (their keys): that many
     * rows are announced as added above, so a table keeps its selection and can keep its viewport on the same calls.
     * Then the rows that differ (a call ended, its name arrived; rows drawn empty while their page was on its way) are
     * announced as replaced, and the size settles to the count. Late pages of the old reading are dropped. FX thread.
     */
    void follow(long count, Map<Integer, List<HistoryCall>> fresh) {
        Map<String, Integer> freshAt = new HashMap<>();
        fresh.forEach((page, rows) -> {
            for (int i = 0; i < rows.size(); i++) {
                freshAt.put(rows.get(i).key(), page * PAGE_SIZE + i);
            }
        });
        Map<Integer, List<HistoryCall>> old = new HashMap<>(pages);
        Set<Integer> asked = new HashSet<>(loading); // rows drawn empty, their pages on the way: drawn now
        int shift = shiftOf(old, freshAt);
        generation++;
        loading.clear();
        pages.clear();
        fresh.forEach((page, rows) -> pages.put(page, List.copyOf(rows)));
        int before = size;
        int between = Math.max(0, before + shift);
        int after = (int) Math.min(count, Integer.MAX_VALUE);
        following = true;
        try {
            // first the move and the changed rows, then the end: a table shifts its selection only by a change alone
            size = between;
            beginChange();
            if (shift > 0) {
                nextAdd(0, shift);
            } else if (shift < 0) {
                nextRemove(0, Collections.nCopies(-shift, null));
            }
            fresh.forEach((page, rows) -> {
                for (int i = 0; i < rows.size(); i++) {
                    int at = page * PAGE_SIZE + i;
                    int wasAt = at - shift;
                    HistoryCall was = heldAt(old, wasAt);
                    boolean drawn = was != null || wasAt >= 0 && asked.contains(wasAt / PAGE_SIZE);
                    if (at >= Math.max(shift, 0) && at < between && drawn && !rows.get(i).equals(was)) {
                        nextReplace(at, at + 1, Collections.singletonList(was));
                    }
                }
            });
            endChange();
            if (after != between) {
                size = after;
                beginChange();
                if (after > between) {
                    nextAdd(between, after);
                } else {
                    nextRemove(after, Collections.nCopies(between - after, null));
                }
                endChange();
            }
        } finally {
            following = false;
        }
    }

    /** How far the held calls moved: the first held call found again, its new place less its old; 0 if none is. */
    private static int shiftOf(Map<Integer, List<HistoryCall>> old, Map<String, Integer> freshAt) {
        for (int page : new TreeSet<>(old.keySet())) {
            List<HistoryCall> rows = old.get(page);
            for (int i = 0; i < rows.size(); i++) {
                Integer now = freshAt.get(rows.get(i).key());
                if (now != null) {
                    return now - (page * PAGE_SIZE + i);
                }
            }
        }
        return 0;
    }

    private static HistoryCall heldAt(Map<Integer, List<HistoryCall>> held, int index) {
        if (index < 0) {
            return null;
        }
        List<HistoryCall> rows = held.get(index / PAGE_SIZE);
        int at = index % PAGE_SIZE;
        return rows == null || at >= rows.size() ? null : rows.get(at);
    }

    /**
     * The table showing the rows tells where its eye is: the first and last rows in view and the selected row (-1 for
     * none), or null while it has not laid them out. FX thread.
     */
    void shownBy(Supplier<int[]> view) {
        inView = Objects.requireNonNull(view, "view");
    }

    /**
     * The pages a reading of the followed query reads again: those of the rows in view and of the selected row (as
     * the table says); every page held when no table says. The other held pages are dropped by the reading and read
     * again if scrolled back to: a page deep in a million calls costs tens of milliseconds to read. FX thread.
     */
    Set<Integer> followedPages() {
        int[] view = inView.get();
        if (view == null) {
            return new TreeSet<>(pages.keySet());
        }
        Set<Integer> wanted = new TreeSet<>();
        for (int page = Math.max(0, view[0]) / PAGE_SIZE; page <= Math.max(0, view[1]) / PAGE_SIZE; page++) {
            wanted.add(page);
        }
        if (view[2] >= 0) {
            wanted.add(view[2] / PAGE_SIZE);
        }
        return wanted;
    }

    /** Whether {@link #follow} is announcing its changes now (a selection moved by them is not the agent's). */
    boolean isFollowing() {
        return following;
    }

    /** The held row showing the same call as {@code call} (its key), or null: for keeping a selection on it. */
    HistoryCall heldCall(HistoryCall call) {
        int at = indexOf(call);
        return at < 0 ? null : get(at);
    }

    /**
     * Where the same call as {@code o} (its key: a call that changed is still that call) is among the held rows; -1 if
     * it is not held. Never reads the store: a table asks this of its selected row after every replacement, and a
     * search of every row would read every page of a million.
     */
    @Override
    public int indexOf(Object o) {
        if (!(o instanceof HistoryCall call)) {
            return -1;
        }
        for (Map.Entry<Integer, List<HistoryCall>> page : new TreeMap<>(pages).entrySet()) {
            List<HistoryCall> rows = page.getValue();
            for (int i = 0; i < rows.size(); i++) {
                int at = page.getKey() * PAGE_SIZE + i;
                if (at < size && rows.get(i).key().equals(call.key())) {
                    return at;
                }
            }
        }
        return -1;
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
        // the pages in view and the selected row's stay (a table finds its selected call among the held rows after
        // every page that arrives: dropped, the selection would be cleared); the least recently read others go
        int[] view = inView.get();
        Set<Integer> kept = view == null ? Set.of() : followedPages();
        Iterator<Integer> oldest = pages.keySet().iterator();
        while (pages.size() > PAGES_KEPT && oldest.hasNext()) {
            int held = oldest.next();
            if (held != page && !kept.contains(held)) {
                oldest.remove();
            }
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
