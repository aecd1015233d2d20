package org.animfr.animabot.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.testing.BotFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Picks one feature per message, checks rights, and turns every failure into a friendly reply. */
class DispatcherTest {
    private static final String FRENCH_ERROR = BotFixture.MESSAGES.get(Language.FR, "error.internal");
    private static final String ENGLISH_ERROR = BotFixture.MESSAGES.get(Language.EN, "error.internal");

    /** Commands a platform already parsed (slash commands, buttons), on the whole core. */
    @Nested
    class ParsedCalls {
        private final BotFixture fixture = new BotFixture();
        private final CommandCall gatheringsOfAnimacoop8 =
                new CommandCall("gatherings", Map.of("session", "animacoop-8"));

        @Test
        void aCallFromAnEnglishClientIsAnsweredInEnglish() {
            String reply = use("learner", gatheringsOfAnimacoop8, Locale.ENGLISH);

            assertThat(reply).isEqualTo("The gathering of Animacoop 8:\n"
                    + "• Lancement: Thursday 7 March 2013 at 9:30 AM, Café des images, Caen");
        }

        @Test
        void aCallFromAFrenchClientIsAnsweredInFrench() {
            String reply = use("learner", gatheringsOfAnimacoop8, Locale.FRENCH);

            assertThat(reply).isEqualTo("Animacoop 8 — le regroupement :\n"
                    + "• Lancement : jeudi 7 mars 2013 à 9 h 30, Café des images, Caen");
        }

        @Test
        void aCallFromAClientOfAnotherLanguageIsAnsweredInFrench() {
            assertThat(use("learner", gatheringsOfAnimacoop8, Locale.GERMAN)).startsWith("Animacoop 8 — le regroupement");
            assertThat(use("learner", gatheringsOfAnimacoop8, null)).startsWith("Animacoop 8 — le regroupement");
        }

        @Test
        void theLanguageAPersonChoseComesBeforeTheirClientsLanguage() {
            fixture.ask("langue fr");

            assertThat(use("learner", gatheringsOfAnimacoop8, Locale.ENGLISH))
                    .startsWith("Animacoop 8 — le regroupement :");
            assertThat(use("someone-else", gatheringsOfAnimacoop8, Locale.ENGLISH))
                    .startsWith("The gathering of Animacoop 8:");
        }

        @Test
        void argumentsTheCommandDoesNotTakeAreIgnored() {
            CommandCall call = new CommandCall("gatherings", Map.of("session", "animacoop-8", "colour", "blue"));

            assertThat(use("learner", call, Locale.FRENCH)).startsWith("Animacoop 8 — le regroupement :");
        }

        @Test
        void anUnknownCallIsNotAvailable() {
            assertThat(use("learner", new CommandCall("nope"), Locale.FRENCH))
                    .isEqualTo("La commande « nope » n’est pas disponible ici.");
            assertThat(use("learner", new CommandCall("nope"), Locale.ENGLISH))
                    .isEqualTo("The command “nope” is not available here.");
        }

        @Test
        void anOrganizerCallFromSomeoneElseIsRefusedAndLinksNothing() {
            CommandCall link = new CommandCall("admin-link", Map.of("session", "animacoop-8"));

            String reply = use("learner", link, Locale.FRENCH);

            assertThat(reply).contains("réservée aux organisateurs");
            assertThat(fixture.links.sessionOf(new ConversationRef("test", "salon"))).isEmpty();
        }

        @Test
        void anOrganizerCallFromTheOrganizerLinksTheRoom() {
            CommandCall link = new CommandCall("admin-link", Map.of("session", "animacoop-8"));

            String reply = use("organizer", link, Locale.FRENCH);

            assertThat(reply).contains("relié à Animacoop 8 (animacoop-8)");
            assertThat(fixture.links.sessionOf(new ConversationRef("test", "salon"))).contains("animacoop-8");
        }

        private String use(String person, CommandCall call, Locale locale) {
            return BotFixture.text(fixture.platform.use(person, "salon", call, locale));
        }
    }

    /** A dispatcher built by hand around features that break. */
    @Nested
    class BrokenFeatures {
        private static final PersonRef ENGLISH_SPEAKER = new PersonRef("test", "english-speaker");
        private static final Completions NOTHING_KNOWN = new Completions() {
            @Override
            public List<Parameter.Choice> complete(Completion what, String typed, Map<String, String> arguments) {
                return List.of();
            }

            @Override
            public boolean names(Completion what, String text) {
                return false;
            }
        };

