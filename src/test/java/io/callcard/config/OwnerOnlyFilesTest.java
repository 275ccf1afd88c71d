package io.callcard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The permissions the secret store's files are born with (its temporary files included) and narrowed to. */
class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @Test
    void thisFileSystemSpeaksPosix() {
        assertEquals(OwnerOnlyFiles.Protection.POSIX, OwnerOnlyFiles.protectionOf(dir.getFileSystem()));
    }

    @Test
    void aNewFileIsBornOwnerOnly() throws Exception {
        Path tmp = Files.createTempFile(dir, ".secrets-", ".tmp", OwnerOnlyFiles.forNewFile(dir.getFileSystem()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp)));
    }

    @Test
    void aNewFolderIsOwnerOnlyAndAnExistingOneIsLeftAlone() throws Exception {
        Path fresh = dir.resolve("a").resolve("b");
        OwnerOnlyFiles.createFolder(fresh);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        OwnerOnlyFiles.createFolder(dir);
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void onlyPermissionsWiderThanOwnerReadWriteAreNarrowed() throws Exception {
        Path file = Files.createFile(dir.resolve("f"));
        for (String narrowEnough : new String[] {"rw-------", "r--------"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(narrowEnough));
            assertNull(OwnerOnlyFiles.tightenIfWider(file));
            assertEquals(narrowEnough, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        for (String wide : new String[] {"rw-r--r--", "rw----r--", "rwx------", "rw--w----"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(wide));
            assertEquals(wide, OwnerOnlyFiles.tightenIfWider(file));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertNull(OwnerOnlyFiles.tightenIfWider(dir.resolve("absent")));
    }
}
