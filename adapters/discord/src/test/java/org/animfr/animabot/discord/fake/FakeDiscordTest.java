package org.animfr.animabot.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake Discord, proven with plain JDA configured as the adapter configures it. */
class FakeDiscordTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String LEA = "300000000000000101";
    private static final String CAMILLE = "300000000000000102";

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final BlockingQueue<GenericEvent> events = new LinkedBlockingQueue<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void jdaConnectsAndSeesTheGuildItsChannelsAndMembers() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        fake.addMember(LEA, "Léa", false);
        fake.addMember(CAMILLE, "Camille", true, "Animation");

        JDA jda = connect(fake, b -> b.setMemberCachePolicy(member -> true));

        assertThat(jda.getStatus()).isEqualTo(JDA.Status.CONNECTED);
        assertThat(jda.getSelfUser().getId()).isEqualTo(FakeDiscord.BOT_ID);
        assertThat(jda.getSelfUser().getApplicationId()).isEqualTo(FakeDiscord.APPLICATION_ID);
        Guild guild = jda.getGuildById(FakeDiscord.GUILD_ID);
        assertThat(guild).isNotNull();
        assertThat(guild.getTextChannels()).extracting(TextChannel::getName)
                .containsExactly("general", "announcements", "off-topic");
        assertThat(guild.getMemberCount()).isEqualTo(5);
        assertThat(guild.getMembers()).hasSize(5);
        assertThat(guild.getOwnerId()).isEqualTo(FakeDiscord.OWNER_ID);
        assertThat(guild.getMemberById(CAMILLE).getRoles()).extracting(r -> r.getName())
                .contains("Animation", "Server Managers");
        assertThat(guild.getMemberById(CAMILLE).hasPermission(Permission.MANAGE_SERVER)).isTrue();
        assertThat(guild.getMemberById(LEA).hasPermission(Permission.MANAGE_SERVER)).isFalse();
        assertThat(guild.getSelfMember().hasPermission(guild.getTextChannelById(FakeDiscord.GENERAL_CHANNEL_ID),
                Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS)).isTrue();
        assertThat(fake.lastIdentify().get("intents").asInt() & (1 << 15 | 1 << 9 | 1 << 12))
                .isEqualTo(1 << 15 | 1 << 9 | 1 << 12);
        assertThat(fake.unroutedCalls()).isEmpty();
    }

    @Test
    void aWrongTokenFailsTheLogin() {
        FakeDiscord fake = fake(Limits.DISCORD);

        assertThatThrownBy(() -> builder(fake, "not-the-token").build())
                .isInstanceOf(InvalidTokenException.class);
        assertThat(fake.awaitIdentified(Duration.ofMillis(100))).isFalse();
        assertThat(fake.calls()).extracting(RecordedCall::status).containsExactly(401);
    }

    @Test
    void registeredCommandsAreRecorded() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });

        jda.updateCommands().addCommands(
                Commands.slash("ping", "Answers pong").addOption(OptionType.STRING, "text", "What to echo"),
                Commands.slash("week", "A week's theme").addOptions(
                        new OptionData(OptionType.INTEGER, "number", "Week number", true, true)))
                .complete();

        assertThat(fake.registeredCommands()).extracting(c -> c.get("name").asText()).containsExactly("ping", "week");
        assertThat(fake.registeredCommands().get(1).get("options").get(0).get("autocomplete").asBoolean()).isTrue();
        assertThat(jda.retrieveCommands().complete()).hasSize(2);
    }

    @Test
    void aMessageReachesTheListenerWithItsContent() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        fake.addMember(LEA, "Léa", false);
        connect(fake, b -> { });

        String id = fake.sendMessage(LEA, FakeDiscord.GENERAL_CHANNEL_ID, "bonjour", false);

        Message message = next(MessageReceivedEvent.class).getMessage();
        assertThat(message.getId()).isEqualTo(id);
        assertThat(message.getContentRaw()).isEqualTo("bonjour");
        assertThat(message.getAuthor().getName()).isEqualTo("Léa");
        assertThat(message.getChannel().getId()).isEqualTo(FakeDiscord.GENERAL_CHANNEL_ID);
    }

    @Test
    void withoutTheMessageContentIntentOnlyMentionsKeepTheirContent() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        fake.addMember(LEA, "Léa", false);
        JDA jda = JDABuilder.createLight(FakeDiscord.BOT_TOKEN, GatewayIntent.GUILD_MESSAGES)
                .setRestConfig(new RestConfig().setBaseUrl(fake.restBaseUrl()))
                .setSessionController(gateway(fake))
                .setCompression(Compression.NONE)
                .setGatewayEncoding(GatewayEncoding.JSON)
                .addEventListeners((EventListener) events::add)
                .build();
        opened.add(() -> stop(jda));
        jda.awaitReady();

        fake.sendMessage(LEA, FakeDiscord.GENERAL_CHANNEL_ID, "pas pour le bot", false);
        fake.sendMessage(LEA, FakeDiscord.GENERAL_CHANNEL_ID, "quand ?", true);

        assertThat(next(MessageReceivedEvent.class).getMessage().getContentRaw()).isEmpty();
        assertThat(next(MessageReceivedEvent.class).getMessage().getContentRaw())
                .isEqualTo("<@" + FakeDiscord.BOT_ID + "> quand ?");
    }

    @Test
    void aSlashCommandReachesTheListenerAndTheEphemeralReplyIsRecorded() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        fake.addMember(CAMILLE, "Camille", true);
        JDA jda = connect(fake, b -> { });
        jda.updateCommands().addCommands(Commands.slash("ping", "Answers pong")
                .addOption(OptionType.STRING, "text", "What to echo", true)).complete();
        jda.addEventListener((EventListener) event -> {
            if (event instanceof SlashCommandInteractionEvent slash) {
                slash.reply("pong " + slash.getOption("text").getAsString()).setEphemeral(true).queue();
            }
        });

        JsonNode response = fake.slashCommand(CAMILLE, FakeDiscord.GENERAL_CHANNEL_ID, "ping", Map.of("text", "x"))
                .awaitResponse(WAIT);

        assertThat(response.get("type").asInt()).isEqualTo(4);
        assertThat(response.get("data").get("content").asText()).isEqualTo("pong x");
        assertThat(response.get("data").get("flags").asInt()).isEqualTo(64);
        SlashCommandInteractionEvent event = next(SlashCommandInteractionEvent.class);
        assertThat(event.getMember().hasPermission(Permission.MANAGE_SERVER)).isTrue();
        assertThat(event.getChannelId()).isEqualTo(FakeDiscord.GENERAL_CHANNEL_ID);
        assertThat(event.getUserLocale().getLocale()).isEqualTo("fr");
    }

    @Test
    void aDeferredReplyIsFollowedUpThroughTheWebhook() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });
        jda.updateCommands().addCommands(Commands.slash("admin", "Organizers only")
                .addSubcommands(new net.dv8tion.jda.api.interactions.commands.build.SubcommandData("announce",
                        "Announce").addOption(OptionType.STRING, "text", "What", true))).complete();
        jda.addEventListener((EventListener) event -> {
            if (event instanceof SlashCommandInteractionEvent slash) {
                slash.deferReply(true).queue(hook -> {
                    hook.editOriginal("done: " + slash.getSubcommandName()).queue();
                    hook.sendMessage("and one more").queue();
                });
            }
        });

        Interaction interaction = fake.slashCommand(FakeDiscord.OWNER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "admin",
                Map.of("text", "hello"), "announce");

        assertThat(interaction.awaitResponse(WAIT).get("type").asInt()).isEqualTo(5);
        assertThat(interaction.awaitFollowUps(2, WAIT)).extracting(f -> f.get("content").asText())
                .containsExactlyInAnyOrder("done: announce", "and one more");
    }

    @Test
    void theFirstFollowUpAfterADeferralFillsTheDeferredMessageWhichStaysPrivate() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });
        jda.updateCommands().addCommands(Commands.slash("slow", "Takes long")).complete();
        BlockingQueue<Message> sent = new LinkedBlockingQueue<>();
        jda.addEventListener((EventListener) event -> {
            if (event instanceof SlashCommandInteractionEvent slash) {
                slash.deferReply(true).queue(hook -> hook.sendMessage("first").setEphemeral(false).queue(first -> {
                    sent.add(first);
                    hook.sendMessage("second").setEphemeral(false).queue(sent::add);
                }));
            }
        });

        Interaction interaction = fake.slashCommand(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "slow",
                Map.of());

        Message first = sent.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        Message second = sent.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(first.getId()).isEqualTo(interaction.responseMessageId());
        assertThat(first.isEphemeral()).as("as deferred").isTrue();
        assertThat(second.getId()).isNotEqualTo(interaction.responseMessageId());
        assertThat(second.isEphemeral()).isFalse();
    }

    @Test
    void aCommandIsOfferedOnlyWhereAndToWhomItsSettingsAllow() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });
        jda.updateCommands().addCommands(Commands.slash("manage", "Managers only")
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD)).complete();

        assertThatThrownBy(() -> fake.slashCommand(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "manage",
                Map.of())).as("a member without Manage Server").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.slashCommand(FakeDiscord.OWNER_ID, fake.dmChannelOf(FakeDiscord.OWNER_ID),
                "manage", Map.of())).as("in a DM").isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.slashCommand(FakeDiscord.OWNER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "manage", Map.of()))
                .isNotNull();
        fake.allowCommand("manage", FakeDiscord.MEMBER_ID);
        assertThat(fake.slashCommand(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "manage", Map.of()))
                .as("allowed by a server manager").isNotNull();
    }

    @Test
    void autocompleteChoicesAreRecorded() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });
        jda.updateCommands().addCommands(Commands.slash("week", "A week's theme").addOptions(
                new OptionData(OptionType.INTEGER, "number", "Week number", true, true),
                new OptionData(OptionType.STRING, "session", "Session", false))).complete();
        jda.addEventListener((EventListener) event -> {
            if (event instanceof CommandAutoCompleteInteractionEvent complete) {
                complete.replyChoiceLongs(Long.parseLong(complete.getFocusedOption().getValue()) * 10).queue();
            }
        });

        JsonNode response = fake.autocomplete(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "week",
                "number", "1", Map.of("session", "animacoop-7")).awaitResponse(WAIT);

        assertThat(response.get("type").asInt()).isEqualTo(8);
        assertThat(response.get("data").get("choices").get(0).get("value").asLong()).isEqualTo(10);
        assertThat(next(CommandAutoCompleteInteractionEvent.class).getOption("session").getAsString())
                .isEqualTo("animacoop-7");
    }

    @Test
    void aClickOnTheBotsButtonReachesTheListener() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });
        Message posted = jda.getTextChannelById(FakeDiscord.GENERAL_CHANNEL_ID).sendMessage("Choose")
                .addComponents(ActionRow.of(Button.primary("more", "More"))).complete();
        jda.addEventListener((EventListener) event -> {
            if (event instanceof ButtonInteractionEvent click) {
                click.reply("clicked " + click.getComponentId()).setEphemeral(true).queue();
            }
        });

        JsonNode response = fake.clickButton(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, posted.getId(),
                "more").awaitResponse(WAIT);

        assertThat(response.get("data").get("content").asText()).isEqualTo("clicked more");
        assertThat(next(ButtonInteractionEvent.class).getButton().getLabel()).isEqualTo("More");
    }

    @Test
    void aModalShownInAnswerIsRecordedAndItsSubmissionReachesTheListenerWithTheTypedText() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        fake.addMember(LEA, "Léa", false);
        JDA jda = connect(fake, b -> { });
        jda.updateCommands().addCommands(Commands.slash("bio", "Describe yourself")).complete();
        jda.addEventListener((EventListener) event -> {
            if (event instanceof SlashCommandInteractionEvent slash) {
                slash.replyModal(Modal.create("bio-form", "Your bio")
                        .addComponents(Label.of("A few words", TextInput.create("text", TextInputStyle.PARAGRAPH)
                                .setValue("before").setMaxLength(200).build()))
                        .build()).queue();
            } else if (event instanceof ModalInteractionEvent submitted) {
                submitted.reply("saved " + submitted.getValue("text").getAsString()).setEphemeral(true).queue();
            }
        });

        Interaction shown = fake.slashCommand(LEA, FakeDiscord.GENERAL_CHANNEL_ID, "bio", Map.of());
        JsonNode modal = shown.awaitModal(WAIT);
        JsonNode answer = fake.submitModal(LEA, shown, Map.of("text", "after")).awaitResponse(WAIT);

        assertThat(modal.get("custom_id").asText()).isEqualTo("bio-form");
        assertThat(modal.get("title").asText()).isEqualTo("Your bio");
        JsonNode label = modal.get("components").get(0);
        assertThat(label.get("type").asInt()).isEqualTo(18);
        assertThat(label.get("label").asText()).isEqualTo("A few words");
        assertThat(label.get("component").get("type").asInt()).isEqualTo(4);
        assertThat(label.get("component").get("style").asInt()).isEqualTo(2);
        assertThat(label.get("component").get("value").asText()).isEqualTo("before");
        assertThat(answer.get("data").get("content").asText()).isEqualTo("saved after");
        ModalInteractionEvent submitted = next(ModalInteractionEvent.class);
        assertThat(submitted.getModalId()).isEqualTo("bio-form");
        assertThat(submitted.getUser().getId()).isEqualTo(LEA);
    }

    @Test
    void aModalFieldLeftAsPrefilledIsSentAsPrefilledAndARequiredOneCannotBeSentEmpty() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });
        jda.updateCommands().addCommands(Commands.slash("bio", "Describe yourself")).complete();
        jda.addEventListener((EventListener) event -> {
            if (event instanceof SlashCommandInteractionEvent slash) {
                slash.replyModal(Modal.create("bio-form", "Your bio").addComponents(
                        Label.of("Name", TextInput.create("name", TextInputStyle.SHORT).setValue("Léa").build()),
                        Label.of("Bio", TextInput.create("text", TextInputStyle.PARAGRAPH).build())).build()).queue();
            } else if (event instanceof ModalInteractionEvent submitted) {
                submitted.reply(submitted.getValue("name").getAsString()).queue();
            }
        });
        Interaction shown = fake.slashCommand(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "bio", Map.of());
        shown.awaitModal(WAIT);

        assertThatThrownBy(() -> fake.submitModal(FakeDiscord.MEMBER_ID, shown, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("required");
        assertThatThrownBy(() -> fake.submitModal(LEA, shown, Map.of("text", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opened for");
        JsonNode answer = fake.submitModal(FakeDiscord.MEMBER_ID, shown, Map.of("text", "x")).awaitResponse(WAIT);

        assertThat(answer.get("data").get("content").asText()).isEqualTo("Léa");
    }

    @Test
    void modalsAreCheckedAgainstDiscordsRulesAndNeverShownInAnswerToAModal() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });
        jda.updateCommands().addCommands(Commands.slash("bio", "Describe yourself")).complete();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String modal = "{\"type\":9,\"data\":{\"custom_id\":\"m\",\"title\":\"%s\",\"components\":[{\"type\":18,"
                + "\"label\":\"%s\",\"component\":{\"type\":4,\"custom_id\":\"t\",\"style\":2}}]}}";

        Interaction first = fake.slashCommand(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "bio", Map.of());
        HttpResponse<String> longTitle = http.send(post(fake, callback(first), modal.formatted("t".repeat(46), "l")),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> longLabel = http.send(post(fake, callback(first), modal.formatted("t", "l".repeat(46))),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> shown = http.send(post(fake, callback(first), modal.formatted("t", "l")),
                HttpResponse.BodyHandlers.ofString());
        Interaction submitted = fake.submitModal(FakeDiscord.MEMBER_ID, first, Map.of("t", "text"));
        HttpResponse<String> modalAgain = http.send(post(fake, callback(submitted), modal.formatted("t", "l")),
                HttpResponse.BodyHandlers.ofString());

        assertThat(longTitle.statusCode()).isEqualTo(400);
        assertThat(longTitle.body()).contains("\"title\"", "BASE_TYPE_BAD_LENGTH");
        assertThat(longLabel.statusCode()).isEqualTo(400);
        assertThat(longLabel.body()).contains("\"label\"", "BASE_TYPE_BAD_LENGTH");
        assertThat(shown.statusCode()).isEqualTo(204);
        assertThat(modalAgain.statusCode()).isEqualTo(400);
        assertThat(modalAgain.body()).contains("\"type\"", "BASE_TYPE_CHOICES");
        assertThat(submitted.response()).isEmpty();
    }

    @Test
    void aFileSentWithAMessageIsStoredAsAnAttachmentAndServedAtItsUrl() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        fake.addMember(LEA, "Léa", false);
        JDA jda = connect(fake, b -> { });

        jda.getTextChannelById(FakeDiscord.GENERAL_CHANNEL_ID).sendMessage("voici")
                .addFiles(FileUpload.fromData("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "data.json")).complete();
        Message direct = jda.openPrivateChannelById(LEA).flatMap(c -> c.sendFiles(
                FileUpload.fromData("bonjour".getBytes(StandardCharsets.UTF_8), "mot.txt"))).complete();

        JsonNode posted = fake.messagesIn(FakeDiscord.GENERAL_CHANNEL_ID).get(0);
        assertThat(posted.get("content").asText()).isEqualTo("voici");
        JsonNode attachment = posted.get("attachments").get(0);
        assertThat(attachment.get("filename").asText()).isEqualTo("data.json");
        assertThat(attachment.get("size").asInt()).isEqualTo(7);
        assertThat(fake.file(attachment).orElseThrow().text()).isEqualTo("{\"a\":1}");
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(attachment.get("url").asText())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(served.body()).isEqualTo("{\"a\":1}");
        assertThat(direct.getAttachments()).singleElement()
                .satisfies(a -> assertThat(a.getFileName()).isEqualTo("mot.txt"));
        RecordedCall call = fake.calls().stream().filter(c -> c.path().equals("channels/"
                + FakeDiscord.GENERAL_CHANNEL_ID + "/messages")).findFirst().orElseThrow();
        assertThat(call.body().get("content").asText()).isEqualTo("voici");
        assertThat(call.files()).extracting(UploadedFile::fileName).containsExactly("data.json");
    }

    @Test
    void aFileSentWithAnEphemeralReplyOrAFollowUpIsRecordedOnTheInteraction() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });
        jda.updateCommands().addCommands(Commands.slash("export", "My data")).complete();
        jda.addEventListener((EventListener) event -> {
            if (event instanceof SlashCommandInteractionEvent slash) {
                slash.reply("your data").setEphemeral(true)
                        .addFiles(FileUpload.fromData("{}".getBytes(StandardCharsets.UTF_8), "mine.json"))
                        .queue(hook -> hook.sendFiles(FileUpload.fromData("more".getBytes(StandardCharsets.UTF_8),
                                "more.txt")).setEphemeral(true).queue());
            }
        });

        Interaction interaction = fake.slashCommand(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "export",
                Map.of());

        List<UploadedFile> files = interaction.awaitFiles(2, WAIT);
        assertThat(files).extracting(UploadedFile::fileName).containsExactly("mine.json", "more.txt");
        assertThat(files.get(0).text()).isEqualTo("{}");
        JsonNode response = interaction.awaitResponse(WAIT);
        assertThat(response.get("data").get("content").asText()).isEqualTo("your data");
        assertThat(response.get("data").get("flags").asInt() & 64).isEqualTo(64);
    }

    @Test
    void twelveQuickMessagesToOneChannelAreEachStoredOnceWithinTheRateLimit() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });
        TextChannel general = jda.getTextChannelById(FakeDiscord.GENERAL_CHANNEL_ID);

        for (int i = 0; i < 12; i++) {
            general.sendMessage("message " + i).queue();
        }

        List<JsonNode> stored = fake.awaitMessagesIn(FakeDiscord.GENERAL_CHANNEL_ID, 12, Duration.ofSeconds(30));
        Thread.sleep(300);
        assertThat(fake.messagesIn(FakeDiscord.GENERAL_CHANNEL_ID)).hasSize(12);
        assertThat(stored).extracting(m -> m.get("content").asText())
                .containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 12).mapToObj(i -> "message " + i)
                        .toArray(String[]::new));
        assertThat(fake.tooManyRequestsServed()).isZero();
    }

    @Test
    void jdaWaitsOutAGlobal429AndEachMessageIsStillStoredOnce() throws Exception {
        FakeDiscord fake = fake(new Limits(5, Duration.ofSeconds(5), 5, Duration.ofSeconds(3)));
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            channels.add(Long.toString(130000000000000000L + i));
            fake.addTextChannel(channels.get(i), "room-" + i);
        }
        JDA jda = connect(fake, b -> { });

        channels.forEach(id -> jda.getTextChannelById(id).sendMessage("to " + id).queue());

        for (String id : channels) {
            assertThat(fake.awaitMessagesIn(id, 1, WAIT)).extracting(m -> m.get("content").asText())
                    .containsExactly("to " + id);
        }
        assertThat(fake.tooManyRequestsServed()).isPositive();
        assertThat(fake.calls()).filteredOn(c -> c.status() == 429).isNotEmpty();
    }

    @Test
    void aReplyCarriesItsReferenceAndJdaReadsTheAnswer() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });
        fake.sendMessage(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "question", true);
        Message question = next(MessageReceivedEvent.class).getMessage();

        Message answer = question.reply("answer").mentionRepliedUser(false).complete();

        JsonNode stored = fake.messagesIn(FakeDiscord.GENERAL_CHANNEL_ID).get(0);
        assertThat(stored.get("message_reference").get("message_id").asText()).isEqualTo(question.getId());
        assertThat(stored.get("allowed_mentions").get("replied_user").asBoolean()).isFalse();
        assertThat(answer.getReferencedMessage().getContentRaw()).contains("question");
        assertThat(answer.getAuthor().getId()).isEqualTo(jda.getSelfUser().getId());
    }

    @Test
    void afterTheGatewayClosesJdaResumesAndStillGetsMessages() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });

        fake.closeGateway(4000);
        fake.sendMessage(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "while away", false);
        awaitTrue(() -> fake.resumeCount() == 1 && jda.getStatus() == JDA.Status.CONNECTED);
        fake.sendMessage(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "after", false);

        assertThat(next(MessageReceivedEvent.class).getMessage().getContentRaw()).isEqualTo("while away");
        assertThat(next(MessageReceivedEvent.class).getMessage().getContentRaw()).isEqualTo("after");
        assertThat(fake.identifyCount()).isEqualTo(1);
    }

    @Test
    void replayOnResumeSendsTheLastEventAgain() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });
        fake.replayOnResume(true);
        String id = fake.sendMessage(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "once", false);
        assertThat(next(MessageReceivedEvent.class).getMessageId()).isEqualTo(id);

        fake.closeGateway(4000);

        assertThat(next(MessageReceivedEvent.class).getMessageId()).isEqualTo(id);
        awaitTrue(() -> jda.getStatus() == JDA.Status.CONNECTED);
    }

    @Test
    void directMessagesGoBothWays() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        fake.addMember(LEA, "Léa", false);
        JDA jda = connect(fake, b -> { });

        jda.openPrivateChannelById(LEA).flatMap(c -> c.sendMessage("hi")).complete();
        fake.sendDirectMessage(LEA, "hello bot");

        assertThat(fake.messagesIn(fake.dmChannelOf(LEA))).extracting(m -> m.get("content").asText())
                .containsExactly("hi");
        Message received = next(MessageReceivedEvent.class).getMessage();
        assertThat(received.isFromType(ChannelType.PRIVATE)).isTrue();
        assertThat(received.getContentRaw()).isEqualTo("hello bot");
        assertThat(received.getChannel().getId()).isEqualTo(fake.dmChannelOf(LEA));
    }

    @Test
    void aSlowAnswerToAnInteractionIsRefusedAsDiscordDoes() throws Exception {
        FakeDiscord fake = fake(new Limits(5, Duration.ofSeconds(5), 50, Duration.ofMillis(200)));
        JDA jda = connect(fake, b -> { });
        jda.updateCommands().addCommands(Commands.slash("slow", "Too slow")).complete();
        BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();
        jda.addEventListener((EventListener) event -> {
            if (event instanceof SlashCommandInteractionEvent slash) {
                sleep(400);
                slash.reply("late").queue(null, failures::add);
            }
        });

        fake.slashCommand(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "slow", Map.of());

        assertThat(failures.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).hasMessageContaining("10062");
    }

    @Test
    void restEnforcesDiscordsLimitsAndAnswersLikeDiscord() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> tooLong = http.send(post(fake, "channels/" + FakeDiscord.GENERAL_CHANNEL_ID
                + "/messages", "{\"content\":\"" + "x".repeat(2001) + "\"}"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(post(fake, "guilds/1/bans", "{}"),
                HttpResponse.BodyHandlers.ofString());
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(fake.restBaseUrl() + "users/@me"))
                    .header("Authorization", "Bot " + FakeDiscord.BOT_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> burst = sent.stream().map(java.util.concurrent.CompletableFuture::join).toList();

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"code\":50035", "BASE_TYPE_MAX_LENGTH");
        assertThat(fake.messagesIn(FakeDiscord.GENERAL_CHANNEL_ID)).isEmpty();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("POST /api/v10/guilds/1/bans");
        assertThat(fake.unroutedCalls()).extracting(RecordedCall::path).containsExactly("guilds/1/bans");
        HttpResponse<String> limited = burst.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(limited.headers().firstValue("Via")).hasValue("1.1 google");
        assertThat(limited.headers().firstValue("X-RateLimit-Global")).hasValue("true");
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(limited.body()).contains("\"global\":true");
        assertThat(fake.tooManyRequestsServed()).isEqualTo((int) burst.stream().filter(r -> r.statusCode() == 429)
                .count());
    }

    @Test
    void aSixthMessageWithinTheChannelWindowIsRefusedAndNotStored() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String messages = "channels/" + FakeDiscord.OFF_TOPIC_CHANNEL_ID + "/messages";

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(http.send(post(fake, messages, "{\"content\":\"n" + i + "\"}"),
                    HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 200, 200, 429);
        assertThat(responses.get(4).headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        HttpResponse<String> limited = responses.get(5);
        assertThat(limited.headers().firstValue("Via")).hasValue("1.1 google");
        assertThat(limited.headers().firstValue("X-RateLimit-Bucket"))
                .isEqualTo(responses.get(0).headers().firstValue("X-RateLimit-Bucket"));
        assertThat(limited.headers().firstValue("X-RateLimit-Global")).isEmpty();
        assertThat(limited.body()).contains("\"global\":false", "retry_after");
        assertThat(fake.messagesIn(FakeDiscord.OFF_TOPIC_CHANNEL_ID)).hasSize(5);
        assertThat(fake.tooManyRequestsServed()).isEqualTo(1);
    }

    @Test
    void aMessageSentAgainWithTheSameEnforcedNonceIsStoredOnce() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"content\":\"once\",\"nonce\":\"42\",\"enforce_nonce\":true}";

        HttpResponse<String> first = http.send(post(fake, "channels/" + FakeDiscord.GENERAL_CHANNEL_ID + "/messages",
                body), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = http.send(post(fake, "channels/" + FakeDiscord.GENERAL_CHANNEL_ID + "/messages",
                body), HttpResponse.BodyHandlers.ofString());

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(fake.messagesIn(FakeDiscord.GENERAL_CHANNEL_ID)).hasSize(1);
    }

    @Test
    void twoBotsOnOneTokenEachOpenASessionAndEachGetEveryEvent() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA first = connect(fake, b -> { });
        BlockingQueue<GenericEvent> secondEvents = new LinkedBlockingQueue<>();
        JDA second = connect(fake, secondEvents, b -> { });
        first.updateCommands().addCommands(Commands.slash("ping", "Answers pong")).complete();

        String id = fake.sendMessage(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "bonjour", false);
        Interaction ping = fake.slashCommand(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "ping", Map.of());

        assertThat(fake.identifyCount()).isEqualTo(2);
        assertThat(List.of(first.getStatus(), second.getStatus())).containsOnly(JDA.Status.CONNECTED);
        assertThat(next(MessageReceivedEvent.class).getMessageId()).isEqualTo(id);
        assertThat(next(secondEvents, MessageReceivedEvent.class).getMessageId()).isEqualTo(id);
        assertThat(next(SlashCommandInteractionEvent.class).getId()).isEqualTo(ping.id());
        assertThat(next(secondEvents, SlashCommandInteractionEvent.class).getId()).isEqualTo(ping.id());
    }

    @Test
    void eachSessionGetsTheEventsAsItsOwnIntentsAllow() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        connect(fake, b -> { });
        BlockingQueue<GenericEvent> withoutContent = new LinkedBlockingQueue<>();
        JDA second = JDABuilder.createLight(FakeDiscord.BOT_TOKEN, GatewayIntent.GUILD_MESSAGES)
                .setRestConfig(new RestConfig().setBaseUrl(fake.restBaseUrl()))
                .setSessionController(gateway(fake))
                .setCompression(Compression.NONE)
                .setGatewayEncoding(GatewayEncoding.JSON)
                .addEventListeners((EventListener) withoutContent::add)
                .build();
        opened.add(() -> stop(second));
        second.awaitReady();

        fake.sendMessage(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "pas pour le bot", false);
        fake.sendDirectMessage(FakeDiscord.MEMBER_ID, "en privé");

        assertThat(next(MessageReceivedEvent.class).getMessage().getContentRaw()).isEqualTo("pas pour le bot");
        assertThat(next(MessageReceivedEvent.class).getMessage().getContentRaw()).isEqualTo("en privé");
        assertThat(next(withoutContent, MessageReceivedEvent.class).getMessage().getContentRaw()).isEmpty();
        assertThat(withoutContent.stream().filter(MessageReceivedEvent.class::isInstance)).isEmpty();
    }

    @Test
    void afterTheGatewayClosesEachSessionResumesOnItsOwnAndMissesNothing() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA first = connect(fake, b -> { });
        BlockingQueue<GenericEvent> secondEvents = new LinkedBlockingQueue<>();
        JDA second = connect(fake, secondEvents, b -> { });

        fake.closeGateway(4000);
        fake.sendMessage(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "while away", false);
        awaitTrue(() -> fake.resumeCount() == 2 && first.getStatus() == JDA.Status.CONNECTED
                && second.getStatus() == JDA.Status.CONNECTED);
        fake.sendMessage(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "after", false);

        for (BlockingQueue<GenericEvent> received : List.of(events, secondEvents)) {
            assertThat(next(received, MessageReceivedEvent.class).getMessage().getContentRaw())
                    .isEqualTo("while away");
            assertThat(next(received, MessageReceivedEvent.class).getMessage().getContentRaw()).isEqualTo("after");
        }
        assertThat(fake.identifyCount()).isEqualTo(2);
    }

    @Test
    void aSecondInitialResponseToAnInteractionIsRefusedAsAlreadyAcknowledged() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA first = connect(fake, b -> { });
        JDA second = connect(fake, new LinkedBlockingQueue<>(), b -> { });
        first.updateCommands().addCommands(Commands.slash("ping", "Answers pong")).complete();
        BlockingQueue<String> answered = new LinkedBlockingQueue<>();
        BlockingQueue<Throwable> refused = new LinkedBlockingQueue<>();
        for (JDA jda : List.of(first, second)) {
            jda.addEventListener((EventListener) event -> {
                if (event instanceof SlashCommandInteractionEvent slash) {
                    slash.reply("pong from " + (jda == first ? "first" : "second"))
                            .queue(hook -> answered.add("answered"), refused::add);
                }
            });
        }

        Interaction ping = fake.slashCommand(FakeDiscord.MEMBER_ID, FakeDiscord.GENERAL_CHANNEL_ID, "ping", Map.of());

        assertThat(answered.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
        assertThat(refused.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.INTERACTION_ALREADY_ACKNOWLEDGED);
                    assertThat(e.getErrorCode()).isEqualTo(40060);
                    assertThat(e.getMeaning()).isEqualTo("Interaction has already been acknowledged.");
                });
        assertThat(fake.calls()).filteredOn(c -> c.path().startsWith("interactions/" + ping.id() + "/"))
                .extracting(RecordedCall::status).containsExactly(200, 400);
        assertThat(ping.response().orElseThrow().get("data").get("content").asText()).startsWith("pong from ");
    }

    @Test
    void messagesSentAtTheSameMomentWithTheSameEnforcedNonceMakeOneMessage() throws Exception {
        FakeDiscord fake = fake(Limits.NONE);
        URI messages = URI.create(fake.restBaseUrl() + "channels/" + FakeDiscord.GENERAL_CHANNEL_ID + "/messages");
        // a lost race shows only now and then: many rounds of many senders make it show in every run
        int rounds = 200;
        int senders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        opened.add(pool::shutdownNow);

        for (int round = 0; round < rounds; round++) {
            String body = "{\"content\":\"once\",\"nonce\":\"n" + round + "\",\"enforce_nonce\":true}";
            CyclicBarrier together = new CyclicBarrier(senders);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> postAtOnce(messages, body, together)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> answer : answers) {
                ids.add(World.JSON.readTree(answer.get(10, TimeUnit.SECONDS)).get("id").asText());
            }
            assertThat(ids).as("round " + round).containsOnly(ids.get(0));
        }
        assertThat(fake.messagesIn(FakeDiscord.GENERAL_CHANNEL_ID)).hasSize(rounds);
    }

    @Test
    void aDeletedChannelLeavesTheBotsCacheAndIsThenAnUnknownChannel() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        JDA jda = connect(fake, b -> { });
        TextChannel offTopic = jda.getTextChannelById(FakeDiscord.OFF_TOPIC_CHANNEL_ID);

        fake.deleteChannel(FakeDiscord.OFF_TOPIC_CHANNEL_ID);

        assertThat(next(ChannelDeleteEvent.class).getChannel().getId()).isEqualTo(FakeDiscord.OFF_TOPIC_CHANNEL_ID);
        assertThat(jda.getTextChannelById(FakeDiscord.OFF_TOPIC_CHANNEL_ID)).isNull();
        // a send that raced the deletion, through the channel the bot still held
        assertThatThrownBy(() -> offTopic.sendMessage("too late").complete())
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.UNKNOWN_CHANNEL));
        assertThat(fake.calls()).last().satisfies(call -> assertThat(call.status()).isEqualTo(404))
                .satisfies(call -> assertThat(call.path())
                        .isEqualTo("channels/" + FakeDiscord.OFF_TOPIC_CHANNEL_ID + "/messages"));
        assertThat(fake.messagesIn(FakeDiscord.OFF_TOPIC_CHANNEL_ID)).isEmpty();
        assertThat(jda.getTextChannels()).extracting(TextChannel::getName).containsExactly("general", "announcements");
    }

    @Test
    void aMemberWhoClosedDirectMessagesCannotBeWrittenTo() throws Exception {
        FakeDiscord fake = fake(Limits.DISCORD);
        fake.addMember(LEA, "Léa", false);
        JDA jda = connect(fake, b -> { });

        fake.closeDirectMessages(LEA);

        assertThatThrownBy(() -> jda.openPrivateChannelById(LEA).flatMap(c -> c.sendMessage("hi")).complete())
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.CANNOT_SEND_TO_USER));
        assertThat(fake.calls()).last().satisfies(call -> assertThat(call.status()).isEqualTo(403));
        assertThat(fake.messagesIn(fake.dmChannelOf(LEA))).isEmpty();
    }

    // ---- helpers

    private FakeDiscord fake(Limits limits) {
        FakeDiscord fake = FakeDiscord.start(limits);
        opened.add(fake);
        return fake;
    }

    /** JDA as the adapter builds it, pointed at the fake, with every event going to {@link #events}. */
    private JDABuilder builder(FakeDiscord fake, String token) {
        return builder(fake, token, events);
    }

    private static JDABuilder builder(FakeDiscord fake, String token, BlockingQueue<GenericEvent> received) {
        return JDABuilder.createLight(token,
                        GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
                .setRestConfig(new RestConfig().setBaseUrl(fake.restBaseUrl()))
                .setSessionController(gateway(fake))
                .setCompression(Compression.NONE)
                .setGatewayEncoding(GatewayEncoding.JSON)
                .addEventListeners((EventListener) received::add);
    }

    private JDA connect(FakeDiscord fake, Consumer<JDABuilder> customize) throws InterruptedException {
        return connect(fake, events, customize);
    }

    /** A JDA whose events go to {@code received}: a second instance of the bot, on the same token. */
    private JDA connect(FakeDiscord fake, BlockingQueue<GenericEvent> received, Consumer<JDABuilder> customize)
            throws InterruptedException {
        JDABuilder builder = builder(fake, FakeDiscord.BOT_TOKEN, received);
        customize.accept(builder);
        JDA jda = builder.build();
        opened.add(() -> stop(jda));
        return jda.awaitReady();
    }

    /** Lets requests in flight finish, so that no test's teardown shows up as errors in the next one's log. */
    private static void stop(JDA jda) throws InterruptedException {
        jda.shutdown();
        if (!jda.awaitShutdown(Duration.ofSeconds(2))) {
            jda.shutdownNow();
        }
    }

    private static SessionControllerAdapter gateway(FakeDiscord fake) {
        return new SessionControllerAdapter() {
            @Override
            public String getGateway() {
                return fake.gatewayUrl();
            }
        };
    }

    private <T extends GenericEvent> T next(Class<T> type) throws InterruptedException {
        return next(events, type);
    }

    private static <T extends GenericEvent> T next(BlockingQueue<GenericEvent> received, Class<T> type)
            throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        GenericEvent event;
        while ((event = received.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(20);
        }
    }

    private static String callback(Interaction interaction) {
        return "interactions/" + interaction.id() + "/" + interaction.token() + "/callback";
    }

    private static HttpRequest post(FakeDiscord fake, String path, String json) {
        return HttpRequest.newBuilder(URI.create(fake.restBaseUrl() + path))
                .header("Authorization", "Bot " + FakeDiscord.BOT_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /**
     * POSTs the JSON on a connection of its own, all senders writing once each is connected and at the barrier, so
     * that the requests reach the fake at the same moment; returns the response body.
     */
    private static String postAtOnce(URI uri, String json, CyclicBarrier together) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAuthorization: Bot " + FakeDiscord.BOT_TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            together.await(10, TimeUnit.SECONDS);
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            String status = readLine(in);
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new AssertionError("expected 200, got " + status);
            }
            int length = -1;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).strip());
                }
            }
            byte[] answer = new byte[length];
            in.readFully(answer);
            return new String(answer, StandardCharsets.UTF_8);
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed in the middle of a line: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
