package io.callcard.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the companion keeps its settings, its data (call history) and its logs: the operating system's usual
 * folders, or all three under one {@code --home} folder (what every test uses, and a portable install).
 */
public record AppPaths(Path configDir, Path dataDir, Path logDir) {

    static final String APP_DIR = "callcard-companion";
    static final String APP_DIR_TITLE = "CallCard Companion";

    public static AppPaths underHome(Path home) {
        Path root = home.toAbsolutePath().normalize();
        return new AppPaths(root.resolve("config"), root.resolve("data"), root.resolve("logs"));
    }

    public static AppPaths forThisSystem() {
        return osDefault(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The conventional folders: XDG on Linux, {@code Library} on macOS, {@code APPDATA}/{@code LOCALAPPDATA} on Windows. */
    static AppPaths osDefault(String osName, Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = envPath(env, "APPDATA", userHome.resolve("AppData").resolve("Roaming"));
            Path local = envPath(env, "LOCALAPPDATA", userHome.resolve("AppData").resolve("Local"));
            return new AppPaths(roaming.resolve(APP_DIR_TITLE), local.resolve(APP_DIR_TITLE).resolve("Data"),
                    local.resolve(APP_DIR_TITLE).resolve("Logs"));
        }
        if (os.startsWith("mac")) {
            Path library = userHome.resolve("Library");
            Path support = library.resolve("Application Support").resolve(APP_DIR_TITLE);
            return new AppPaths(support, support.resolve("Data"), library.resolve("Logs").resolve(APP_DIR_TITLE));
        }
        Path config = envPath(env, "XDG_CONFIG_HOME", userHome.resolve(".config"));
        Path data = envPath(env, "XDG_DATA_HOME", userHome.resolve(".local").resolve("share"));
        Path state = envPath(env, "XDG_STATE_HOME", userHome.resolve(".local").resolve("state"));
        return new AppPaths(config.resolve(APP_DIR), data.resolve(APP_DIR), state.resolve(APP_DIR).resolve("logs"));
    }

    /** XDG says a relative value must be ignored; an empty one means unset. */
    private static Path envPath(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? p : fallback;
    }

    public void createDirectories() throws IOException {
        Files.createDirectories(configDir);
        Files.createDirectories(dataDir);
        Files.createDirectories(logDir);
    }
}
