package org.animfr.animabot.core.chat;

/**
 * A message that a platform could not deliver; the message says why, without secrets. {@link #gone()} tells a
 * conversation that no longer exists, or where the bot may no longer write (removed from the room, channel
 * deleted): trying again will not help. {@link #elsewhere()} tells a conversation this instance of the bot does not
 * reach but another may (its platform runs elsewhere, or its Discord server is on a shard another instance holds):
 * the delivery is handed over to the instance that reaches it.
 */
public class DeliveryException extends RuntimeException {
    private final boolean gone;
    private final boolean elsewhere;

    public DeliveryException(String message) {
        this(message, null, false, false);
    }

    public DeliveryException(String message, Throwable cause) {
        this(message, cause, false, false);
    }

    private DeliveryException(String message, Throwable cause, boolean gone, boolean elsewhere) {
        super(message, cause);
        this.gone = gone;
        this.elsewhere = elsewhere;
    }

    /** The conversation or the person cannot be reached any more. */
    public static DeliveryException gone(String message, Throwable cause) {
        return new DeliveryException(message, cause, true, false);
    }

    /** This instance does not reach the conversation or the person; another instance of the bot may. */
    public static DeliveryException elsewhere(String message) {
        return new DeliveryException(message, null, false, true);
    }

    public boolean gone() {
        return gone;
    }

    public boolean elsewhere() {
        return elsewhere;
    }
}
