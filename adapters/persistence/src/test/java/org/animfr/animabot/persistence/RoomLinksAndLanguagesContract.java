package org.animfr.animabot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.i18n.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The behaviour both databases must show; each subclass supplies a migrated, empty database. */
abstract class RoomLinksAndLanguagesContract {

    private static final ConversationRef DISCORD_CHANNEL = new ConversationRef("discord", "1234567890");
    private static final ConversationRef MATRIX_ROOM = new ConversationRef("matrix", "!abc:example.org");
    private static final ConversationRef CONSOLE = new ConversationRef("console", "console");
    private static final PersonRef ANA = new PersonRef("matrix", "@ana:example.org");
    private static final PersonRef BOB = new PersonRef("discord", "42");

    private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T09:00:00Z"));
    private JdbcRoomLinks links;
    private JdbcLanguagePreferences languages;

    /** A database with the Flyway migrations applied and no rows. */
    protected abstract DataSource migratedEmptyDatabase();

    private JdbcPlatformState state;
    private JdbcAnsweredMessages answered;

    @BeforeEach
    void createAdapters() {
        JdbcClient jdbc = JdbcClient.create(migratedEmptyDatabase());
        links = new JdbcRoomLinks(jdbc, clock);
        languages = new JdbcLanguagePreferences(jdbc, clock);
        state = new JdbcPlatformState(jdbc, clock);
        answered = new JdbcAnsweredMessages(jdbc);
    }

    @Test
    void anAnsweredMessageIsKnownByItsPlatformAndId() {
        Instant at = Instant.parse("2025-03-01T09:00:00Z");
        assertThat(answered.isAnswered("matrix", "$question")).isFalse();

        answered.markAnswered("matrix", "$question", at);
        answered.markAnswered("matrix", "$question", at.plusSeconds(5));

        assertThat(answered.isAnswered("matrix", "$question")).isTrue();
        assertThat(answered.isAnswered("discord", "$question")).isFalse();
        assertThat(answered.isAnswered("matrix", "$other")).isFalse();
    }

    @Test
    void answeredMarksOlderThanTheLimitAreForgotten() {
        Instant now = Instant.parse("2025-03-01T09:00:00Z");
        answered.markAnswered("matrix", "$old", now.minus(Duration.ofDays(20)));
        answered.markAnswered("matrix", "$recent", now.minus(Duration.ofDays(2)));

        assertThat(answered.forgetBefore(now.minus(Duration.ofDays(14)))).isEqualTo(1);

        assertThat(answered.isAnswered("matrix", "$old")).isFalse();
        assertThat(answered.isAnswered("matrix", "$recent")).isTrue();
    }

