package org.animfr.animabot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public page and the calendars served by a real Tomcat, read over HTTP as a browser or a calendar app does. */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicWebIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void thePageShowsTheRunningAndComingSessionsWithThisWeeksThemeAndTheNextGatherings() throws Exception {
        HttpResponse<String> page = get("/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        String html = page.body();
        assertThat(html).contains("<html lang=\"fr\"", "En cours", "À venir", "Animacoop 7", "Animacoop 8",
                "Animacoop 9", "Cette semaine (semaine 6) : Cartographier les acteurs de son projet",
                "Regroupement de mi-parcours : jeudi 15 novembre 2012",
                "href=\"https://animacoop.example.org/inscription-7\"",
                "href=\"/sessions/animacoop-7.ics?lang=fr\"", "href=\"/sessions.ics?lang=fr\"");
        assertThat(html).as("past sessions and past gatherings are not listed")
                .doesNotContain("Animacoop 6", "Lancement : jeudi 4 octobre 2012");
        assertThat(html.indexOf("Animacoop 7")).isLessThan(html.indexOf("Animacoop 8"));
    }

    @Test
    void aBrowserAskingForEnglishGetsThePageInEnglish() throws Exception {
        String html = get("/", "en-GB,en;q=0.9,fr;q=0.5").body();

        assertThat(html).contains("<html lang=\"en\"", "Running", "Coming",
                "This week (week 6): Cartographier les acteurs de son projet", "Add to my calendar (.ics)",
                "href=\"/sessions/animacoop-7.ics?lang=en\"");
        assertThat(html).doesNotContain("Cette semaine");
    }

    @Test
    void theLanguagePickedOnThePageWinsOverTheBrowsers() throws Exception {
        assertThat(get("/?lang=en", "fr-FR,fr").body()).contains("<html lang=\"en\"", "Running");
        assertThat(get("/?lang=fr", "en-US").body()).contains("<html lang=\"fr\"", "En cours");
    }

    @Test
    void aBrowserWithNeitherFrenchNorEnglishGetsTheNetworksLanguage() throws Exception {
        assertThat(get("/", "de-DE,de;q=0.9").body()).contains("<html lang=\"fr\"", "En cours");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!;;", "en;q=2", "fr;q=abc,en", "*;q=", "ä,ö", ",,,,", "en-", ";q=0.5"})
    void aMalformedAcceptLanguageStillGetsThePageInTheNetworksLanguage(String header) throws Exception {
        HttpResponse<String> page = get("/", header);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Animacoop 7");
    }

    @Test
    void aLongAcceptLanguageIsIgnoredAndAnOversizedOneIsRefusedWithoutHarm() throws Exception {
        String longHeader = "en;q=0.9," + "x-abcdefgh;q=0.1,".repeat(300);
        HttpResponse<String> page = get("/", longHeader);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\"");

        String oversized = "en," + "x".repeat(20_000);
        assertThat(raw("GET / HTTP/1.1\r\nHost: localhost\r\nAccept-Language: " + oversized
                + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 400");

        assertThat(get("/", "en").statusCode()).as("the server still serves").isEqualTo(200);
    }

    @Test
    void aSessionsCalendarDownloadsAsAnIcsFileThatCalendarAppsRead() throws Exception {
        HttpResponse<String> response = get("/sessions/animacoop-7.ics", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .isEqualToIgnoringCase("text/calendar;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition")).get().asString()
                .startsWith("attachment").contains("filename=\"animacoop-7.ics\"");
        Calendar calendar = parse(response.body());
        assertThat(summaries(calendar)).contains("Animacoop 7 — Regroupement de mi-parcours",
                "Animacoop 7 — semaine 6 : Cartographier les acteurs de son projet");
        assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
    }

    @Test
    void theCalendarIsWordedInTheVisitorsLanguage() throws Exception {
        Calendar calendar = parse(get("/sessions/animacoop-7.ics", "en-US,en").body());

        assertThat(summaries(calendar)).contains("Animacoop 7 — week 6: Cartographier les acteurs de son projet");
    }

    @Test
    void theNetworksCalendarHoldsEverySession() throws Exception {
        HttpResponse<String> response = get("/sessions.ics", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(summaries(parse(response.body()))).contains("Animacoop 6 : début de la formation",
                "Animacoop 7 — Clôture", "Animacoop 8 — Lancement", "Animacoop 9 — Lancement");
    }

    @Test
    void anUnknownSessionGetsA404SayingWhichCalendarsThereAre() throws Exception {
        HttpResponse<String> response = get("/sessions/animacoop-99.ics", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(response.body()).contains("Aucune session « animacoop-99 » ici", "/sessions.ics",
                "/sessions/animacoop-7.ics", "/sessions/animacoop-9.ics");
    }

    @Test
    void theUnknownSessionAnswerIsInEnglishForAnEnglishBrowser() throws Exception {
        HttpResponse<String> response = get("/sessions/Animacoop%207.ics", "en");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("There is no session “Animacoop 7” here");
    }

    @Test
    void aBrowserOnAnUnknownPageGetsAFriendlyPageInBothLanguages() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/programme")).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page introuvable", "Page not found", "href=\"/\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sessions/..%2F..%2F..%2Fetc%2Fpasswd.ics", "/sessions/../../../etc/passwd",
            "/../../../../etc/passwd", "/sessions/%2e%2e/%2e%2e/%2e%2e/etc/passwd.ics",
            "/sessions/..%5c..%5c..%5cetc%5cpasswd.ics", "/sessions/%252e%252e%252fetc%252fpasswd.ics",
            "/sessions/..;/..;/etc/passwd", "/application.yml", "/templates/sessions.html",
            "/org/animfr/animabot/core/i18n/messages_fr.properties", "/sessions/%00.ics", "/sessions/.ics"})
    void pathTraversalAttemptsServeNoFile(String path) throws Exception {
        String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).matches("(?s)HTTP/1.1 (400|404).*");
        assertThat(response).doesNotContain("root:x:", "web.title=", "th:text", "spring:");
    }

    private HttpResponse<String> get(String path, String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request written byte for byte, so that nothing normalizes the path on its way. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static List<String> summaries(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT).stream()
                .map(event -> event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("")).toList();
    }
}
