package dev.hotkeylab.dashboard;

import dev.hotkeylab.findings.RequiredTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A Chromium-family browser driven by its chromedriver, both named explicitly so Selenium Manager never looks for (or
 * downloads) a browser or driver: {@code CHROME_BIN} names the browser and {@code CHROMEWEBDRIVER} the driver (a file,
 * or the folder holding {@code chromedriver}, as on GitHub's runner images, where Chrome and a matching driver are
 * preinstalled); without them, Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}. Where either is
 * missing, a test that needs them is skipped with the reason, or fails on CI ({@link RequiredTool}).
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DEBIAN_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = browser(System.getenv());
    static final Path CHROMEDRIVER = driver(System.getenv());

    /** The browser: {@code CHROME_BIN}, else Debian's chromium. */
    static Path browser(Map<String, String> env) {
        String bin = env.get("CHROME_BIN");
        return bin == null || bin.isBlank() ? DEBIAN_CHROMIUM : Path.of(bin);
    }

    /** The driver: {@code CHROMEWEBDRIVER} (the file, or a folder with {@code chromedriver}), else Debian's. */
    static Path driver(Map<String, String> env) {
        String dir = env.get("CHROMEWEBDRIVER");
        if (dir == null || dir.isBlank()) {
            return DEBIAN_CHROMEDRIVER;
        }
        Path path = Path.of(dir);
        return Files.isDirectory(path) ? path.resolve("chromedriver") : path;
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(int width, int height) throws IOException {
        profile = Files.createTempDirectory("hotkey-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--force-device-scale-factor=1");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        driver = new ChromeDriver(service, options);
    }

    /** Why the browser or its driver cannot run here, or null when both are installed (for {@code @Needs}). */
    static final class Missing implements Supplier<String> {
        @Override
        public String get() {
            if (!Files.isExecutable(CHROMIUM)) {
                return "the browser " + CHROMIUM + " is missing: install Debian's chromium (apt-get install -y "
                        + "chromium chromium-driver) or set CHROME_BIN";
            }
            if (!Files.isExecutable(CHROMEDRIVER)) {
                return "the driver " + CHROMEDRIVER + " is missing: install Debian's chromium-driver (apt-get install "
                        + "-y chromium-driver) or set CHROMEWEBDRIVER";
            }
            return null;
        }
    }

    /**
     * Starts the browser, or skips the calling test (fails it on CI) when the browser or its driver is not installed.
     */
    static HeadlessChromium startOrSkip(int width, int height) throws IOException {
        RequiredTool.require(new Missing().get());
        return new HeadlessChromium(width, height);
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
