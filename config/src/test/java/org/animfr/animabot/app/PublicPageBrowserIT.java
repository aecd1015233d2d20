package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The public page as a visitor sees it: the application in its own JVM on the demo data, on 28 October 2026
 * (week 7 of the autumn session, the spring one to come), read in headless Chromium.
 */
class PublicPageBrowserIT {
    private static BotProcess bot;
    private static int port;

    @TempDir
    static Path data;
    @TempDir
    Path browserHome;

    @BeforeAll
    static void startTheBot() throws Exception {
        Chromium.ensureInstalled();
        port = freePort();
        bot = BotProcess.start(BotProcess.logFile("PublicPageBrowserIT.log"), List.of(
                "--server.port=" + port,
                "--animabot.console.enabled=false",
                "--animabot.clock=2026-10-28T10:00:00+01:00",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE"));
        bot.awaitLog("http://localhost:" + port + "/", Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopTheBot() throws InterruptedException {
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void aVisitorSeesTheSessionsThisWeeksThemeTheNextGatheringsAndHowToRegister() throws Exception {
        ChromeDriver browser = browser("fr-FR,fr");
        try {
            browser.get(home());

            assertThat(browser.getTitle()).isEqualTo("Anim-fr — les formations Animacoop");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            WebElement running = browser.findElement(By.id("running"));
            assertThat(running.findElement(By.tagName("h2")).getText()).isEqualTo("En cours");
            WebElement autumn = browser.findElement(By.id("session-animacoop-2026-automne"));
            assertThat(autumn.getText()).contains("Animacoop 2026 — automne",
                    "Cette semaine (semaine 7) : Licences libres et biens communs");
            assertThat(autumn.findElements(By.cssSelector("ul.gatherings li")).stream().map(WebElement::getText))
                    .hasSize(2)
                    .first().asString().startsWith("Regroupement de mi-parcours : jeudi 29 octobre 2026 à 9 h 30");
            WebElement spring = browser.findElement(By.id("coming")).findElement(
                    By.id("session-animacoop-2027-printemps"));
            assertThat(spring.findElement(By.linkText("S’inscrire")).getAttribute("href"))
                    .isEqualTo("https://animacoop.example.org/inscription");
            assertThat(browser.findElements(By.tagName("script"))).as("works without JavaScript").isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    void theCalendarLinkDownloadsAFileCalendarAppsRead() throws Exception {
        Path downloads = Files.createDirectories(browserHome.resolve("downloads"));
        ChromeDriver browser = browser("fr-FR,fr");
        try {
            browser.get(home());
            browser.findElement(By.id("session-animacoop-2026-automne"))
                    .findElement(By.linkText("Ajouter à mon agenda (.ics)")).click();

            Path file = downloads.resolve("animacoop-2026-automne.ics");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(file) && Files.size(file) > 0
                    && noPartialDownload(downloads));
            Calendar calendar = new CalendarBuilder().build(new StringReader(Files.readString(file)));
            List<String> summaries = calendar.getComponents(Component.VEVENT).stream()
                    .map(event -> event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("")).toList();
            assertThat(summaries).contains("Animacoop 2026 — automne — Regroupement de clôture",
                    "Animacoop 2026 — automne — semaine 7 : Licences libres et biens communs");
            assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
        } finally {
            browser.quit();
        }
    }

    @Test
    void anEnglishBrowserGetsThePageInEnglishAndCanSwitchToFrench() throws Exception {
        ChromeDriver browser = browser("en-US,en");
        try {
            browser.get(home());

            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(browser.findElement(By.id("session-animacoop-2026-automne")).getText())
                    .contains("This week (week 7): Licences libres et biens communs", "Next gatherings:",
                            "Add to my calendar (.ics)");
            browser.findElement(By.linkText("Français")).click();

            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            assertThat(browser.findElement(By.id("running")).getText()).contains("En cours");
        } finally {
            browser.quit();
        }
    }

    @Test
    void onAPhoneThePageFitsTheScreenWidth() throws Exception {
        ChromeDriver browser = browser("fr-FR,fr");
        try {
            browser.manage().window().setSize(new Dimension(360, 740));
            browser.get(home());

            Long overflow = (Long) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("no sideways scrolling").isLessThanOrEqualTo(0L);
            assertThat(browser.findElement(By.cssSelector("meta[name=viewport]")).getAttribute("content"))
                    .contains("width=device-width");
        } finally {
            browser.quit();
        }
    }

    private ChromeDriver browser(String languages) throws IOException {
        Path downloads = Files.createDirectories(browserHome.resolve("downloads"));
        return Chromium.start(Files.createDirectories(browserHome.resolve("profile")), downloads, languages);
    }

    private static String home() {
        return "http://localhost:" + port + "/";
    }

    private static boolean noPartialDownload(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.noneMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
