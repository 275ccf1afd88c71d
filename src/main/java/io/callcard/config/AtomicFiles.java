package io.callcard.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;

/**
 * Replaces a file whole or not at all: the bytes go to a temporary file beside it, reach the disk, and are moved over
 * the old one, so a crash or a full disk mid-write never leaves half a settings or secrets file. Where the file system
 * cannot move atomically, a plain replacing move is the best it offers.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} as {@code target}'s new content; the temporary file is created with {@code attributes}
     * (owner-only permissions for the secrets) and removed again if anything fails.
     */
    public static void write(Path target, byte[] bytes, FileAttribute<?>... attributes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp", attributes);
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException failed) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException stray) {
                failed.addSuppressed(stray); // the write already failed and says so; a stray file is the lesser matter
            }
            throw failed;
        }
    }
}
