package org.animfr.animabot.core.delivery;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.PersonRef;

/** Where one delivery of a post goes: a room (channel), or a person by direct message. */
public sealed interface Target permits Target.Room, Target.Person {

    /** A stable id: {@code room:discord:123}, {@code person:matrix:@ana:example.org}. */
    String id();

    /** The platform it is on ({@code discord}, {@code matrix}, {@code console}). */
    String platform();

    /** Sends a message here, on the target's platform. */
    CompletionStage<Void> send(ChatPlatforms platforms, Outgoing message);

    /** Whether one of these platforms reaches it: another instance of the bot may run the one that does. */
    boolean reachableThrough(ChatPlatforms platforms);

    /** A conversation the bot posts in. */
    record Room(ConversationRef conversation) implements Target {
        public Room {
            Objects.requireNonNull(conversation, "conversation");
        }

        @Override
        public String id() {
            return "room:" + conversation;
        }

        @Override
        public String platform() {
            return conversation.platform();
        }

        @Override
        public CompletionStage<Void> send(ChatPlatforms platforms, Outgoing message) {
            return platforms.post(conversation, message);
        }

        @Override
        public boolean reachableThrough(ChatPlatforms platforms) {
            return platforms.reaches(conversation);
        }
    }

    /** A person the bot writes to directly, on their platform. */
    record Person(PersonRef person) implements Target {
        public Person {
            Objects.requireNonNull(person, "person");
        }

        @Override
        public String id() {
            return "person:" + person;
        }

        @Override
        public String platform() {
            return person.platform();
        }

        @Override
        public CompletionStage<Void> send(ChatPlatforms platforms, Outgoing message) {
            return platforms.sendDirect(person, message);
        }

        @Override
        public boolean reachableThrough(ChatPlatforms platforms) {
            return platforms.runs(person.platform());
        }
    }

    /** Reads an id made by {@link #id()}. */
    static Target parse(String id) {
        if (id.startsWith("room:")) {
            String rest = id.substring("room:".length());
            int colon = rest.indexOf(':');
            return new Room(new ConversationRef(rest.substring(0, colon), rest.substring(colon + 1)));
        }
        if (id.startsWith("person:")) {
            return new Person(PersonRef.parse(id.substring("person:".length())));
        }
        throw new IllegalArgumentException("Not a target: " + id);
    }
}
