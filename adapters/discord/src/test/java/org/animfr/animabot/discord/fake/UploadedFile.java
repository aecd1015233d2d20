package org.animfr.animabot.discord.fake;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A file the bot uploaded with a message (a {@code files[n]} part of a multipart/form-data request, next to its
 * {@code payload_json}), as Discord received it.
 *
 * @param index the {@code n} of its {@code files[n]} part, which the message's {@code attachments} entries refer to
 * @param fileName the file name the part carried
 * @param contentType the part's media type, or null when it gave none
 * @param content the bytes
 */
public record UploadedFile(int index, String fileName, String contentType, byte[] content) {
    public UploadedFile {
        Objects.requireNonNull(fileName, "fileName");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content read as UTF-8 text. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return "UploadedFile[files[" + index + "] " + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
