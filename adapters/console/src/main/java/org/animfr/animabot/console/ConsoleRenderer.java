package org.animfr.animabot.console;

import org.animfr.animabot.core.chat.RichText;

/** Rich text for a terminal: plain lines, bullets as "•", links with their address. */
final class ConsoleRenderer {
    private ConsoleRenderer() {}

    static String render(RichText text) {
        return text.toPlainText();
    }
}
