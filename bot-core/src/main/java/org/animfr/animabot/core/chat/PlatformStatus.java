package org.animfr.animabot.core.chat;

import java.util.Objects;

/**
 * How a platform's connection stands, for people running the bot (logs, a health check).
 *
 * @param state where the connection is, non-null
 * @param reason why it is not connected, in plain words for an admin and without secrets; null when connected
 */
public record PlatformStatus(State state, String reason) {
    public PlatformStatus {
        Objects.requireNonNull(state, "state");
    }

    /** Where a connection is. */
    public enum State {
        /** Not started yet, or connecting for the first time. */
        STARTING,
        /** Receiving and sending. */
        CONNECTED,
        /** Lost after having worked; trying again. */
        RECONNECTING,
        /** Cannot connect (wrong credentials, unreachable server); trying again with growing delays. */
        FAILING,
        /** Stopped on purpose. */
        STOPPED
    }

    public static final PlatformStatus CONNECTED = new PlatformStatus(State.CONNECTED, null);
    public static final PlatformStatus STARTING = new PlatformStatus(State.STARTING, null);
    public static final PlatformStatus STOPPED = new PlatformStatus(State.STOPPED, null);

    public static PlatformStatus reconnecting(String reason) {
        return new PlatformStatus(State.RECONNECTING, reason);
    }

    public static PlatformStatus failing(String reason) {
        return new PlatformStatus(State.FAILING, reason);
    }

    public boolean isConnected() {
        return state == State.CONNECTED;
    }
}