        private final AtomicInteger questionsAsked = new AtomicInteger();
        private final Dispatcher dispatcher = new Dispatcher(
                new CommandRegistry(List.of(new HelpCommand(BotFixture.MESSAGES), throwing(), failing(), ping())),
                NOTHING_KNOWN,
                (question, asked) -> {
                    questionsAsked.incrementAndGet();
                    return List.of(Reply.plain("réponse à " + question));
                },
                List.of(),
                BotFixture.MESSAGES,
                person -> person.equals(ENGLISH_SPEAKER) ? Optional.of(Language.EN) : Optional.empty(),
                new Organizers(Set.of()),
                Clock.fixed(Instant.parse("2012-11-05T09:00:00Z"), ZoneOffset.UTC),
                () -> ZoneId.of("Europe/Paris"));

        @Test
        void aFeatureThatThrowsGivesTheInternalErrorInFrench() {
            CompletionStage<List<Reply>> stage = handle("learner", "boum");

            assertThat(textOf(stage)).isEqualTo(FRENCH_ERROR);
        }

        @Test
        void aFeatureThatThrowsGivesTheInternalErrorInTheChosenLanguage() {
            assertThat(textOf(handle(ENGLISH_SPEAKER.id(), "boum"))).isEqualTo(ENGLISH_ERROR);
        }

        @Test
        void aFeatureWhoseStageFailsGivesTheInternalError() {
            assertThat(textOf(handle("learner", "echec"))).isEqualTo(FRENCH_ERROR);
            assertThat(textOf(handle(ENGLISH_SPEAKER.id(), "echec"))).isEqualTo(ENGLISH_ERROR);
        }

        @Test
        void aParsedCallToAFeatureThatThrowsGivesTheInternalErrorInTheClientsLanguage() {
            IncomingMessage call = IncomingMessage.command(ref(), person("learner"),
                    new CommandCall("boom"), false, false, Instant.now(), Locale.ENGLISH);

            assertThat(textOf(dispatcher.handle(call))).isEqualTo(ENGLISH_ERROR);
        }

        @Test
        void aParsedCallToAFeatureThatThrowsGivesTheInternalErrorInTheChosenLanguage() {
            IncomingMessage call = IncomingMessage.command(ref(), person(ENGLISH_SPEAKER.id()),
                    new CommandCall("boom"), false, false, Instant.now(), Locale.FRENCH);

            assertThat(textOf(dispatcher.handle(call))).isEqualTo(ENGLISH_ERROR);
        }

        @Test
        void aParsedCallWhoseStageFailsGivesTheInternalErrorInTheChosenLanguage() {
            IncomingMessage call = IncomingMessage.command(ref(), person(ENGLISH_SPEAKER.id()),
                    new CommandCall("fail"), false, false, Instant.now(), Locale.FRENCH);

            assertThat(textOf(dispatcher.handle(call))).isEqualTo(ENGLISH_ERROR);
        }

        @Test
        void theInternalErrorIsForTheAskerOnly() {
            List<Reply> replies = handle("learner", "boum").toCompletableFuture().join();

            assertThat(replies).singleElement()
                    .satisfies(reply -> assertThat(reply.visibility()).isEqualTo(Reply.Visibility.PERSONAL));
        }

        @Test
        void theHandlerNeverThrowsAndItsStageCompletesNormally() {
            for (String text : List.of("boum", "echec", "/boum", "/echec")) {
                assertThatCode(() -> handle("learner", text)).as(text).doesNotThrowAnyException();
                assertThat(handle("learner", text).toCompletableFuture()).as(text)
                        .succeedsWithin(Duration.ofSeconds(5))
                        .satisfies(replies -> assertThat(BotFixture.text(replies)).isEqualTo(FRENCH_ERROR));
            }
        }

        @Test
        void aFailureAfterAnEnglishCommandNameIsExplainedInEnglish() {
            assertThat(textOf(handle("learner", "/fail"))).isEqualTo(ENGLISH_ERROR);
        }