    @Test
    void concurrentMarksOfOneMessageLeaveItAnsweredOnce() throws Exception {
        Instant at = Instant.parse("2025-03-01T09:00:00Z");
        AtOnce.run(java.util.stream.IntStream.range(0, 6).<Callable<Void>>mapToObj(i -> () -> {
            answered.markAnswered("matrix", "$raced", at);
            return null;
        }).toList());

        assertThat(answered.forgetBefore(at.plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void aStoredSyncTokenIsReadBackAndReplaced() {
        assertThat(state.get("matrix", "sync-token")).isEmpty();

        state.put("matrix", "sync-token", "s72594_4483_1934");
        state.put("matrix", "sync-token", "s72600_4490_1940");

        assertThat(state.get("matrix", "sync-token")).contains("s72600_4490_1940");
        assertThat(state.get("discord", "sync-token")).isEmpty();
    }

    @Test
    void aLinkedConversationAnswersItsSession() {
        links.link(DISCORD_CHANNEL, "animacoop-2025");

        assertThat(links.sessionOf(DISCORD_CHANNEL)).contains("animacoop-2025");
    }

    @Test
    void anUnlinkedConversationHasNoSession() {
        links.link(DISCORD_CHANNEL, "animacoop-2025");

        assertThat(links.sessionOf(MATRIX_ROOM)).isEmpty();
        assertThat(links.sessionOf(new ConversationRef("matrix", DISCORD_CHANNEL.id()))).isEmpty();
    }

    @Test
    void relinkingReplacesThePreviousSession() {
        links.link(DISCORD_CHANNEL, "animacoop-2024");

        links.link(DISCORD_CHANNEL, "animacoop-2025");

        assertThat(links.sessionOf(DISCORD_CHANNEL)).contains("animacoop-2025");
        assertThat(links.conversationsOf("animacoop-2024")).isEmpty();
        assertThat(links.conversationsOf("animacoop-2025")).containsExactly(DISCORD_CHANNEL);
    }

    @Test
    void unlinkReturnsTrueOnceThenFalse() {
        links.link(DISCORD_CHANNEL, "animacoop-2025");

        boolean first = links.unlink(DISCORD_CHANNEL);
        boolean second = links.unlink(DISCORD_CHANNEL);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(links.sessionOf(DISCORD_CHANNEL)).isEmpty();
    }

    @Test
    void conversationsOfASessionComeInTheOrderTheyWereLinked() {
        links.link(MATRIX_ROOM, "animacoop-2025");
        clock.advance(Duration.ofMinutes(1));
        links.link(CONSOLE, "animacoop-2025");
        clock.advance(Duration.ofMinutes(1));
        links.link(DISCORD_CHANNEL, "animacoop-2025");
        links.link(new ConversationRef("discord", "other"), "another-session");

        List<ConversationRef> conversations = links.conversationsOf("animacoop-2025");

        assertThat(conversations).containsExactly(MATRIX_ROOM, CONSOLE, DISCORD_CHANNEL);
    }

    @Test
    void conversationsLinkedAtTheSameInstantComeInIdOrder() {
        links.link(MATRIX_ROOM, "animacoop-2025");
        links.link(DISCORD_CHANNEL, "animacoop-2025");
        links.link(CONSOLE, "animacoop-2025");

        List<ConversationRef> conversations = links.conversationsOf("animacoop-2025");

        assertThat(conversations).containsExactly(CONSOLE, DISCORD_CHANNEL, MATRIX_ROOM);
    }

    @Test
    void relinkingToAnotherSessionMovesTheConversationToTheEnd() {
        links.link(CONSOLE, "animacoop-2025");
        links.link(DISCORD_CHANNEL, "animacoop-2024");
        clock.advance(Duration.ofMinutes(1));
        links.link(MATRIX_ROOM, "animacoop-2025");
        clock.advance(Duration.ofMinutes(1));

        links.link(DISCORD_CHANNEL, "animacoop-2025");

        assertThat(links.conversationsOf("animacoop-2025")).containsExactly(CONSOLE, MATRIX_ROOM, DISCORD_CHANNEL);
    }

    @Test
    void relinkingToTheSameSessionKeepsTheConversationsPlace() {
        links.link(CONSOLE, "animacoop-2025");
        clock.advance(Duration.ofMinutes(1));
        links.link(MATRIX_ROOM, "animacoop-2025");
        clock.advance(Duration.ofMinutes(1));

        links.link(CONSOLE, "animacoop-2025");

        assertThat(links.conversationsOf("animacoop-2025")).containsExactly(CONSOLE, MATRIX_ROOM);
    }

    @Test
    void aSessionWithoutConversationsHasAnEmptyList() {
        assertThat(links.conversationsOf("nobody-here")).isEmpty();
    }

    @Test
    void aChosenLanguageIsRemembered() {
        languages.choose(ANA, Language.EN);

        assertThat(languages.languageOf(ANA)).contains(Language.EN);
    }

    @Test
    void choosingAgainReplacesTheLanguage() {
        languages.choose(ANA, Language.EN);

        languages.choose(ANA, Language.FR);

        assertThat(languages.languageOf(ANA)).contains(Language.FR);
    }

    @Test
    void aPersonWhoNeverChoseHasNoLanguage() {
        languages.choose(ANA, Language.EN);

        assertThat(languages.languageOf(BOB)).isEmpty();
        assertThat(languages.languageOf(new PersonRef("discord", ANA.id()))).isEmpty();
    }

    @Test
    void concurrentLinksOfOneConversationLeaveExactlyOneLink() throws Exception {
        List<String> sessions = List.of("s1", "s2", "s3", "s4", "s5", "s6");

        AtOnce.run(sessions.stream().<Callable<Void>>map(session -> () -> {
            links.link(DISCORD_CHANNEL, session);
            return null;
        }).toList());

        assertThat(links.sessionOf(DISCORD_CHANNEL)).hasValueSatisfying(session -> assertThat(sessions).contains(session));
        assertThat(sessions.stream().mapToInt(session -> links.conversationsOf(session).size()).sum()).isEqualTo(1);
    }

    @Test
    void concurrentChoicesOfOnePersonLeaveOneLanguage() throws Exception {
        List<Language> choices = List.of(Language.FR, Language.EN, Language.FR, Language.EN, Language.FR, Language.EN);

        AtOnce.run(choices.stream().<Callable<Void>>map(language -> () -> {
            languages.choose(BOB, language);
            return null;
        }).toList());

        assertThat(languages.languageOf(BOB)).isPresent();
    }
}
