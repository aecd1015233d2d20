package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.dispatch.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * "Oublie-moi", checked in the database itself: the application's real context (Flyway, the JDBC adapters,
 * db-scheduler) on H2, and on PostgreSQL when {@code ANIMABOT_TEST_POSTGRES_URL} is set (in a schema of its own).
 * Ana, on two linked accounts, does everything that stores something about a person: a language, reminders by direct
 * message (one goes out), a profile, consent, an introduction round with Bea and its follow-up a week later (fired by
 * the durable timers), her answer. Before erasure her ids are in several tables; after {@code oublie-moi confirmer}
 * every column of every table of the schema, Flyway's history and db-scheduler's task data included, is read, and
 * none holds her platform ids, her name or her project. Bea's profile is still there.
 */
class PersonalDataErasureIT {
    private static final String ANA = "ana-7f3e9c";
    private static final String ANA_ON_MATRIX = "ana-matrix-51d2";
    private static final String ANA_NAME = "Ana Lemoine-Quéré";
    private static final String ANA_PROJECT = "Je lance la recyclerie Roue-Libre-Figuerolles avec le centre social : "
            + "des ateliers de réparation de vélos où les jeunes du quartier apprennent avec des bénévoles retraités. "
            + "Nous cherchons comment faire vivre la gouvernance partagée entre habitants et salariés.";
    private static final String ANA_PROJECT_WORD = "Roue-Libre-Figuerolles";
    private static final String BEA = "bea-20c4d1";
    private static final String BEA_PROJECT = "Atelier vélo associatif à Nîmes : réparation de vélos, prêt d'outils et "
            + "cours de mécanique pour les habitants du quartier, animés par des bénévoles.";
    private static final String ORGANIZER = "camille-0a1b";
    private static final String SESSION = "animacoop-2026-automne";
    /** Wednesday 28 October 2026 at noon in Paris: the mid-term gathering is the next morning. */
    private static final Instant START = OffsetDateTime.parse("2026-10-28T12:00:00+01:00").toInstant();
    /** Two seconds before the eve-of-gathering reminder (18:00 the day before). */
    private static final Instant BEFORE_REMINDER = OffsetDateTime.parse("2026-10-28T17:59:58+01:00").toInstant();
    /** A week and a bit after the round: its follow-ups are due. */
    private static final Duration AFTER_FOLLOW_UP = Duration.ofDays(7).plusMinutes(5);
    private static final Pattern LINK_CODE = Pattern.compile("\\b([2-9A-HJKMNP-Z]{6})\\b");

    @TempDir
    Path dir;

