package io.callcard.testing;

import java.util.ArrayList;
import java.util.List;

/** What a test opened, closed in reverse order when it ends: a part never outlives the one it was built on. */
public final class OpenedParts implements AutoCloseable {

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Keeps {@code part} to close at the end, and hands it back. */
    public <T extends AutoCloseable> T open(T part) {
        opened.add(part);
        return part;
    }

    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        opened.clear();
    }
}
