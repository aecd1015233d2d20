package org.animfr.animabot.catalog.yaml;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.session.CatalogFile;
import org.animfr.animabot.core.session.DataProblem;
import org.animfr.animabot.core.session.FaqEntry;
import org.animfr.animabot.core.session.FileReading;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Network;
import org.animfr.animabot.core.session.IntroductionTimes;
import org.animfr.animabot.core.session.PostTimes;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.SessionRules;
import org.animfr.animabot.core.session.Week;
import org.animfr.animabot.core.text.TextFold;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns one data file into a {@link FileReading}, collecting every problem with its line in one reading: each
 * field is checked, and each check across fields (the core's {@link SessionRules}, weeks and quiet weeks within
 * the session) runs whenever the fields it reads are there and valid, whatever else is wrong. Only a file that is
 * not UTF-8 or not well-formed YAML stops the reading, with the first place where it cannot be read.
 * Works on SnakeYAML's node tree only: no Java object is ever built from the file. One instance per file.
 */
final class CatalogFileReader {
    private static final SessionRules RULES = new SessionRules();
    private static final Pattern PATH_SEGMENT = Pattern.compile("([^\\[\\]]+)(?:\\[(\\d+)])?");
    private static final Pattern DATE_THEN_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\s*[Tt]\\s*|\\s+)(.+)");
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int RENDERED_LENGTH = 60;
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();
    /** The core's rules that read the session's span: meaningless when a date is missing or the end comes first. */
    private static final Set<String> SPAN_RULES = Set.of("data.problem.gathering-outside", "data.problem.week-outside");
    private static final String END_BEFORE_START = "data.problem.end-before-start";
    private static final String BAD_ID = "data.problem.bad-id";
    /** Stands for missing dates in a session only checked, never returned (its file is rejected). */
    private static final LocalDate UNDATED = LocalDate.of(2000, 1, 3);
    /** Stands for a missing required text in a session only checked, never returned. */
    private static final String MISSING = "?";

    private final String file;
    private final List<DataProblem> problems = new ArrayList<>();
    private String text = "";

    private CatalogFileReader(String file) {
        this.file = file;
    }

    /**
     * Reads one file's bytes, which must be UTF-8 text; {@code file} is the name problems carry. Bytes that are
     * not UTF-8 give one {@code data.problem.not-utf8} at the first line holding some, with how many other lines do.
     */
    static FileReading read(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        TreeSet<Integer> badLines = new TreeSet<>();
        int line = 1;
        int counted = 0;
        CoderResult result;
        while ((result = decoder.decode(in, out, true)).isError()) {
            for (; counted < in.position(); counted++) {
                line += bytes[counted] == '\n' ? 1 : 0;
            }
            badLines.add(line);
            in.position(in.position() + result.length());
        }
        if (!badLines.isEmpty()) {
            return new FileReading.Rejected(file,
                    List.of(DataProblem.of(file, badLines.first(), "data.problem.not-utf8", badLines.size() - 1)));
        }
        decoder.flush(out);
        return read(file, out.flip().toString());
    }

    /** Reads one file's text; {@code file} is the name problems carry. */
    static FileReading read(String file, String text) {
        return new CatalogFileReader(file).read(text);
    }

    private FileReading read(String text) {
        this.text = text;
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (YAMLException e) {
            problems.addAll(YamlSyntaxErrors.explain(file, text, e));
            return rejected();
        }
        if (root == null || isNull(root)) {
            report(0, "data.problem.empty");
            return rejected();
        }
        Fields top = fields(root);
        if (top == null) {
            return rejected();
        }
        Network network = network(top);
        List<Session> sessions = sessions(top);
        List<FaqEntry> faq = faq(top);
        if (!problems.isEmpty()) {
            return rejected();
        }
        return new FileReading.Read(new CatalogFile(file, network, sessions, faq));
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> days = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), day);
            days.put(TextFold.fold(day.getDisplayName(TextStyle.FULL, Locale.FRENCH)), day);
        }
        return Map.copyOf(days);
    }

    private FileReading rejected() {
        List<DataProblem> byLine = new ArrayList<>(problems);
        byLine.sort(Comparator.comparingInt(DataProblem::line));
        return new FileReading.Rejected(file, byLine);
    }

    private Network network(Fields top) {
        Node node = top.get("network");
        if (node == null) {
            return null;
        }
        Fields network = fields(node);
        if (network == null) {
            return null;
        }
        String name = network.text("name");
        Language language = Language.FR;
        String languageText = network.text("language");
        if (languageText != null && !languageText.isEmpty()) {
            language = Language.parse(languageText).orElse(null);
            if (language == null) {
                report(network.lineOf("language"), "data.problem.bad-language", languageText);
                language = Language.FR;
            }
        }
        PostTimes posts = PostTimes.DEFAULT;
        Fields postFields = network.map("posts");
        if (postFields != null) {
            posts = postOverrides(postFields).over(PostTimes.DEFAULT);
            Integer catchUp = postFields.integer("prompt-catch-up-hours", false);
            if (catchUp != null && catchUp < 0) {
                report(postFields.lineOf("prompt-catch-up-hours"), "data.problem.negative-days", catchUp);
            } else if (catchUp != null) {
                posts = new PostTimes(posts.promptDay(), posts.promptTime(), posts.gatheringDaysBefore(),
                        posts.gatheringTime(), posts.startDaysBefore(), posts.startTime(), Duration.ofHours(catchUp));
            }
            if (postFields.get("quiet-weeks") != null) {
                report(postFields.lineOf("quiet-weeks"), "data.problem.quiet-weeks-in-network");
            }
            if (postFields.get("introductions") != null) {
                report(postFields.lineOf("introductions"), "data.problem.introductions-in-network");
            }
        }
        ZoneId zone = Network.DEFAULT.timezone();
        String timezone = network.text("timezone");
        if (timezone != null && !timezone.isEmpty()) {
            try {
                zone = ZoneId.of(timezone);
            } catch (DateTimeException e) {
                report(network.lineOf("timezone"), "data.problem.bad-timezone", timezone);
            }
        }
        return new Network(name == null || name.isEmpty() ? Network.DEFAULT.name() : name, zone, language, posts);
    }

    /** A {@code posts:} block: the prompt's day and time, the reminders' days before and time, quiet weeks. */
    private PostTimes.Overrides postOverrides(Fields posts) {
        Fields prompt = posts.map("prompt");
        Fields gatherings = posts.map("gathering-reminders");
        Fields start = posts.map("start-reminders");
        return new PostTimes.Overrides(
                prompt == null ? null : prompt.weekday("day"),
                prompt == null ? null : prompt.time("time"),
                gatherings == null ? null : gatherings.days("days-before"),
                gatherings == null ? null : gatherings.time("time"),
                start == null ? null : start.days("days-before"),
                start == null ? null : start.time("time"),
                posts.numbers("quiet-weeks"),
                introductionTimes(posts));
    }

    /** A session's {@code introductions:} block under {@code posts:}: every N weeks, a weekday and a time. */
    private IntroductionTimes introductionTimes(Fields posts) {
        Fields rounds = posts.map("introductions");
        if (rounds == null) {
            return null;
        }
        Integer every = rounds.integer("every-weeks", false);
        if (every != null && every < 1) {
            report(rounds.lineOf("every-weeks"), "data.problem.bad-every-weeks", every);
            every = null;
        }
        DayOfWeek day = rounds.weekday("day");
        LocalTime time = rounds.time("time");
        return new IntroductionTimes(every == null ? 2 : every, day == null ? IntroductionTimes.DEFAULT_DAY : day,
                time == null ? IntroductionTimes.DEFAULT_TIME : time);
    }

    private List<Session> sessions(Fields top) {
        List<Session> sessions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Fields fields : maps(top, "sessions")) {
            Session session = session(fields, ids);
            if (session != null) {
                sessions.add(session);
            }
        }
        return sessions;
    }

    /**
     * One session: every field is read and every rule checked whose fields are there and valid. Returns null when
     * a required field is missing or wrong (the file is then rejected anyway).
     */
    private Session session(Fields fields, Set<String> ids) {
        String id = fields.requiredText("id");
        if (id != null && !ids.add(id)) {
            report(fields.lineOf("id"), "data.problem.duplicate-session", id);
        }
        String name = fields.requiredText("name");
        String territory = fields.text("territory");
        LocalDate start = fields.date("start");
        LocalDate end = fields.date("end");
        Integer hours = fields.integer("hours", false);
        String registration = fields.text("registration");
        List<String> facilitators = fields.texts("facilitators");
        String description = fields.text("description");
        List<Located<Gathering>> gatherings = gatherings(fields);
        Fields postFields = fields.map("posts");
        PostTimes.Overrides posts = postFields == null ? PostTimes.Overrides.NONE : postOverrides(postFields);
        List<Located<Integer>> weeksBeforeFirst = new ArrayList<>();
        List<Located<Week>> weeks = weeks(fields, weeksBeforeFirst);
        String named = id != null ? id : name != null ? name : MISSING;
        boolean dated = start != null && end != null;
        boolean spans = dated && !end.isBefore(start);
        gatherings.sort(Comparator.comparing(g -> g.value().at()));
        weeks.sort(Comparator.comparingInt(w -> w.value().number()));
        fields.children.put("gatherings", gatherings.stream().map(Located::fields).toList());
        fields.children.put("weeks", weeks.stream().map(Located::fields).toList());
        Session session = new Session(named, name == null ? named : name, territory, dated ? start : UNDATED,
                dated ? end : UNDATED, hours == null ? 0 : hours, registration, facilitators, description,
                gatherings.stream().map(Located::value).toList(), weeks.stream().map(Located::value).toList(), posts);
        for (SessionRules.Violation violation : RULES.check(session)) {
            if (applies(violation.key(), id != null, dated, spans)) {
                report(locate(fields, violation.field()), violation.key(), violation.args().toArray());
            }
        }
        Integer weekCount = spans ? weekCount(start, end) : null;
        for (Integer quiet : posts.quietWeeks()) {
            reportWeekOutside(postFields.lineOf("quiet-weeks"), quiet, named, weekCount);
        }
        for (Located<Integer> week : weeksBeforeFirst) {
            reportWeekOutside(week.fields().lineOf("number"), week.value(), named, weekCount);
        }
        return id != null && name != null && dated ? session : null;
    }

    /**
     * Whether a rule's verdict on a session read so far stands: the id's rule needs the id, the dates' rule both
     * dates, and the rules on the span (gatherings, weeks within the session) a span whose end is not before its
     * start, already reported otherwise.
     */
    private static boolean applies(String key, boolean hasId, boolean dated, boolean spans) {
        if (key.equals(BAD_ID)) {
            return hasId;
        }
        if (key.equals(END_BEFORE_START)) {
            return dated;
        }
        return spans || !SPAN_RULES.contains(key);
    }

    private List<Located<Gathering>> gatherings(Fields session) {
        List<Located<Gathering>> gatherings = new ArrayList<>();
        for (Fields fields : maps(session, "gatherings")) {
            LocalDateTime at = fields.dateTime("date");
            String place = fields.requiredText("place");
            String title = fields.text("title");
            LocalTime end = fields.time("end");
            if (at != null && end != null && !end.isAfter(at.toLocalTime())) {
                report(fields.lineOf("end"), "data.problem.gathering-end-before-start",
                        end.format(TIME), at.toLocalTime().format(TIME));
                end = null;
            }
            if (at != null) {
                gatherings.add(new Located<>(new Gathering(at, place == null ? MISSING : place, title, end), fields));
            }
        }
        return gatherings;
    }

    private List<Located<Week>> weeks(Fields session, List<Located<Integer>> beforeFirst) {
        List<Located<Week>> weeks = new ArrayList<>();
        for (Fields fields : maps(session, "weeks")) {
            Integer number = fields.integer("number", true);
            String theme = fields.requiredText("theme");
            String prompt = fields.text("prompt");
            if (number != null && number < 1) {
                beforeFirst.add(new Located<>(number, fields));
            } else if (number != null) {
                weeks.add(new Located<>(new Week(number, theme == null ? MISSING : theme, prompt), fields));
            }
        }
        return weeks;
    }

    /**
     * A week number outside its session (a quiet week, or a week below 1, which cannot even make a {@link Week}),
     * reported as the rules report weeks past the end; without a valid span, only a number below 1 is known wrong.
     */
    private void reportWeekOutside(int line, int week, String session, Integer weekCount) {
        if (weekCount != null && (week < 1 || week > weekCount)) {
            report(line, "data.problem.week-outside", week, session, weekCount);
        } else if (weekCount == null && week < 1) {
            report(line, "data.problem.week-below-one", week);
        }
    }

    private static int weekCount(LocalDate start, LocalDate end) {
        return end.isBefore(start) ? 0
                : new Session("probe", "probe", null, start, end, 0, null, null, null, null, null).weekCount();
    }

    private List<FaqEntry> faq(Fields top) {
        List<FaqEntry> faq = new ArrayList<>();
        for (Fields fields : maps(top, "faq")) {
            String question = fields.requiredText("question");
            String answer = fields.requiredText("answer");
            List<String> phrasings = fields.texts("phrasings");
            if (question != null && answer != null) {
                faq.add(new FaqEntry(question, phrasings, answer));
            }
        }
        return faq;
    }

    /** The line of the node a rule's field path ({@code end}, {@code gatherings[1].date}) names in a session. */
    private static int locate(Fields session, String path) {
        Fields current = session;
        for (String segment : path.split("\\.")) {
            Matcher matcher = PATH_SEGMENT.matcher(segment);
            if (!matcher.matches()) {
                return current.line();
            }
            String key = matcher.group(1);
            if (matcher.group(2) == null) {
                return current.lineOf(key);
            }
            List<Fields> items = current.children.get(key);
            int index = Integer.parseInt(matcher.group(2));
            if (items == null || index >= items.size()) {
                return current.lineOf(key);
            }
            current = items.get(index);
        }
        return current.line();
    }

    private Fields fields(Node node) {
        if (node instanceof MappingNode mapping) {
            return new Fields(mapping);
        }
        report(lineOf(node), "data.problem.not-a-map");
        return null;
    }

    private List<Fields> maps(Fields parent, String key) {
        Node node = parent.get(key);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            report(lineOf(node), "data.problem.not-a-list");
            return List.of();
        }
        List<Fields> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            Fields fields = fields(item);
            if (fields != null) {
                items.add(fields);
            }
        }
        return items;
    }

    private void report(int line, String key, Object... args) {
        problems.add(DataProblem.of(file, line, key, args));
    }

    /** The text a node was read from, stripped; empty when its marks are missing. */
    private String source(Node node) {
        if (node.getStartMark() == null || node.getEndMark() == null) {
            return "";
        }
        int codePoints = text.codePointCount(0, text.length());
        int from = text.offsetByCodePoints(0, Math.min(node.getStartMark().getIndex(), codePoints));
        int to = text.offsetByCodePoints(0, Math.min(node.getEndMark().getIndex(), codePoints));
        return from < to ? text.substring(from, to).strip() : "";
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** A short rendering of a value for messages; bounded, even for recursive aliases. */
    private static String render(Node node) {
        StringBuilder out = new StringBuilder();
        render(node, out);
        return out.length() > RENDERED_LENGTH ? out.substring(0, RENDERED_LENGTH) + "…" : out.toString();
    }

    private static void render(Node node, StringBuilder out) {
        if (out.length() > RENDERED_LENGTH) {
            return;
        }
        if (node instanceof ScalarNode scalar) {
            out.append(scalar.getValue());
        } else if (node instanceof SequenceNode sequence) {
            out.append('[');
            for (int i = 0; i < sequence.getValue().size() && out.length() <= RENDERED_LENGTH; i++) {
                out.append(i == 0 ? "" : ", ");
                render(sequence.getValue().get(i), out);
            }
            out.append(']');
        } else if (node instanceof MappingNode mapping) {
            out.append('{');
            for (int i = 0; i < mapping.getValue().size() && out.length() <= RENDERED_LENGTH; i++) {
                out.append(i == 0 ? "" : ", ");
                render(mapping.getValue().get(i).getKeyNode(), out);
                out.append(": ");
                render(mapping.getValue().get(i).getValueNode(), out);
            }
            out.append('}');
        }
    }

    private record Located<T>(T value, Fields fields) {
    }

    /** A YAML mapping read as named fields; typed getters report what is wrong and return null. */
    private final class Fields {
        private final MappingNode node;
        private final Map<String, Node> values = new LinkedHashMap<>();
        /** Lists of sub-mappings in the order of the built value, for {@link #locate}. */
        private final Map<String, List<Fields>> children = new HashMap<>();

        Fields(MappingNode node) {
            this.node = node;
            for (NodeTuple tuple : node.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    if (values.containsKey(key.getValue())) {
                        report(CatalogFileReader.lineOf(key), "data.problem.duplicate-key", key.getValue());
                    } else {
                        values.put(key.getValue(), tuple.getValueNode());
                    }
                }
            }
        }

        int line() {
            return CatalogFileReader.lineOf(node);
        }

        /** The line of the key's value, or of the mapping when the key is absent. */
        int lineOf(String key) {
            Node value = values.get(key);
            return value == null ? line() : CatalogFileReader.lineOf(value);
        }

        /** The value, or null when absent or written empty ({@code key:}, {@code ~}). */
        Node get(String key) {
            Node value = values.get(key);
            return value == null || isNull(value) ? null : value;
        }

        /** Optional text, stripped; null when absent. */
        String text(String key) {
            Node value = get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof ScalarNode scalar) {
                return scalar.getValue().strip();
            }
            report(CatalogFileReader.lineOf(value), "data.problem.bad-text", render(value));
            return null;
        }

        String requiredText(String key) {
            Node value = get(key);
            String text = text(key);
            if (value == null || text != null && text.isEmpty()) {
                report(lineOf(key), "data.problem.missing-field", key);
                return null;
            }
            return text;
        }

        /** Texts of a list; a single text counts as a list of one. Empty when absent. */
        List<String> texts(String key) {
            Node value = get(key);
            if (value == null) {
                return List.of();
            }
            List<Node> items = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
            boolean inBrackets = value instanceof SequenceNode sequence && sequence.getFlowStyle() == FlowStyle.FLOW;
            List<String> texts = new ArrayList<>();
            for (Node item : items) {
                if (item instanceof ScalarNode scalar && !isNull(scalar)) {
                    if (!scalar.getValue().isBlank()) {
                        texts.add(scalar.getValue().strip());
                    }
                } else if (!isNull(item)) {
                    reportNotText(item, inBrackets);
                }
            }
            return texts;
        }

        /**
         * A list item that is not a text. YAML reads {@code [Horaires: le matin]} or {@code - Horaires: le matin} as
         * a key and its value: that case asks for double quotes, as the syntax errors do.
         */
        private void reportNotText(Node item, boolean inBrackets) {
            if (item instanceof MappingNode mapping && mapping.getValue().size() == 1
                    && mapping.getValue().get(0).getKeyNode() instanceof ScalarNode key
                    && mapping.getValue().get(0).getValueNode() instanceof ScalarNode value) {
                String written = source(mapping).replaceFirst("[\\s,\\]]+$", "");
                String quoted = YamlSyntaxErrors.quoted("", written.isEmpty() || written.startsWith("{")
                        || written.contains("\n") ? key.getValue() + ": " + value.getValue() : written);
                if (inBrackets) {
                    report(CatalogFileReader.lineOf(item), "data.problem.yaml-quote-in-brackets", ":", "[ ]", quoted);
                } else {
                    report(CatalogFileReader.lineOf(item), "data.problem.yaml-quote-value", ":", quoted);
                }
                return;
            }
            report(CatalogFileReader.lineOf(item), "data.problem.bad-text", render(item));
        }

        /** A sub-mapping, null when absent (or not a mapping, which is reported). */
        Fields map(String key) {
            Node value = get(key);
            return value == null ? null : fields(value);
        }

        /** A weekday in English or French ({@code monday}, {@code lundi}), null when absent or wrong. */
        DayOfWeek weekday(String key) {
            String text = text(key);
            if (text == null || text.isEmpty()) {
                return null;
            }
            DayOfWeek day = WEEKDAYS.get(TextFold.fold(text));
            if (day == null) {
                report(lineOf(key), "data.problem.bad-weekday", text);
            }
            return day;
        }

        /** A local time, HH:MM, null when absent or wrong. */
        LocalTime time(String key) {
            String text = text(key);
            if (text == null || text.isEmpty()) {
                return null;
            }
            try {
                return LocalTime.parse(text, TIME);
            } catch (DateTimeException e) {
                report(lineOf(key), "data.problem.bad-time", text);
                return null;
            }
        }

        /** Whole numbers of days before something, none negative; a single number is a list of one. */
        List<Integer> days(String key) {
            List<Integer> days = numbers(key);
            if (days == null) {
                return null;
            }
            for (Integer day : days) {
                if (day < 0) {
                    report(lineOf(key), "data.problem.negative-days", day);
                }
            }
            return days.stream().filter(d -> d >= 0).distinct().toList();
        }

        /** Whole numbers of a list (a single number is a list of one); null when absent; wrong ones reported. */
        List<Integer> numbers(String key) {
            if (get(key) == null) {
                return null;
            }
            List<Integer> numbers = new ArrayList<>();
            for (String text : texts(key)) {
                try {
                    numbers.add(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    report(lineOf(key), "data.problem.bad-number", text);
                }
            }
            return numbers;
        }

        /** A whole number, null when absent or wrong. */
        Integer integer(String key, boolean required) {
            String text = required ? requiredText(key) : text(key);
            if (text == null || text.isEmpty()) {
                return null;
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                report(lineOf(key), "data.problem.bad-number", text);
                return null;
            }
        }

        /** A required local date, YYYY-MM-DD. */
        LocalDate date(String key) {
            String text = scalarForDate(key, "data.problem.bad-date");
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                report(lineOf(key), "data.problem.bad-date", text);
                return null;
            }
        }

        /** A required local date-time, YYYY-MM-DDTHH:MM or YYYY-MM-DD HH:MM, seconds optional. */
        LocalDateTime dateTime(String key) {
            String text = scalarForDate(key, "data.problem.bad-date-time");
            if (text == null) {
                return null;
            }
            Matcher parts = DATE_THEN_TIME.matcher(text);
            if (parts.matches()) {
                try {
                    return LocalDateTime.parse(parts.group(1) + "T" + parts.group(2), DATE_TIME);
                } catch (DateTimeException e) {
                    report(lineOf(key), "data.problem.bad-date-time", text);
                    return null;
                }
            }
            report(lineOf(key), "data.problem.bad-date-time", text);
            return null;
        }

        private String scalarForDate(String key, String problem) {
            Node value = get(key);
            if (value == null) {
                report(lineOf(key), "data.problem.missing-field", key);
                return null;
            }
            if (!(value instanceof ScalarNode scalar)) {
                report(lineOf(key), problem, render(value));
                return null;
            }
            if (scalar.getValue().isBlank()) {
                report(lineOf(key), "data.problem.missing-field", key);
                return null;
            }
            return scalar.getValue().strip();
        }
    }
}
