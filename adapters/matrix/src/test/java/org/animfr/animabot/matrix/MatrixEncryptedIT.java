package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.spi.InMemoryAnsweredMessages;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.matrix.synapse.Synapse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot in end-to-end encrypted rooms on the real Synapse, its device kept in an H2 database as the application
 * keeps it; the person is a second full Trixnity client, as Element would be, who reads what the bot sends only by
 * decrypting it.
 */
class MatrixEncryptedIT {
    /** The schema of the bot's device store; a subclass on a shared server gives each run its own. */
    protected String cryptoSchema() {
        return "matrix_crypto";
    }

    /** The bot's database: an H2 file, as the application's default. */
    protected HikariConfig database(Path dir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        return config;
    }

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final Synapse synapse = Synapse.ensureRunning();
    private final InMemorySyncTokenStore syncTokens = new InMemorySyncTokenStore();
    private final InMemoryAnsweredMessages answered = new InMemoryAnsweredMessages();
    private Synapse.User bot;
    private String anaName;
    private Synapse.User anaAccount;
    private EncryptedHuman ana;
    private HikariDataSource database;
    private MatrixChatPlatform matrix;

    @BeforeEach
    void start() {
        bot = synapse.register(Synapse.unique("animabot"), false);
        anaName = Synapse.unique("ana");
        anaAccount = synapse.register(anaName, false);
        database = new HikariDataSource(database(dir));
        matrix = startTheBot();
        ana = EncryptedHuman.open(synapse.baseUrl(), anaAccount.accessToken());
    }

    @AfterEach
    void stop() {
        if (ana != null) {
            ana.close();
        }
        matrix.stop();
        database.close();
        afterStopped();
    }

    /** Once the bot and its database are closed. */
    protected void afterStopped() {}

    private MatrixChatPlatform startTheBot() {
        MatrixChatPlatform platform = new BotFixture().join(new MatrixChatPlatform(
                MatrixSettings.withAccessToken(synapse.baseUrl(), bot.accessToken()), syncTokens, answered,
                Clock.systemUTC(), new EncryptionStore(database, cryptoSchema(), dir.resolve("media"))));
        await().atMost(WAIT).until(() -> platform.status().isConnected());
        return platform;
    }

    private String encryptedRoomWithTheBot(boolean direct) {
        String room = ana.createEncryptedRoom(direct, bot.userId());
        await().atMost(WAIT).until(() -> synapse.isJoined(anaAccount, room, bot.userId()));
        return room;
    }

    @Test
    void aQuestionInAnEncryptedRoomIsReadAndAnsweredEncrypted() {
        String room = encryptedRoomWithTheBot(false);

        String asked = ana.send(room, "!anim c'est quand le prochain regroupement ?");

        EncryptedHuman.Seen answer = ana.awaitFrom(room, bot.userId(), 1, WAIT).get(0);
        assertThat(answer.getEncrypted()).as("sent encrypted").isTrue();
        assertThat(answer.getMsgtype()).isEqualTo("m.notice");
        assertThat(answer.getBody()).contains("jeudi 15 novembre 2012 à 9 h 30", "Montpellier");
        assertThat(answer.getInReplyTo()).isEqualTo(asked);
        assertThat(answer.getMentioned()).containsExactly(ana.getUserId());
    }

    @Test
    void anEncryptedDirectChatFromElementIsAnsweredWithoutPrefix() {
        String room = encryptedRoomWithTheBot(true);

        ana.send(room, "quand commence la formation ?");

        EncryptedHuman.Seen answer = ana.awaitFrom(room, bot.userId(), 1, WAIT).get(0);
        assertThat(answer.getEncrypted()).isTrue();
        assertThat(answer.getBody()).contains("Animacoop");
    }