    @Test
    void onH2NoTableHoldsAnythingOfTheErasedPersonAndTheOtherLearnerKeepsHerProfile() throws Exception {
        eraseAndScan("jdbc:h2:file:" + dir.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "ANIMABOT_TEST_POSTGRES_URL", matches = ".+")
    void onPostgresqlNoTableHoldsAnythingOfTheErasedPersonAndTheOtherLearnerKeepsHerProfile() throws Exception {
        String url = System.getenv("ANIMABOT_TEST_POSTGRES_URL");
        String schema = "erasure_" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        execute(admin, "CREATE SCHEMA " + schema);
        try {
            eraseAndScan(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            execute(admin, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private void eraseAndScan(String databaseUrl) throws Exception {
        MovableClock clock = new MovableClock(START);
        try (ConfigurableApplicationContext app = start(databaseUrl, clock)) {
            DataSource database = app.getBean(DataSource.class);
            Dispatcher dispatcher = app.getBean(Dispatcher.class);
            ChatPlatforms platforms = app.getBean(ChatPlatforms.class);
            FakePlatform discord = new FakePlatform("discord", clock);
            FakePlatform matrix = new FakePlatform("matrix", clock);
            for (FakePlatform platform : List.of(discord, matrix)) {
                platforms.add(platform);
                platform.start(dispatcher);
            }

            // Ana, on Discord, tells the bot everything it can keep
            assertThat(discord.say(ANA, ANA_NAME, "langue en")).contains("in English");
            assertThat(discord.say(ANA, ANA_NAME, "rappels oui " + SESSION)).contains("Noted");
            assertThat(discord.say(ANA, ANA_NAME, "projet " + ANA_PROJECT)).contains("Noted");
            assertThat(discord.say(ANA, ANA_NAME, "mots-cles réparation de vélos, recyclerie, gouvernance"))
                    .contains("Noted");
            assertThat(discord.say(ANA, ANA_NAME, "territoire Montpellier")).contains("Noted");
            assertThat(discord.say(ANA, ANA_NAME, "promo " + SESSION)).contains("Noted");
            assertThat(discord.say(ANA, ANA_NAME, "presentations oui")).contains("Noted");
            // ... and links her Matrix account, which gets its own language and reminders
            Matcher code = LINK_CODE.matcher(discord.say(ANA, ANA_NAME, "lier-compte"));
            assertThat(code.find()).as("a link code in the answer").isTrue();
            assertThat(matrix.say(ANA_ON_MATRIX, "Ana", "lier-compte " + code.group(1))).contains("C’est fait");
            assertThat(matrix.say(ANA_ON_MATRIX, "Ana", "langue fr")).contains("français");
            assertThat(matrix.say(ANA_ON_MATRIX, "Ana", "rappels oui " + SESSION)).contains("C’est noté");

            // the eve-of-gathering reminder goes out by direct message to both of her accounts
            clock.jumpTo(BEFORE_REMINDER);
            await().atMost(Duration.ofSeconds(30)).until(() -> !discord.directsTo(ANA).isEmpty()
                    && !matrix.directsTo(ANA_ON_MATRIX).isEmpty());
            assertThat(matrix.directsTo(ANA_ON_MATRIX).get(0).text()).contains("Nîmes");

            // Bea joins, and an organizer runs a round: Ana and Bea are introduced
            assertThat(discord.say(BEA, "Bea", "projet " + BEA_PROJECT)).contains("C’est noté");
            assertThat(discord.say(BEA, "Bea", "presentations oui")).contains("C’est noté");
            assertThat(discord.say(ORGANIZER, "Camille", "admin presentations reseau"))
                    .contains("Présentations envoyées", "2 personnes");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    texts(discord.directsTo(ANA)).contains("An introduction from Animabot")
                            && texts(discord.directsTo(BEA)).contains("Une présentation d’Animabot"));
            assertThat(texts(discord.directsTo(BEA))).contains(ANA_ON_MATRIX);

            // a week later the durable timers ask both whether they could talk; they answer
            clock.jumpTo(clock.instant().plus(AFTER_FOLLOW_UP));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    texts(discord.directsTo(ANA)).contains("Could you talk?")
                            && texts(discord.directsTo(BEA)).contains("Avez-vous pu échanger ?"));
            assertThat(discord.say(ANA, ANA_NAME, "echange oui")).contains("Glad you could talk");
            assertThat(discord.say(BEA, "Bea", "echange pas-encore")).contains("Merci");

            List<String> needles = List.of(ANA, ANA_ON_MATRIX, ANA_NAME, ANA_PROJECT, ANA_PROJECT_WORD);
            Map<String, Set<String>> before = whereHeld(database, needles);
            assertThat(before.get(ANA)).as("Ana's Discord id before erasure")
                    .contains("learner_account.person_id", "language_preference.person_id",
                            "reminder_choice.person_id", "delivery.target");
            assertThat(before.get(ANA_ON_MATRIX)).as("Ana's Matrix id before erasure")
                    .contains("learner_account.person_id", "language_preference.person_id",
                            "reminder_choice.person_id", "delivery.target", "outbox_post.message_json");
            assertThat(before.get(ANA_NAME)).as("Ana's name before erasure").contains("learner_account.display_name",
                    "outbox_post.message_json");
            assertThat(before.get(ANA_PROJECT)).as("Ana's project before erasure")
                    .contains("learner_profile.project");
            assertThat(before.get(ANA_PROJECT_WORD)).as("Ana's project, summed up to Bea, before erasure")
                    .contains("learner_profile.project", "outbox_post.message_json");

            assertThat(discord.say(ANA, ANA_NAME, "oublie-moi")).contains("To confirm: forget-me confirm");
            assertThat(discord.say(ANA, ANA_NAME, "oublie-moi confirmer")).contains("I erased everything");

            Map<String, Set<String>> after = whereHeld(database, needles);
            assertThat(after).as("where Ana's data is still held").allSatisfy((needle, places) ->
                    assertThat(places).as(needle).isEmpty());
            assertThat(discord.say(ANA, ANA_NAME, "mes donnees")).contains("Je ne garde rien sur vous");
            assertThat(matrix.say(ANA_ON_MATRIX, "Ana", "mon profil")).contains("Je ne garde rien sur votre profil");
            assertThat(whereHeld(database, needles)).as("nothing written back by reading")
                    .allSatisfy((needle, places) -> assertThat(places).as(needle).isEmpty());

            // Bea keeps her profile and her account; her introduction is counted still
            Map<String, Set<String>> bea = whereHeld(database, List.of(BEA, BEA_PROJECT));
            assertThat(bea.get(BEA)).contains("learner_account.person_id");
            assertThat(bea.get(BEA_PROJECT)).contains("learner_profile.project");
            assertThat(discord.say(BEA, "Bea", "mon profil")).contains(BEA_PROJECT, "Présentations : oui");
        }
    }

    private static ConfigurableApplicationContext start(String databaseUrl, Clock clock) {
        return new SpringApplicationBuilder(AnimabotApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("movableClock",
                        Clock.class, () -> clock, definition -> definition.setPrimary(true)))
                .run("--spring.datasource.url=" + databaseUrl,
                        "--spring.main.keep-alive=false",
                        "--server.port=0",
                        "--management.server.port=0",
                        "--animabot.console.enabled=false",
                        "--animabot.organizers=discord:" + ORGANIZER,
                        "--animabot.scheduler.polling-interval=200ms");
    }

    /**
     * Where each needle occurs in the schema, as {@code table.column} in lower case: every column of every table is
     * read (text as text, binary data decoded as UTF-8 and as Latin-1, everything else as its string form).
     */
    private static Map<String, Set<String>> whereHeld(DataSource database, List<String> needles) throws SQLException {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        needles.forEach(needle -> found.put(needle, new TreeSet<>()));
        try (Connection connection = database.getConnection()) {
            Map<String, List<String>> columns = columnsByTable(connection);
            assertThat(columns.keySet()).as("tables of the schema").extracting(t -> t.toLowerCase(Locale.ROOT))
                    .contains("flyway_schema_history", "scheduled_tasks", "learner", "learner_account",
                            "learner_profile", "link_code", "introduction", "introduction_round", "outbox_post",
                            "delivery", "language_preference", "reminder_choice", "room_link", "room_pause",
                            "platform_state");
            assertThat(columns.get(columns.keySet().stream().filter("scheduled_tasks"::equalsIgnoreCase).findFirst()
                    .orElseThrow())).extracting(c -> c.toLowerCase(Locale.ROOT)).contains("task_data");
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                String select = "SELECT " + String.join(", ", table.getValue().stream().map(c -> '"' + c + '"')
                        .toList()) + " FROM \"" + table.getKey() + "\"";
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery(select)) {
                    while (rows.next()) {
                        for (int i = 0; i < table.getValue().size(); i++) {
                            List<String> readings = readings(rows.getObject(i + 1));
                            for (String needle : needles) {
                                if (readings.stream().anyMatch(text -> text.contains(needle))) {
                                    found.get(needle).add((table.getKey() + "." + table.getValue().get(i))
                                            .toLowerCase(Locale.ROOT));
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The base tables of the connection's schema, each with its columns. */
    private static Map<String, List<String>> columnsByTable(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        String sql = """
                SELECT c.table_name, c.column_name
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name, c.ordinal_position""";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return columns;
    }

    private static List<String> readings(Object value) throws SQLException {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Clob clob) {
            return List.of(clob.getSubString(1, (int) clob.length()));
        }
        byte[] bytes = value instanceof Blob blob ? blob.getBytes(1, (int) blob.length())
                : value instanceof byte[] raw ? raw : null;
        if (bytes != null) {
            return List.of(new String(bytes, StandardCharsets.UTF_8), new String(bytes, StandardCharsets.ISO_8859_1));
        }
        return List.of(value.toString());
    }

    private static String texts(List<FakePlatform.Direct> directs) {
        StringBuilder all = new StringBuilder();
        directs.forEach(direct -> all.append(direct.text()).append('\n'));
        return all.toString();
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
