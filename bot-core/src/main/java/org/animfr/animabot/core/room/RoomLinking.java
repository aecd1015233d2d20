package org.animfr.animabot.core.room;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Session;

/** Links conversations to sessions and undoes it: a use case for chat commands and any other trigger. Thread-safe. */
public final class RoomLinking {
    private final Supplier<Catalog> catalog;
    private final RoomLinks links;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public RoomLinking(Supplier<Catalog> catalog, RoomLinks links) {
        this.catalog = catalog;
        this.links = links;
    }

    /** Runs {@code listener} after each link or unlink that changed something. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** What linking did. */
    public sealed interface Outcome permits Linked, UnknownSession {}

    /** The conversation is now linked to the session. */
    public record Linked(Session session) implements Outcome {}

    /** No session has that name; nothing changed. {@code catalog} lists the sessions there are. */
    public record UnknownSession(String typed, Catalog catalog) implements Outcome {}

    /** Links the conversation to the session named as a person would name it ("animacoop 7", an id). */
    public Outcome link(ConversationRef conversation, String sessionName) {
        Catalog current = catalog.get();
        Optional<Session> session = current.find(sessionName);
        if (session.isEmpty()) {
            return new UnknownSession(sessionName == null ? "" : sessionName, current);
        }
        links.link(conversation, session.get().id());
        listeners.forEach(Runnable::run);
        return new Linked(session.get());
    }

    /** Removes the conversation's link; false when it had none. */
    public boolean unlink(ConversationRef conversation) {
        boolean unlinked = links.unlink(conversation);
        if (unlinked) {
            listeners.forEach(Runnable::run);
        }
        return unlinked;
    }
}
