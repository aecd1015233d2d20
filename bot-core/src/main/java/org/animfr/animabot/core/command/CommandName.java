package org.animfr.animabot.core.command;

import java.util.List;

/**
 * Every command the bot knows, with its French name first and its aliases (English included).
 * Admin commands are written {@code admin <sub-command>}.
 */
public enum CommandName {
    HELP(false, "aide", "help", "?"),
    SESSIONS(false, "sessions", "formations"),
    SESSION(false, "session", "formation"),
    GATHERINGS(false, "regroupements", "regroupement", "gatherings", "gathering"),
    WEEK(false, "semaine", "week"),
    REGISTER(false, "inscription", "register", "registration", "inscriptions"),
    LANGUAGE(false, "langue", "language", "lang"),
    ADMIN_LINK(true, "relier", "link"),
    ADMIN_UNLINK(true, "delier", "unlink"),
    ADMIN_ANNOUNCE(true, "annonce", "announce"),
    ADMIN_RELOAD(true, "recharger", "reload");

    private final boolean admin;
    private final List<String> words;

    CommandName(boolean admin, String... words) {
        this.admin = admin;
        this.words = List.of(words);
    }

    /** True for organizer commands, typed after {@code admin}. */
    public boolean admin() {
        return admin;
    }

    /** The French name people see in help. */
    public String frenchName() {
        return words.get(0);
    }

    /** The English name (the first alias that is English; the French name when they are the same). */
    public String englishName() {
        return switch (this) {
            case HELP -> "help";
            case SESSIONS -> "sessions";
            case SESSION -> "session";
            case GATHERINGS -> "gatherings";
            case WEEK -> "week";
            case REGISTER -> "register";
            case LANGUAGE -> "language";
            case ADMIN_LINK -> "link";
            case ADMIN_UNLINK -> "unlink";
            case ADMIN_ANNOUNCE -> "announce";
            case ADMIN_RELOAD -> "reload";
        };
    }

    public List<String> words() {
        return words;
    }
}