        @Test
        void aBrokenLanguageStoreStillLetsThePersonBeAnsweredInTheirClientsLanguage() {
            Dispatcher withBrokenStore = new Dispatcher(dispatcher.commands(), NOTHING_KNOWN,
                    (question, asked) -> List.of(Reply.plain("?")), List.of(), BotFixture.MESSAGES,
                    person -> {
                        throw new IllegalStateException("database down");
                    },
                    new Organizers(Set.of()), Clock.systemUTC(), () -> ZoneId.of("Europe/Paris"));
            IncomingMessage ping = IncomingMessage.command(ref(), person("learner"), new CommandCall("ping"),
                    false, false, Instant.now(), Locale.ENGLISH);
            IncomingMessage boom = IncomingMessage.command(ref(), person("learner"), new CommandCall("boom"),
                    false, false, Instant.now(), Locale.ENGLISH);

            assertThat(textOf(withBrokenStore.handle(ping))).isEqualTo("pong");
            assertThat(textOf(withBrokenStore.handle(boom))).isEqualTo(ENGLISH_ERROR);
        }

        @Test
        void theOtherFeaturesStillWorkBesideBrokenOnes() {
            handle("learner", "boum");

            assertThat(textOf(handle("learner", "ping"))).isEqualTo("pong");
            assertThat(textOf(handle("learner", "c’est quand ?"))).isEqualTo("réponse à c’est quand ?");
            assertThat(questionsAsked).hasValue(1);
        }

        @Test
        void aQuestionFeatureThatThrowsGivesTheInternalError() {
            Dispatcher withBrokenQuestions = new Dispatcher(dispatcher.commands(), NOTHING_KNOWN,
                    (question, asked) -> {
                        throw new IllegalStateException("index corrupted");
                    },
                    List.of(), BotFixture.MESSAGES, person -> Optional.empty(), new Organizers(Set.of()), Clock.systemUTC(),
                    () -> ZoneId.of("Europe/Paris"));

            assertThat(textOf(withBrokenQuestions.handle(new IncomingMessage(ref(), person("learner"),
                    "c’est quand ?", false, false, Instant.now())))).isEqualTo(FRENCH_ERROR);
        }

        @Test
        void aNoticeThatThrowsIsLeftOutAndTheAnswerAndTheOtherNoticesStillGo() {
            Dispatcher withBrokenNotice = new Dispatcher(dispatcher.commands(), NOTHING_KNOWN,
                    (question, asked) -> List.of(Reply.plain("?")),
                    List.<NoticeFeature>of((asked, command) -> {
                        throw new IllegalStateException("the notice is broken");
                    }, (asked, command) -> List.of(Reply.plain("note about " + command.orElseThrow().key()))),
                    BotFixture.MESSAGES, person -> Optional.empty(), new Organizers(Set.of()), Clock.systemUTC(),
                    () -> ZoneId.of("Europe/Paris"));

            assertThat(textOf(withBrokenNotice.handle(new IncomingMessage(ref(), person("learner"), "ping", false,
                    false, Instant.now())))).isEqualTo("pong\nnote about ping");
        }

        private CompletionStage<List<Reply>> handle(String person, String text) {
            return dispatcher.handle(new IncomingMessage(ref(), person(person), text, false, false, Instant.now()));
        }

        private static MessageRef ref() {
            return new MessageRef(new ConversationRef("test", "salon"), "m1", null);
        }

        private static Person person(String id) {
            return new Person(new PersonRef("test", id), id);
        }
    }

    private static String textOf(CompletionStage<List<Reply>> stage) {
        try {
            return BotFixture.text(stage.toCompletableFuture().get(5, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError("The handler's stage did not complete normally", e);
        }
    }

    private static CommandFeature throwing() {
        CommandSpec spec = CommandSpec.command("boom", "boum", "boom").build();
        return new CommandFeature(spec) {
            @Override
            public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
                throw new IllegalStateException("the feature is broken");
            }
        };
    }

    private static CommandFeature ping() {
        CommandSpec spec = CommandSpec.command("ping", "ping", "ping").build();
        return new CommandFeature(spec) {
            @Override
            public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
                return Replies.personal("pong");
            }
        };
    }

    private static CommandFeature failing() {
        CommandSpec spec = CommandSpec.command("fail", "echec", "fail").build();
        return new CommandFeature(spec) {
            @Override
            public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
                return CompletableFuture.supplyAsync(() -> {
                    throw new IllegalStateException("the work failed later");
                });
            }
        };
    }
}
