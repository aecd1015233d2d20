package org.animfr.animabot.core.command;

import java.util.List;
import java.util.Optional;

/** What a message turned out to be: a command, an unknown command, a question, or nothing at all. */
public sealed interface ParsedMessage
        permits ParsedMessage.Command, ParsedMessage.UnknownCommand, ParsedMessage.Question, ParsedMessage.Empty {

    /**
     * A known command with its arguments, split on white space.
     *
     * @param english true when the person used the English name (a hint for the answer's language)
     * @param explicit true when it was marked as a command ({@code /}, {@code !}, a slash command)
     */
    record Command(CommandName name, List<String> args, String argumentText, boolean english, boolean explicit)
            implements ParsedMessage {
        public Command {
            args = List.copyOf(args);
        }

        public Optional<String> arg(int index) {
            return index < args.size() ? Optional.of(args.get(index)) : Optional.empty();
        }
    }

    /** A word marked as a command that matches none; {@code closest} is the nearest command, if any is close. */
    record UnknownCommand(String word, Optional<CommandName> closest) implements ParsedMessage {}

    /** Anything else: free text to answer as a question. */
    record Question(String text) implements ParsedMessage {}

    /** Nothing but white space. */
    record Empty() implements ParsedMessage {}
}
