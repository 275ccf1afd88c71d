package io.callcard.config;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Files only their owner may read. The permission is given when the file is created, never afterwards: a file
 * chmod-ed after it was written has been readable by others for a moment.
 */
final class OwnerOnlyFiles {

    /** How a file system lets us restrict a file to its owner. */
    enum Protection { POSIX, ACL, NONE }

    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    static Protection protectionOf(FileSystem fs) {
        Set<String> views = fs.supportedFileAttributeViews();
        if (views.contains("posix")) {
            return Protection.POSIX;
        }
        return views.contains("acl") ? Protection.ACL : Protection.NONE;
    }

    /** The attributes that make a new file in this file system readable and writable by its owner only. */
    static FileAttribute<?>[] forNewFile(FileSystem fs) throws IOException {
        switch (protectionOf(fs)) {
            case POSIX:
                return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)};
            case ACL:
                return new FileAttribute<?>[] {ownerOnlyAcl(fs)};
            default:
                return new FileAttribute<?>[0];
        }
    }

    /** Creates the folder (and its parents) private to the owner where the file system can say so. */
    static void createFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (protectionOf(dir.getFileSystem()) == Protection.POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * On POSIX, narrows a file others may read or write to 0600. Returns the permissions it had when it changed
     * them, or null when they were already narrow enough (or the file system has no POSIX permissions).
     */
    static String tightenIfWider(Path file) throws IOException {
        if (protectionOf(file.getFileSystem()) != Protection.POSIX || !Files.exists(file)) {
            return null;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
        if (OWNER_READ_WRITE.containsAll(now)) {
            return null;
        }
        Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        return PosixFilePermissions.toString(now);
    }

    private static FileAttribute<List<AclEntry>> ownerOnlyAcl(FileSystem fs) throws IOException {
        UserPrincipal owner = fs.getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        AclEntry entry = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build();
        List<AclEntry> acl = List.of(entry);
        return new FileAttribute<>() {
            @Override
            public String name() {
                return "acl:acl";
            }

            @Override
            public List<AclEntry> value() {
                return acl;
            }
        };
    }
}
