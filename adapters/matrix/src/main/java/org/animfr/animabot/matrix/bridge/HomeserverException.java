package org.animfr.animabot.matrix.bridge;

import java.time.Duration;

/**
 * The homeserver refused a request: its HTTP status, its Matrix error code, and for rate limits how long it asks
 * to wait. The message carries no access token.
 */
public class HomeserverException extends RuntimeException {
    private final int status;
    private final String errcode;
    private final Duration retryAfter;

    /**
     * @param errcode {@code M_LIMIT_EXCEEDED}, {@code M_FORBIDDEN}..., or null when the answer had none
     * @param retryAfter how long the homeserver asks to wait before trying again, or null
     */
    public HomeserverException(int status, String errcode, String message, Duration retryAfter) {
        super("HTTP " + status + (errcode == null ? "" : " " + errcode) + (message == null ? "" : ": " + message));
        this.status = status;
        this.errcode = errcode;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String errcode() {
        return errcode;
    }

    /** How long to wait before trying again, when the homeserver said; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean rateLimited() {
        return status == 429 || "M_LIMIT_EXCEEDED".equals(errcode);
    }

    /** The access token or the password was refused. */
    public boolean unauthorized() {
        return status == 401 || status == 403 && "M_UNKNOWN_TOKEN".equals(errcode);
    }
}
