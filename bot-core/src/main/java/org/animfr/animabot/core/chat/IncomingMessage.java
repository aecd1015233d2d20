package org.animfr.animabot.core.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * A message addressed to the bot, already stripped by the adapter of whatever addressed it
 * (a mention, the {@code !anim} prefix, a slash command's name is kept as the first word).
 *
 * @param ref the message, non-null
 * @param author who wrote it, non-null
 * @param text what they wrote, non-null, possibly empty
 * @param direct true in a one-to-one conversation with the bot
 * @param platformOrganizer true when the platform itself grants this person organizer rights in this
 *     conversation (a Discord role, a Matrix power level); configured organizers are added by the core
 * @param receivedAt when the platform received it, non-null
 */
public record IncomingMessage(
        MessageRef ref, Person author, String text, boolean direct, boolean platformOrganizer, Instant receivedAt) {
    public IncomingMessage {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public ConversationRef conversation() {
        return ref.conversation();
    }
}
