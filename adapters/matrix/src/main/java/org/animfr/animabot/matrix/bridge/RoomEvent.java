package org.animfr.animabot.matrix.bridge;

/** An event of a room's timeline or state that the bot reads: a message, or a state event it keeps. */
public sealed interface RoomEvent permits RoomMessage, MemberEvent, PowerLevelsEvent, CreateEvent {

    /** The room, non-null. */
    String roomId();
}
