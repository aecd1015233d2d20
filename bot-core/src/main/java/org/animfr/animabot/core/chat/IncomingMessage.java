package org.animfr.animabot.core.chat;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A message addressed to the bot: either text, already stripped by the adapter of whatever addressed it (a
 * mention, the {@code !anim} prefix), or a command the platform already parsed (a Discord slash command or
 * button), which the core runs without reading any text.
 *
 * @param ref the message, non-null
 * @param author who wrote it, non-null
 * @param text what they wrote, non-null, possibly empty; empty for a parsed command
 * @param direct true in a one-to-one conversation with the bot
 * @param platformOrganizer true when the platform itself grants this person organizer rights in this
 *     conversation (a Discord role, a Matrix power level); configured organizers are added by the core
 * @param receivedAt when the platform received it, non-null
 * @param command the command the platform parsed, or null for text
 * @param locale the language the person's client is set to, when the platform tells it (Discord does for
 *     interactions); null otherwise. A language the person chose in the bot comes first.
 */
public record IncomingMessage(
        MessageRef ref, Person author, String text, boolean direct, boolean platformOrganizer, Instant receivedAt,
        CommandCall command, Locale locale) {
    public IncomingMessage {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** A text message. */
    public IncomingMessage(
            MessageRef ref, Person author, String text, boolean direct, boolean platformOrganizer, Instant receivedAt) {
        this(ref, author, text, direct, platformOrganizer, receivedAt, null, null);
    }

    /** A command the platform parsed, with the person's client language (null when unknown). */
    public static IncomingMessage command(MessageRef ref, Person author, CommandCall command, boolean direct,
            boolean platformOrganizer, Instant receivedAt, Locale locale) {
        return new IncomingMessage(ref, author, "", direct, platformOrganizer, receivedAt,
                Objects.requireNonNull(command, "command"), locale);
    }

    public ConversationRef conversation() {
        return ref.conversation();
    }
}
