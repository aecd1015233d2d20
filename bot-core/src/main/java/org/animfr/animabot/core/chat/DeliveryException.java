package org.animfr.animabot.core.chat;

/** A message that a platform could not deliver; the message says why, without secrets. */
public class DeliveryException extends RuntimeException {
    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
