package org.animfr.animabot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.spi.PlatformState;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Network;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Discord server with a channel linked to a session shows the session's gatherings to come as its scheduled
 * events, following the organizers' data, through the real JDA and the fake Discord. The session runs around today
 * (Discord refuses events in the past): a gathering 3 days ago, one in 10 days, one in 30 days ending at 17:00.
 */
class DiscordScheduledEventsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String ORGANIZER = "300000000000000031";
    private static final String PERSON = "300000000000000032";
    private static final String SALON = "110000000000000031";
    private static final LocalDate TODAY = LocalDate.now(PARIS);

    /** The adapters' state, kept across the bot's restarts as the database keeps it. */
    private final PlatformState state = new DiscordChatPlatform.InMemoryState();
    private FakeDiscord fake;
    private BotFixture core;
    private DiscordChatPlatform discord;

    @BeforeEach
    void connect() {
        fake = FakeDiscord.start();
        fake.addMember(ORGANIZER, "Camille", true);
        fake.addMember(PERSON, "Ana", false);
        fake.addTextChannel(SALON, "salon");
        core = new BotFixture(catalog(session(gatherings())), OffsetDateTime.now(PARIS).toString());
        discord = start();
    }

    @AfterEach
    void disconnect() {
        discord.stop();
        fake.close();
    }

    @Test
    void linkingAChannelShowsTheSessionsGatheringsToComeAsTheServersEvents() {
        link();

        List<JsonNode> events = awaitEvents(2);
        JsonNode launch = events.get(0);
        assertThat(launch.get("name").asText()).isEqualTo("Animacoop 12 — Lancement");
        assertThat(launch.get("entity_type").asInt()).as("external").isEqualTo(3);
        assertThat(launch.at("/entity_metadata/location").asText()).isEqualTo("La Halle, Montpellier");
        assertThat(instant(launch, "scheduled_start_time"))
                .isEqualTo(TODAY.plusDays(10).atTime(9, 30).atZone(PARIS).toInstant());
        assertThat(instant(launch, "scheduled_end_time")).as("until the end of the training day")
                .isEqualTo(TODAY.plusDays(10).atTime(17, 30).atZone(PARIS).toInstant());
        assertThat(launch.get("description").asText()).contains("Animacoop 12");
        assertThat(launch.get("creator_id").asText()).isEqualTo(FakeDiscord.BOT_ID);
        JsonNode closing = events.get(1);
        assertThat(closing.get("name").asText()).isEqualTo("Animacoop 12 — Clôture");
        assertThat(instant(closing, "scheduled_end_time")).as("the end the data gives")
                .isEqualTo(TODAY.plusDays(30).atTime(17, 0).atZone(PARIS).toInstant());
    }

    @Test
    void aGatheringMovedInTheDataMovesItsEventAndOneRemovedRemovesItsEvent() {
        link();
        List<JsonNode> before = awaitEvents(2);
        String launchId = before.get(0).get("id").asText();
        String people = fake.scheduleEventAsMember(PERSON, "Apéro des anciens", "Le Quai",
                Instant.now().plus(5, ChronoUnit.DAYS), Instant.now().plus(5, ChronoUnit.DAYS).plusSeconds(7200));

        List<Gathering> moved = List.of(
                new Gathering(TODAY.minusDays(3).atTime(9, 30), "La Halle, Montpellier", "Accueil"),
                new Gathering(TODAY.plusDays(12).atTime(10, 0), "Le Tiers-lieu, Nîmes", "Lancement"));
        core.reloadWith(catalog(session(moved)));

        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> events = ours();
            assertThat(events).hasSize(1);
            JsonNode launch = events.get(0);
            assertThat(launch.get("id").asText()).as("the same event, updated").isEqualTo(launchId);
            assertThat(launch.at("/entity_metadata/location").asText()).isEqualTo("Le Tiers-lieu, Nîmes");
            assertThat(instant(launch, "scheduled_start_time"))
                    .isEqualTo(TODAY.plusDays(12).atTime(10, 0).atZone(PARIS).toInstant());
        });
        assertThat(fake.scheduledEvents()).extracting(event -> event.get("id").asText())
                .as("the member's own event stays").contains(people);
    }

    @Test
    void unlinkingTheChannelTakesTheBotsEventsAway() {
        link();
        awaitEvents(2);

        assertThat(admin("delier", Map.of())).isNotBlank();

        await().atMost(WAIT).until(() -> ours().isEmpty());
    }

    @Test
    void aRestartedBotFindsItsEventsAgainAndCreatesNoneTwice() {
        link();
        List<String> ids = awaitEvents(2).stream().map(event -> event.get("id").asText()).toList();
        discord.stop();

        // a new process: a new core whose database still links the channel, and the adapters' state
        core = new BotFixture(catalog(session(gatherings())), OffsetDateTime.now(PARIS).toString());
        core.links.link(new ConversationRef(DiscordChatPlatform.NAME, SALON), "animacoop-12");
        discord = start();
        core.core.gatheringEvents().sync();

        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> ours().size() == 2);
        assertThat(ours()).extracting(event -> event.get("id").asText()).containsExactlyElementsOf(ids);
    }

    private DiscordChatPlatform start() {
        DiscordChatPlatform platform = new DiscordChatPlatform(new DiscordSettings(FakeDiscord.BOT_TOKEN,
                fake.restBaseUrl(), fake.gatewayUrl(), null, 45), core.commands(), core.core.completions(),
                BotFixture.MESSAGES, state);
        core.join(platform);
        await().atMost(WAIT).until(() -> platform.status().isConnected() && platform.knowsChannel(SALON));
        return platform;
    }

    private void link() {
        assertThat(admin("relier", Map.of("session", "animacoop-12"))).contains("relié à Animacoop 12");
    }

    private String admin(String subcommand, Map<String, ?> options) {
        return DiscordTestSupport.text(fake.slashCommand(ORGANIZER, SALON, "admin", options, subcommand)
                .awaitFollowUps(1, WAIT).get(0));
    }

    private List<JsonNode> awaitEvents(int count) {
        await().atMost(WAIT).until(() -> ours().size() == count);
        return ours();
    }

    private List<JsonNode> ours() {
        return fake.scheduledEvents().stream()
                .filter(event -> event.get("creator_id").asText().equals(FakeDiscord.BOT_ID))
                .sorted(java.util.Comparator.comparing(event -> event.get("scheduled_start_time").asText()))
                .toList();
    }

    private static Instant instant(JsonNode event, String field) {
        return OffsetDateTime.parse(event.get(field).asText()).toInstant();
    }

    private static List<Gathering> gatherings() {
        return List.of(
                new Gathering(TODAY.minusDays(3).atTime(9, 30), "La Halle, Montpellier", "Accueil"),
                new Gathering(TODAY.plusDays(10).atTime(9, 30), "La Halle, Montpellier", "Lancement"),
                new Gathering(TODAY.plusDays(30).atTime(14, 0), "La Halle, Montpellier", "Clôture",
                        LocalTime.of(17, 0)));
    }

    private static Session session(List<Gathering> gatherings) {
        return new Session("animacoop-12", "Animacoop 12", "Occitanie", TODAY.minusDays(14), TODAY.plusDays(60),
                100, null, List.of(), null, gatherings, List.of(new Week(1, "Se présenter", "")));
    }

    private static Catalog catalog(Session session) {
        return new Catalog(Network.DEFAULT, List.of(session), List.of());
    }
}
