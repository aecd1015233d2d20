package org.animfr.animabot.matrix.bridge;

import java.util.Objects;

/**
 * An {@code m.file} to send: a file already uploaded to the media repository; it pings nobody.
 *
 * @param fileName the file's name, shown and used when saving it, non-null
 * @param mediaType its media type ({@code application/json}), non-null
 * @param size its size in bytes
 * @param url where it was uploaded ({@code mxc://server/id}), non-null
 * @param inReplyTo the event answered ({@code m.in_reply_to}), or null
 * @param threadRoot the root of the thread to post in ({@code rel_type: m.thread}), or null
 */
public record FileMessage(String fileName, String mediaType, long size, String url, String inReplyTo,
        String threadRoot) {
    public FileMessage {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(url, "url");
    }
}
