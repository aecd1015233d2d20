package org.animfr.animabot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its ChromeDriver, as a visitor's browser: installed from Debian's
 * packages when missing (as root, as {@code .ci/run} does), started with a fresh profile and no background
 * connections (this machine's network is closed), saving downloads in a given folder.
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    /** Installs {@code chromium} and {@code chromium-driver} with apt-get when they are not there yet. */
    static void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        Process install = new ProcessBuilder("apt-get", "install", "-y", "-q", "chromium", "chromium-driver")
                .inheritIO().start();
        if (!install.waitFor(15, TimeUnit.MINUTES) || install.exitValue() != 0
                || !Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (as root)");
        }
    }

    /** A headless browser asking for pages in {@code acceptLanguages}, saving downloads in {@code downloads}. */
    static ChromeDriver start(Path profile, Path downloads, String acceptLanguages) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--lang=" + acceptLanguages.split(",")[0],
                "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of(
                "intl.accept_languages", acceptLanguages,
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "safebrowsing.enabled", false));
        options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
