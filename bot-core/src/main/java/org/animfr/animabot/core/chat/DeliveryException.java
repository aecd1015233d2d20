package org.animfr.animabot.core.chat;

/**
 * A message that a platform could not deliver; the message says why, without secrets. {@link #gone()} tells a
 * conversation that no longer exists, or where the bot may no longer write (removed from the room, channel
 * deleted): trying again will not help.
 */
public class DeliveryException extends RuntimeException {
    private final boolean gone;

    public DeliveryException(String message) {
        this(message, null, false);
    }

    public DeliveryException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private DeliveryException(String message, Throwable cause, boolean gone) {
        super(message, cause);
        this.gone = gone;
    }

    /** The conversation or the person cannot be reached any more. */
    public static DeliveryException gone(String message, Throwable cause) {
        return new DeliveryException(message, cause, true);
    }

    public boolean gone() {
        return gone;
    }
}
