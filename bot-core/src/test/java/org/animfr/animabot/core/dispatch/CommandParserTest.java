package org.animfr.animabot.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.animfr.animabot.core.testing.BotFixture;
import org.junit.jupiter.api.Test;

/** How typed text is read: a command and its arguments, a mistyped command, a question, or nothing. */
class CommandParserTest {
    private final BotFixture fixture = new BotFixture();
    private final CommandParser parser = new CommandParser(fixture.core.commands(), fixture.core.completions());

    @Test
    void aWeekNumberIsReadAsTheWeekArgument() {
        Invocation invocation = command("semaine 3");

        assertThat(invocation.spec().key()).isEqualTo("week");
        assertThat(invocation.arguments()).isEqualTo(Map.of("week", "3"));
    }

    @Test
    void aWeekNumberThenASessionNameGivesBothArguments() {
        Invocation invocation = command("semaine 3 animacoop 7");

        assertThat(invocation.spec().key()).isEqualTo("week");
        assertThat(invocation.arguments()).isEqualTo(Map.of("week", "3", "session", "animacoop 7"));
    }

    @Test
    void aSessionNameWithoutWeekNumberIsNotTakenForTheNumber() {
        Invocation invocation = command("semaine animacoop-7");

        assertThat(invocation.argument("week")).isEmpty();
        assertThat(invocation.arguments()).isEqualTo(Map.of("session", "animacoop-7"));
    }

    @Test
    void aNegativeWeekNumberIsPassedOnForTheCommandToRefuse() {
        Invocation invocation = command("/semaine -2");

        assertThat(invocation.spec().key()).isEqualTo("week");
        assertThat(invocation.argument("week")).contains("-2");
    }

    @Test
    void anAnnouncementKeepsItsInnerSpacingExactly() {
        Invocation invocation = command("admin annonce  Le regroupement   est à 10 h !");

        assertThat(invocation.spec().key()).isEqualTo("admin-announce");
        assertThat(invocation.arguments()).isEqualTo(Map.of("announcement", "Le regroupement   est à 10 h !"));
    }

    @Test
    void wordsAfterTheLastOneWordParameterAreKeptAsExtra() {
        Invocation invocation = command("/langue fr en");

        assertThat(invocation.spec().key()).isEqualTo("language");
        assertThat(invocation.arguments()).isEqualTo(Map.of("language", "fr"));
        assertThat(invocation.extra()).containsExactly("en");
    }

    @Test
    void anUnmarkedLanguageCommandWithMoreWordsThanItTakesIsASentence() {
        assertThat(parser.parse("langue fr en")).isEqualTo(new ParsedMessage.Question("langue fr en"));
    }

    @Test
    void aSessionNameWithAQuestionLookingWordIsASessionArgumentWhenMarked() {
        Invocation invocation = command("/session coeur de loire");

        assertThat(invocation.arguments()).isEqualTo(Map.of("session", "coeur de loire"));
    }

    @Test
    void anUnknownNameWithSentenceWordsIsASentence() {
        assertThat(parser.parse("session coeur de loire")).isInstanceOf(ParsedMessage.Question.class);
    }

    @Test
    void aTextArgumentNamingAKnownValueMakesACommandEvenWithSentenceWords() {
        Completions knowsCoeurDeLoire = new Completions() {
            @Override
            public List<Parameter.Choice> complete(Completion what, String typed, Map<String, String> arguments) {
                return List.of();
            }

            @Override
            public boolean names(Completion what, String text) {
                return what == Completion.SESSIONS && text.equals("coeur de loire");
            }
        };
        CommandParser knowing = new CommandParser(fixture.core.commands(), knowsCoeurDeLoire);

        assertThat(knowing.parse("session coeur de loire")).isInstanceOfSatisfying(ParsedMessage.Command.class,
                command -> assertThat(command.invocation().arguments()).isEqualTo(Map.of("session", "coeur de loire")));
    }

    @Test
    void aSentenceStartingWithACommandNameIsAQuestion() {
        assertThat(parser.parse("semaine prochaine c'est quoi ?"))
                .isEqualTo(new ParsedMessage.Question("semaine prochaine c'est quoi ?"));
    }

    @Test
    void aCommandNameAloneIsACommand() {
        ParsedMessage parsed = parser.parse("regroupements");

        assertThat(parsed).isInstanceOfSatisfying(ParsedMessage.Command.class, command -> {
            assertThat(command.invocation().spec().key()).isEqualTo("gatherings");
            assertThat(command.invocation().arguments()).isEmpty();
            assertThat(command.explicit()).isFalse();
            assertThat(command.english()).isFalse();
        });
    }

    @Test
    void aMistypedMarkedCommandSuggestsTheClosest() {
        ParsedMessage parsed = parser.parse("/sesions");

        assertThat(parsed).isInstanceOfSatisfying(ParsedMessage.UnknownCommand.class, unknown -> {
            assertThat(unknown.word()).isEqualTo("sesions");
            assertThat(unknown.closest()).map(CommandSpec::key).contains("sessions");
        });
    }

    @Test
    void capitalsAndPunctuationAroundACommandNameAreIgnored() {
        assertThat(command("Aide!").spec().key()).isEqualTo("help");
    }

    @Test
    void anEnglishCommandNameIsMarkedEnglish() {
        ParsedMessage parsed = parser.parse("week 3");

        assertThat(parsed).isInstanceOfSatisfying(ParsedMessage.Command.class, command -> {
            assertThat(command.english()).isTrue();
            assertThat(command.invocation().arguments()).isEqualTo(Map.of("week", "3"));
        });
    }

    @Test
    void aFrenchCommandNameIsNotMarkedEnglish() {
        assertThat(parser.parse("semaine 3"))
                .isInstanceOfSatisfying(ParsedMessage.Command.class, c -> assertThat(c.english()).isFalse());
    }

    @Test
    void aLoneSlashIsAnUnknownCommandPointingToHelp() {
        ParsedMessage parsed = parser.parse("/");

        assertThat(parsed).isInstanceOfSatisfying(ParsedMessage.UnknownCommand.class,
                unknown -> assertThat(unknown.closest()).map(CommandSpec::key).contains("help"));
    }

    @Test
    void blankTextIsEmpty() {
        assertThat(parser.parse("   ")).isInstanceOf(ParsedMessage.Empty.class);
        assertThat(parser.parse(null)).isInstanceOf(ParsedMessage.Empty.class);
    }

    private Invocation command(String text) {
        ParsedMessage parsed = parser.parse(text);
        assertThat(parsed).as(text).isInstanceOf(ParsedMessage.Command.class);
        return ((ParsedMessage.Command) parsed).invocation();
    }
}