    @Test
    void aStoreHoldingAnotherAccountsDeviceIsNamedWithItsFixAndNotOpened() {
        matrix.stop();
        Synapse.User other = synapse.register(Synapse.unique("animabot"), false);

        MatrixChatPlatform pointedElsewhere = new BotFixture().join(new MatrixChatPlatform(
                MatrixSettings.withAccessToken(synapse.baseUrl(), other.accessToken()), new InMemorySyncTokenStore(),
                new InMemoryAnsweredMessages(), Clock.systemUTC(),
                new EncryptionStore(database, cryptoSchema(), dir.resolve("media"))));
        try {
            await().atMost(WAIT).until(() -> pointedElsewhere.status().reason() != null
                    && pointedElsewhere.status().reason().contains("holds the device of"));
            assertThat(pointedElsewhere.status().isConnected()).isFalse();
            assertThat(pointedElsewhere.status().reason()).contains(bot.userId(), other.userId(), cryptoSchema(),
                    "animabot.matrix.encryption-schema");
            assertThat(pointedElsewhere.userId()).isEmpty();
        } finally {
            pointedElsewhere.stop();
        }

        // the store is left as it was: its own account opens it again and answers
        matrix = startTheBot();
        String room = encryptedRoomWithTheBot(false);
        ana.send(room, "!anim semaine 3");
        assertThat(ana.awaitFrom(room, bot.userId(), 1, WAIT).get(0).getBody()).containsIgnoringCase("semaine 3");
    }

    @Test
    void afterARestartTheSameDeviceStillDecryptsNewMessages() {
        String room = encryptedRoomWithTheBot(false);
        ana.send(room, "!anim semaine 3");
        ana.awaitFrom(room, bot.userId(), 1, WAIT);
        List<String> devicesBefore = synapse.devices(bot);

        matrix.stop();
        matrix = startTheBot();
        ana.send(room, "!anim semaine 4");

        List<EncryptedHuman.Seen> answers = ana.awaitFrom(room, bot.userId(), 2, WAIT);
        assertThat(answers.get(1).getEncrypted()).isTrue();
        assertThat(answers.get(1).getBody()).containsIgnoringCase("semaine 4");
        assertThat(synapse.devices(bot)).as("no new device, nobody sees a new session").isEqualTo(devicesBefore);
    }

    @Test
    void questionsReadButNotYetAnsweredWhenTheBotStopsAreAnsweredOnceAfterItsRestart() {
        Synapse.User admin = synapse.register(Synapse.unique("admin"), true);
        synapse.overrideMessageRateLimit(admin, bot.userId(), 1, 1);
        String room = encryptedRoomWithTheBot(false);
        List<String> asked = new java.util.ArrayList<>();
        for (String question : List.of("!anim semaine 1", "!anim semaine 2", "!anim semaine 3", "!anim semaine 4")) {
            asked.add(ana.send(room, question));
        }
        ana.awaitFrom(room, bot.userId(), 1, WAIT);

        // a stop that cannot wait: what was read and not answered stays owed
        matrix.stopGrace(Duration.ZERO);
        matrix.stop();
        matrix = startTheBot();

        List<EncryptedHuman.Seen> answers = ana.awaitFrom(room, bot.userId(), asked.size(), WAIT);
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        assertThat(ana.seenFrom(room, bot.userId())).extracting(EncryptedHuman.Seen::getInReplyTo)
                .containsExactlyInAnyOrderElementsOf(asked);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getEncrypted()).isTrue());
    }

    @Test
    void aMessageTheBotCannotDecryptGetsANoticeInADirectChatAndTheNextOneIsAnswered() {
        String room = encryptedRoomWithTheBot(true);

        ana.sendUndecryptable(room);
        EncryptedHuman.Seen notice = ana.awaitFrom(room, bot.userId(), 1, WAIT).get(0);
        ana.send(room, "quand commence la formation ?");

        assertThat(notice.getBody()).contains("Je n’ai pas pu lire votre message", "I could not read your message");
        assertThat(ana.awaitFrom(room, bot.userId(), 2, WAIT).get(1).getBody()).contains("Animacoop");
        assertThat(matrix.status().isConnected()).isTrue();
    }

    @Test
    void aDirectMessageTheBotOpensIsAnEncryptedChat() throws Exception {
        matrix.sendDirect(new PersonRef("matrix", ana.getUserId()), Outgoing.once(Reply.plain("Bonjour Ana")))
                .toCompletableFuture().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

        // Ana accepts the invitation from another of her devices, as from her phone
        String room = MatrixTestSupport.acceptDirectInvitation(synapse, synapse.login(anaName), bot.userId(), WAIT);

        EncryptedHuman.Seen message = ana.awaitFrom(room, bot.userId(), 1, WAIT).get(0);
        assertThat(message.getEncrypted()).as("the chat the bot opened is encrypted").isTrue();
        assertThat(message.getBody()).isEqualTo("Bonjour Ana");
    }
}
