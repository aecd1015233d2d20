package org.animfr.animabot.core.chat;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A text file that goes with a reply (a person's data as JSON), for platforms that take files; the others show the
 * reply's body, which always says the same in words.
 *
 * @param fileName the file's name, non-blank ({@code animabot-mes-donnees.json})
 * @param mediaType its media type ({@code application/json}), non-blank
 * @param content the file's text, non-null
 */
public record Attachment(String fileName, String mediaType, String content) {
    public Attachment {
        PersonRef.requireText(fileName, "fileName");
        PersonRef.requireText(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
