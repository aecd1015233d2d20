package org.animfr.animabot.discord;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.animfr.animabot.core.command.CommandName;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;

/**
 * The slash commands: one per core command, French names with English localizations, options with
 * autocomplete for sessions and weeks; and the way back, from a used slash command to the text the core reads.
 */
final class SlashCommands {
    static final String QUESTION = "question";
    static final String ADMIN = "admin";
    static final String SESSION = "session";
    static final String NAME = "nom";
    static final String NUMBER = "numero";
    static final String LANGUAGE = "langue";
    static final String TEXT = "texte";
    private static final int MAX_CHOICES = OptionData.MAX_CHOICES;
    private static final int MAX_CHOICE_NAME = OptionData.MAX_CHOICE_NAME_LENGTH;

    private final Messages messages;
    private final Supplier<Catalog> catalog;
    private final Clock clock;

    SlashCommands(Messages messages, Supplier<Catalog> catalog, Clock clock) {
        this.messages = messages;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Every command to register. */
    List<SlashCommandData> definitions() {
        List<SlashCommandData> commands = new ArrayList<>();
        for (CommandName name : CommandName.values()) {
            if (name.admin()) {
                continue;
            }
            SlashCommandData command = command(name.frenchName(), name.englishName(), helpKey(name));
            switch (name) {
                case SESSION -> command.addOptions(option(OptionType.STRING, NAME, "name", "discord.option.session",
                        false, true));
                case GATHERINGS, REGISTER -> command.addOptions(sessionOption(false));
                case WEEK -> command.addOptions(
                        option(OptionType.INTEGER, NUMBER, "number", "discord.option.week", false, true)
                                .setRequiredRange(1, 52),
                        sessionOption(false));
                case LANGUAGE -> command.addOptions(
                        option(OptionType.STRING, LANGUAGE, "language", "discord.option.language", true, false)
                                .addChoice("français", "fr").addChoice("English", "en"));
                default -> { }
            }
            commands.add(command);
        }
        SlashCommandData question = command(QUESTION, QUESTION, "discord.command.question");
        question.addOptions(option(OptionType.STRING, TEXT, "text", "discord.option.question", true, false));
        commands.add(question);
        SlashCommandData admin = command(ADMIN, ADMIN, "discord.command.admin");
        for (CommandName name : CommandName.values()) {
            if (!name.admin()) {
                continue;
            }
            SubcommandData sub = new SubcommandData(name.frenchName(), describe(Language.FR, helpKey(name)))
                    .setNameLocalization(DiscordLocale.ENGLISH_US, name.englishName())
                    .setNameLocalization(DiscordLocale.ENGLISH_UK, name.englishName())
                    .setDescriptionLocalization(DiscordLocale.ENGLISH_US, describe(Language.EN, helpKey(name)))
                    .setDescriptionLocalization(DiscordLocale.ENGLISH_UK, describe(Language.EN, helpKey(name)));
            if (name == CommandName.ADMIN_LINK) {
                sub.addOptions(sessionOption(true));
            } else if (name == CommandName.ADMIN_ANNOUNCE) {
                sub.addOptions(option(OptionType.STRING, TEXT, "text", "discord.option.announcement", true, false));
            }
            admin.addSubcommands(sub);
        }
        commands.add(admin);
        return commands;
    }

    /**
     * The text the core reads for a used slash command: {@code /semaine 3 animacoop-7}, in English words when
     * the person's Discord speaks English (so that, without a chosen language, the answer is in English).
     */
    static String toText(String command, String subcommand, OptionLookup options, boolean english) {
        if (command.equals(QUESTION)) {
            return options.string(TEXT).orElse("");
        }
        if (command.equals(ADMIN)) {
            CommandName sub = byFrenchName(subcommand, true).orElse(null);
            String word = sub == null ? String.valueOf(subcommand) : english ? sub.englishName() : sub.frenchName();
            StringBuilder text = new StringBuilder("/admin ").append(word);
            options.string(SESSION).ifPresent(s -> text.append(' ').append(s));
            options.string(TEXT).ifPresent(t -> text.append(' ').append(t));
            return text.toString();
        }
        CommandName name = byFrenchName(command, false).orElse(null);
        String word = name == null ? command : english ? name.englishName() : name.frenchName();
        StringBuilder text = new StringBuilder("/").append(word);
        for (String option : List.of(NUMBER, NAME, SESSION, LANGUAGE)) {
            options.string(option).ifPresent(value -> text.append(' ').append(value));
        }
        return text.toString();
    }

    /** Options of a used command, by name, as text. */
    @FunctionalInterface
    interface OptionLookup {
        Optional<String> string(String name);

        static OptionLookup of(java.util.function.Function<String, OptionMapping> get) {
            return name -> Optional.ofNullable(get.apply(name)).map(OptionMapping::getAsString)
                    .filter(s -> !s.isBlank());
        }
    }

    /** Choices for the option being typed: matching sessions, or the weeks of the chosen session. */
    List<Command.Choice> complete(String focused, String typed, OptionLookup others) {
        Catalog current = catalog.get();
        if (focused.equals(NUMBER)) {
            Optional<Session> session = others.string(SESSION).flatMap(current::find)
                    .or(() -> defaultSession(current));
            return session.map(s -> weekChoices(s, typed)).orElse(List.of());
        }
        String key = Catalog.compact(typed);
        List<Command.Choice> choices = new ArrayList<>();
        for (Session session : current.sessions()) {
            if (Catalog.compact(session.id()).contains(key) || Catalog.compact(session.name()).contains(key)) {
                choices.add(new Command.Choice(truncate(session.name() + " (" + session.id() + ")"), session.id()));
            }
            if (choices.size() == MAX_CHOICES) {
                break;
            }
        }
        return choices;
    }

    private List<Command.Choice> weekChoices(Session session, String typed) {
        List<Command.Choice> choices = new ArrayList<>();
        for (int number = 1; number <= session.weekCount() && choices.size() < MAX_CHOICES; number++) {
            if (!typed.isBlank() && !String.valueOf(number).startsWith(typed.strip())) {
                continue;
            }
            String theme = session.week(number).map(Week::theme).orElse("");
            choices.add(new Command.Choice(truncate(theme.isEmpty() ? String.valueOf(number) : number + " — " + theme),
                    number));
        }
        return choices;
    }

    private Optional<Session> defaultSession(Catalog current) {
        LocalDate today = LocalDate.now(clock.withZone(current.network().timezone()));
        return current.running(today).or(() -> current.nextToStart(today));
    }

    private SlashCommandData command(String french, String english, String descriptionKey) {
        return Commands.slash(french, describe(Language.FR, descriptionKey))
                .setNameLocalization(DiscordLocale.ENGLISH_US, english)
                .setNameLocalization(DiscordLocale.ENGLISH_UK, english)
                .setDescriptionLocalization(DiscordLocale.ENGLISH_US, describe(Language.EN, descriptionKey))
                .setDescriptionLocalization(DiscordLocale.ENGLISH_UK, describe(Language.EN, descriptionKey));
    }

    private OptionData sessionOption(boolean required) {
        return option(OptionType.STRING, SESSION, SESSION, "discord.option.session", required, true);
    }

    private OptionData option(OptionType type, String french, String english, String descriptionKey,
            boolean required, boolean autocomplete) {
        return new OptionData(type, french, describe(Language.FR, descriptionKey), required, autocomplete)
                .setNameLocalization(DiscordLocale.ENGLISH_US, english)
                .setNameLocalization(DiscordLocale.ENGLISH_UK, english)
                .setDescriptionLocalization(DiscordLocale.ENGLISH_US, describe(Language.EN, descriptionKey))
                .setDescriptionLocalization(DiscordLocale.ENGLISH_UK, describe(Language.EN, descriptionKey));
    }

    private String describe(Language language, String key) {
        String text = messages.get(language, key);
        return text.length() <= 100 ? text : text.substring(0, 99) + "…";
    }

    private static String helpKey(CommandName name) {
        return "help.command." + name.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Optional<CommandName> byFrenchName(String word, boolean admin) {
        for (CommandName name : CommandName.values()) {
            if (name.admin() == admin && name.frenchName().equals(word)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_CHOICE_NAME ? text : text.substring(0, MAX_CHOICE_NAME - 1) + "…";
    }
}
