package org.animfr.animabot.core.dispatch;

import java.util.Optional;

/** What a text message turned out to be: a command, a mistyped command, a question, or nothing at all. */
public sealed interface ParsedMessage
        permits ParsedMessage.Command, ParsedMessage.UnknownCommand, ParsedMessage.Question, ParsedMessage.Empty {

    /**
     * A known command with its arguments.
     *
     * @param english true when the person used an English name (a hint for the answer's language)
     * @param explicit true when it was marked as a command ({@code /}, {@code !}, {@code admin})
     */
    record Command(Invocation invocation, boolean english, boolean explicit) implements ParsedMessage {}

    /** A word marked as a command that matches none; {@code closest} is the nearest command, if any is close. */
    record UnknownCommand(String word, Optional<CommandSpec> closest) implements ParsedMessage {}

    /** Anything else: free text to answer as a question. */
    record Question(String text) implements ParsedMessage {}

    /** Nothing but white space. */
    record Empty() implements ParsedMessage {}
}
