package io.callcard.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in {@code secrets.json} in the configuration folder, for machines without a keyring: a JSON object of
 * key to secret, readable only by the user. Every write goes to a new owner-only temporary file that is then moved
 * over the old one, so a crash never leaves half a file and no copy is ever readable by others.
 *
 * <p>Writers in this JVM take turns per file; two companions running at once are not coordinated (the last write
 * wins), which the single-instance application does not need.
 */
public final class FileSecretStore implements SecretStore {

    public static final String FILE_NAME = "secrets.json";

    private static final Logger LOG = LoggerFactory.getLogger(FileSecretStore.class);
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();
    private static final TypeReference<TreeMap<String, String>> ENTRIES = new TypeReference<>() {
    };

    private final Path file;
    private final Object lock;
    /** Reads and writes our own file of names to secrets, not the wire's JSON ({@link io.callcard.wire.StrictJson}). */
    private final ObjectMapper json = new ObjectMapper();
    private volatile String widerPermissionsFound;

    private FileSecretStore(Path configDir) {
        this.file = configDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        this.lock = LOCKS.computeIfAbsent(file, f -> new Object());
    }

    /** The store in this folder; a file that others may read is narrowed to 0600 now, and the log says so. */
    public static FileSecretStore open(Path configDir) {
        FileSecretStore store = new FileSecretStore(configDir);
        try {
            store.tightenIfWider();
        } catch (IOException e) {
            LOG.warn("Could not check the permissions of {} ({})", store.file, e.getClass().getSimpleName());
        }
        return store;
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<String> read(String key) throws SecretStoreException {
        Objects.requireNonNull(key, "key");
        synchronized (lock) {
            return Optional.ofNullable(load().get(key));
        }
    }

    @Override
    public void write(String key, String secret) throws SecretStoreException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
        synchronized (lock) {
            TreeMap<String, String> entries = load();
            entries.put(key, secret);
            store(entries);
        }
    }

    @Override
    public void delete(String key) throws SecretStoreException {
        Objects.requireNonNull(key, "key");
        synchronized (lock) {
            TreeMap<String, String> entries = load();
            if (entries.remove(key) != null) {
                store(entries);
            }
        }
    }

    @Override
    public String describe() {
        switch (OwnerOnlyFiles.protectionOf(file.getFileSystem())) {
            case POSIX:
                String found = widerPermissionsFound;
                return "file readable only by you: " + file + (found == null ? ""
                        : " (it was " + found + ", readable by others; now rw-------)");
            case ACL:
                return "file readable only by you: " + file;
            default:
                return "file " + file + " (this file system cannot keep other users from reading it)";
        }
    }

    @Override
    public String toString() {
        return "FileSecretStore[" + file + "]";
    }

    private void tightenIfWider() throws IOException {
        String before = OwnerOnlyFiles.tightenIfWider(file);
        if (before != null) {
            widerPermissionsFound = before;
            LOG.warn("The secrets file {} was {}, readable by other users; its permissions are now rw-------",
                    file, before);
        }
    }

    private TreeMap<String, String> load() throws SecretStoreException {
        byte[] bytes;
        try {
            tightenIfWider();
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new SecretStoreException("Could not read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length == 0) {
            return new TreeMap<>();
        }
        try {
            TreeMap<String, String> entries = json.readValue(bytes, ENTRIES);
            return entries == null ? new TreeMap<>() : entries;
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the text it choked on, which may be a secret: only the line is reported.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new SecretStoreException(file + " is not a JSON object of names to secrets" + where);
        } catch (IOException e) {
            throw new SecretStoreException("Could not read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void store(Map<String, String> entries) throws SecretStoreException {
        try {
            OwnerOnlyFiles.createFolder(file.getParent());
            byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(entries);
            AtomicFiles.write(file, bytes, OwnerOnlyFiles.forNewFile(file.getFileSystem()));
        } catch (IOException e) {
            throw new SecretStoreException("Could not write " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
