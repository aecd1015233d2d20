package org.animfr.animabot.core.qa;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;
import org.animfr.animabot.core.text.TextFold;

/**
 * Finds what a question names, the way people name things in a chat: a session by its name, its number alone
 * ("la neuf", "la n°9"), its order relative to the conversation's session ("la précédente", "celle d'après"),
 * its season ("celle de l'automne prochain") or its territory ("la session de Montpellier"); a week by number or
 * by theme; a gathering by order or role ("le deuxième", "la clôture", "the last gathering"); a time expression
 * (see {@link TimeExpressions}). Texting is rewritten first (see {@link Texting}). Stateless; thread-safe.
 */
final class ReferenceFinder {
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("un", 1), Map.entry("une", 1), Map.entry("premiere", 1), Map.entry("premier", 1),
            Map.entry("deux", 2), Map.entry("deuxieme", 2), Map.entry("seconde", 2), Map.entry("second", 2),
            Map.entry("trois", 3), Map.entry("troisieme", 3), Map.entry("quatre", 4), Map.entry("quatrieme", 4),
            Map.entry("cinq", 5), Map.entry("cinquieme", 5), Map.entry("six", 6), Map.entry("sixieme", 6),
            Map.entry("sept", 7), Map.entry("septieme", 7), Map.entry("huit", 8), Map.entry("huitieme", 8),
            Map.entry("neuf", 9), Map.entry("neuvieme", 9), Map.entry("dix", 10), Map.entry("dixieme", 10),
            Map.entry("onze", 11), Map.entry("onzieme", 11), Map.entry("douze", 12), Map.entry("douzieme", 12),
            Map.entry("treize", 13), Map.entry("treizieme", 13), Map.entry("quatorze", 14),
            Map.entry("quinze", 15), Map.entry("seize", 16), Map.entry("vingt", 20),
            Map.entry("one", 1), Map.entry("first", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("third", 3), Map.entry("four", 4), Map.entry("fourth", 4), Map.entry("five", 5),
            Map.entry("fifth", 5), Map.entry("seven", 7), Map.entry("seventh", 7), Map.entry("eight", 8),
            Map.entry("eighth", 8), Map.entry("nine", 9), Map.entry("ninth", 9), Map.entry("ten", 10),
            Map.entry("tenth", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("sixth", 6), Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13));
    private static final String NUMBER = "(\\d{1,3}|" + String.join("|", NUMBER_WORDS.keySet()) + ")";
    private static final String ORDINAL_SUFFIX = "(?:e|eme|ieme|er|ere|st|nd|rd|th)?";
    private static final Pattern WEEK_THEN_NUMBER = Pattern.compile(
            "\\b(semaine|sem|week|wk)\\s*(?:n\\s*°|no\\.?|numero|number|num|#)?\\s*" + NUMBER + "\\b");
    private static final Pattern NUMBER_THEN_WEEK = Pattern.compile(
            "\\b" + NUMBER + "\\s*" + ORDINAL_SUFFIX + "\\s+(semaine|week)\\b");
    /** A number after a word that names sessions: "animacoop 9", "la n°9", "session neuf", "la neuf". */
    private static final Pattern MARKED_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])(session|promo|promotion|"
            + "formation|cohorte|cohort|course|training|n\\s*°|n o|no\\.|numero|num|number|#)\\s*"
            + "(?:(?:n\\s*°|no\\.?|numero|num|number|#)\\s*)?" + NUMBER
            + ORDINAL_SUFFIX + "(?![\\p{L}\\p{N}])(?!\\s*(?:h\\b|heures?|hours?|jours?|days?|semaines?|weeks?|mois|"
            + "months?|euros?|€|%|personnes|places))");
    /** Words that only ever name a session before a number: a number after them that no session has is unknown. */
    private static final Set<String> SESSION_MARKERS = Set.of("session", "promo", "promotion", "cohorte", "cohort");
    private static final Pattern ARTICLE_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])(la|l'|the)\\s*" + NUMBER
            + ORDINAL_SUFFIX + "(?![\\p{L}\\p{N}])(?!\\s*(?:semaine|week|regroupement|rencontre|jours?|h\\b|heures?"
            + "|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|/))");
    /** A session's number alone at the end of a question: "on peut encore s'inscrire à la 6 ?", "register for 6?". */
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])(?:pour|a|for|to|de|of|in)"
            + "\\s+(?:la\\s+|le\\s+|the\\s+)?" + NUMBER + "(?=\\s*(?:\\?|!|\\.|,|$))");
    private static final Pattern AFTER_NEXT = Pattern.compile("\\b(?:session|one|course)\\s+after\\s+next|(?:celle|"
            + "session|formation|promo)\\s+(?:d'apres|apres)\\s+la\\s+(?:prochaine|suivante)\\b");
    /** Words without which no session is named by its order: a cheap look before the patterns. */
    private static final List<String> ORDER_HINTS = List.of("preced", "avant", "apres", "suivant", "previous",
            "following", "before", "after", "next", "passee", "anterieur");
    private static final Pattern PREVIOUS = Pattern.compile("\\b(?:(?:session|formation|promo|promotion|celle|"
            + "cohorte)\\s+(?:qui\\s+etait\\s+)?(?:d'avant|d avant|davant|avant|precedente|passee|anterieure|juste avant)"
            + "|(?:la|une)\\s+"
            + "precedente|precedente\\s+(?:session|formation|promo)|previous\\s+(?:session|course|one|cohort|training)"
            + "|(?:session|course|cohort|training)\\s+before|the\\s+one\\s+before\\s+(?:this|ours|that))\\b");
    private static final Pattern FOLLOWING = Pattern.compile("\\b(?:(?:session|formation|promo|promotion|celle|"
            + "cohorte)\\s+(?:d'apres|d apres|dapres|suivante|juste apres)|la\\s+suivante|suivante\\s+(?:session|"
            + "formation|promo)|following\\s+(?:session|course|one|cohort|training)|(?:session|course|cohort|"
            + "training)\\s+after|the\\s+one\\s+after\\s+(?:this|ours|that))\\b");
    private static final Map<String, Integer> SEASONS = Map.ofEntries(
            Map.entry("printemps", 3), Map.entry("spring", 3), Map.entry("ete", 6), Map.entry("summer", 6),
            Map.entry("automne", 9), Map.entry("autumn", 9), Map.entry("fall", 9), Map.entry("hiver", 12),
            Map.entry("winter", 12));
    /** Season words that are also other words ("été" is "been", "fall" a verb): taken after an article only. */
    private static final Set<String> AMBIGUOUS_SEASONS = Set.of("ete", "fall");
    private static final Pattern SEASON = Pattern.compile("(?:\\b(next|last|this|cet|cette|ce)\\s+)?(\\bl'|\\bd'|\\ben |\\bthe )?\\b("
            + String.join("|", SEASONS.keySet()) + ")\\b(?:\\s+(\\d{4}|prochain|prochaine|dernier|derniere|passe|"
            + "passee|d'avant|qui vient))?");
    private static final Pattern SESSION_WORD = Pattern.compile("\\b(session|sessions|formation|promo|promotion|"
            + "celle|cohorte|animacoop|course|training|cohort|one)\\b");
    private static final String PLACE_BEFORE = "(?:de|d'|a|en|du|of|in|at|the|sur|vers|pres de|near|from|avant|apres|"
            + "before|after|session|formation|promo)\\s+"
            + "(?:l'|la\\s+|le\\s+)?";
    private static final Set<String> PLACE_STOP = Set.of("pays", "region", "territoire", "departement", "ville",
            "maison", "rue", "place", "quai", "des", "les", "et", "and", "saint", "sainte", "sur", "sous", "associations",
            "association", "tiers", "lieu", "salle", "centre", "espace", "cafe", "the", "bis", "avenue", "boulevard",
            "chemin", "route", "impasse", "allee", "mediatheque", "bibliotheque", "mairie", "hotel", "le", "la");
    private static final Pattern GATHERING_WORD = Pattern.compile("\\b(regroupements?|rencontres?|rendez-vous|"
            + "rendez vous|rdv|reunions?|seminaires?|presentiels?|journees?|gatherings?|meetups?|meet-ups?|"
            + "meetings?|in-person|revoit|revoir|reverra|retrouve|retrouver|retrouvera|retrouvons|voit|verra|revenir|"
            + "reviens|revient|travel|come back|deplacer|deplace|"
            + "face to face|meet up|meet again|venue|adresse|address|salle)\\b");
    private static final Map<String, Order> ORDER_WORDS = orderWords();
    /** "le regroupement après celui de Montpellier", "the gathering before the Montpellier one". */
    private static final Pattern NEIGHBOUR = Pattern.compile("\\b(?:regroupement|rencontre|rdv|rendez-vous|gathering|"
            + "meetup|one|celui)\\s+(?:d')?(?:(apres|after|suivant|following)|(avant|before|precedent|previous))\\b");
    private static final Pattern ORDER = Pattern.compile("\\b(tout premier|toute premiere|very first|"
            + String.join("|", ORDER_WORDS.keySet()) + ")\\b");
    private static final Pattern ROLE = Pattern.compile("\\b(lancement|lancemen|lancemt|launch|kick-off|kickoff|kick off|"
            + "d'ouverture|opening|cloture|closing|de fin|final|finale|mi-parcours|mi parcours|midway|mid-way|"
            + "midpoint|mid-point|halfway|milieu|middle)\\b(?!\\s+(?:des|of)\\s+(?:inscriptions?|registrations?|candidatures?))");
    /** Role words that name a gathering on their own ("la clôture"); the others only beside a gathering word. */
    private static final Set<String> ROLE_ALONE = Set.of("lancement", "lancemen", "lancemt", "launch", "cloture",
            "closing", "mi-parcours", "mi parcours", "midway", "mid-way", "midpoint", "mid-point");
    /** "la dernière semaine", "the final week"; "la semaine dernière" and "last week" are times, not this. */
    private static final Pattern LAST_WEEK = Pattern.compile("\\b(?:la|the)\\s+(?:toute\\s+|very\\s+)?(?:derniere|"
            + "last|final|ultime)\\s+(?:wrap-up\\s+)?(?:semaine|week)\\b");
    private static final Pattern STRONG_THEME_CUE = Pattern.compile("\\b(semaine|semaines|week|weeks|theme|themes|"
            + "sujet|topic|module)\\b");
    private static final Pattern ASKS_WHEN = Pattern.compile("\\b(quand|when|quelle|which|what)\\b");
    private static final Pattern THEME_CUE = Pattern.compile("\\b(semaine|semaines|week|weeks|theme|themes|sujet|"
            + "topic|module|consacree|about|aborde|aborder|abordera|traite|traiter|parle|parlera|etudie|cover|covers|"
            + "covered|learn|apprend)\\b");
    private static final Set<String> THEME_STOP = Set.of("semaine", "semaines", "week", "weeks", "theme", "themes",
            "sujet", "topic", "about", "quand", "quelle", "quel", "which", "when", "what", "celle", "c'est", "cest",
            "sera", "será", "avec", "pour", "dans", "avons", "aura", "that", "this", "there", "session", "formation");

    /** Marks a place word that is a venue's name rather than a town's. */
    private static final String VENUE = "venue:";

    private static final org.apache.lucene.search.spell.LevenshteinDistance SIMILARITY =
            new org.apache.lucene.search.spell.LevenshteinDistance();

    /** What the finder reads of a catalog, worked out once per catalog (by identity: a reload makes a new one). */
    private record CatalogView(Optional<Pattern> names, Set<String> nameStarts, List<Session> byName,
            Map<Integer, Session> numbered,
            Optional<Pattern> brand, List<Session> byStart, Map<String, List<Session>> byPlaceWord,
            Map<String, Boolean> venues, Optional<Pattern> places, Set<String> placeStarts) {}

    private static final Map<List<Session>, CatalogView> VIEWS = new IdentityHashMap<>();

    private static CatalogView view(List<Session> sessions) {
        synchronized (VIEWS) {
            CatalogView view = VIEWS.get(sessions);
            if (view == null) {
                if (VIEWS.size() >= 8) {
                    VIEWS.clear();
                }
                view = newView(sessions);
                VIEWS.put(sessions, view);
            }
            return view;
        }
    }

    private static CatalogView newView(List<Session> sessions) {
        Set<String> brands = brands(sessions);
        // the brand in full or cut short as people type it: "animacoop 9", "anima9", "animac 9"
        Optional<Pattern> brand = brands.isEmpty() ? Optional.empty() : Optional.of(Pattern.compile("\\b("
                + String.join("|", brands.stream().map(ReferenceFinder::shortened).toList())
                + ")\\s*(?:n\\s*°|no|numero|num|#)?\\s*" + NUMBER + "\\b"));
        List<Session> byStart = sessions.stream().sorted(Comparator.comparing(Session::start)).toList();
        Map<String, List<Session>> byWord = new LinkedHashMap<>();
        Map<String, Boolean> venues = new HashMap<>();
        for (Session s : byStart) {
            for (String word : placeWords(s.territory())) {
                byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(s);
            }
            for (Gathering g : s.gatherings()) {
                int comma = g.place().lastIndexOf(',');
                List<String> town = placeWords(comma < 0 ? g.place() : g.place().substring(comma + 1));
                for (String word : placeWords(g.place())) {
                    List<Session> list = byWord.computeIfAbsent(word, w -> new ArrayList<>());
                    if (!list.contains(s)) {
                        list.add(s);
                    }
                    // a venue ("la Coop") names a gathering; a town may name the session
                    venues.merge(word, !town.contains(word), Boolean::logicalOr);
                }
            }
        }
        // "Normandy", "normande" and "Normandie" agree on their first six letters; "lyonnaise" begins with "lyon"
        Optional<Pattern> places = byWord.isEmpty() ? Optional.empty() : Optional.of(Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + PLACE_BEFORE + "(" + String.join("|", byWord.keySet().stream()
                        .sorted(Comparator.comparingInt(String::length).reversed()).map(ReferenceFinder::typedPlace)
                        .toList()) + ")(?![\\p{L}\\p{N}])"));
        // every session's name and id in one pattern, one group per session, longest names first
        List<Session> byName = byLongestName(sessions);
        List<String> groups = new ArrayList<>();
        for (Session candidate : byName) {
            List<String> bodies = new ArrayList<>();
            for (String name : List.of(candidate.name(), candidate.id())) {
                nameBody(name).ifPresent(bodies::add);
            }
            groups.add("(" + (bodies.isEmpty() ? "(?!)" : String.join("|", bodies)) + ")");
        }
        Optional<Pattern> names = groups.isEmpty() ? Optional.empty()
                : Optional.of(Pattern.compile("\\b(?:" + String.join("|", groups) + ")\\b"));
        Set<String> nameStarts = new HashSet<>();
        for (Session candidate : sessions) {
            for (String name : List.of(candidate.name(), candidate.id())) {
                Arrays.stream(TextFold.fold(name).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).findFirst()
                        .ifPresent(nameStarts::add);
            }
        }
        Set<String> placeStarts = new HashSet<>();
        byWord.keySet().forEach(w -> placeStarts.add(w.length() >= 6 ? w.substring(0, 6) : w));
        return new CatalogView(names, Set.copyOf(nameStarts), byName, numbered(sessions), brand, byStart, byWord,
                venues, places, Set.copyOf(placeStarts));
    }

    private static String typedPlace(String word) {
        return word.length() >= 6 ? Pattern.quote(word.substring(0, 6)) + "\\p{L}*" : Pattern.quote(word) + "\\p{L}*";
    }

    /** The place word a typed word stands for. */
    private static Optional<String> placeWord(String typed, Set<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .filter(word -> word.length() >= 6 ? typed.startsWith(word.substring(0, 6)) : typed.startsWith(word))
                .findFirst();
    }

    private static final Map<String, Pattern> WORD_PATTERNS = new ConcurrentHashMap<>();


    /** Which gathering a question means by its order or role. */
    enum Order { FIRST, SECOND, THIRD, FOURTH, LAST, MIDDLE, LAUNCH, CLOSING }

    private ReferenceFinder() {}

    /**
     * The references of a question.
     *
     * @param base the conversation's session, which "la précédente" and a gathering's order refer to when the
     *     question names no session
     */
    static References find(String question, Catalog catalog, LocalDate today, Optional<Session> base,
            Texting texting) {
        String text = " " + texting.rewrite(TextFold.fold(question)) + " ";
        Optional<TimeExpressions.Span> time = TimeExpressions.find(text, today);
        if (time.isPresent()) {
            text = cut(text, time.get().start(), time.get().end(), " ");
        }
        Optional<Integer> week = Optional.empty();
        Matcher matcher = WEEK_THEN_NUMBER.matcher(text);
        if (matcher.find() && number(matcher.group(2)).isPresent()) {
            week = number(matcher.group(2));
            text = cut(text, matcher.start(), matcher.end(), " " + matcher.group(1) + " ");
        } else {
            matcher = NUMBER_THEN_WEEK.matcher(text);
            if (matcher.find() && number(matcher.group(1)).isPresent()) {
                week = number(matcher.group(1));
                text = cut(text, matcher.start(), matcher.end(), " " + matcher.group(2) + " ");
            }
        }
        Found found = relative(session(text, catalog, today, base), catalog);
        text = found.text();
        Optional<Session> session = found.session();
        Session target = session.or(() -> base).orElse(null);
        boolean byTheme = false;
        Matcher lastWeek = LAST_WEEK.matcher(text);
        if (week.isEmpty() && target != null && lastWeek.find()) {
            week = Optional.of(target.weekCount());
            text = cut(text, lastWeek.start(), lastWeek.end(), " semaine ");
        }
        if (week.isEmpty() && target != null && time.isEmpty()) {
            Optional<Found> theme = weekByTheme(text, target);
            if (theme.isPresent()) {
                week = Optional.of(theme.get().week());
                text = theme.get().text();
                byTheme = true;
            }
        }
        Optional<Gathering> gathering = Optional.empty();
        if (target != null) {
            Optional<Found> named = gathering(text, target, found.place(), today);
            if (named.isPresent()) {
                gathering = named.get().gathering();
                text = named.get().text();
            }
        }
        return new References(session, found.unknown(), week, byTheme, gathering, time,
                text.replaceAll("\\s+", " ").strip());
    }

    /** What a step found, and the text without it. */
    private record Found(Optional<Session> session, Optional<String> unknown, String text, int week,
            Optional<Gathering> gathering, Optional<String> place) {
        static Found none(String text) {
            return new Found(Optional.empty(), Optional.empty(), text, 0, Optional.empty(), Optional.empty());
        }

        static Found session(Session session, String text) {
            return new Found(Optional.of(session), Optional.empty(), text, 0, Optional.empty(), Optional.empty());
        }

        static Found unknown(String typed, String text) {
            return new Found(Optional.empty(), Optional.of(typed), text, 0, Optional.empty(), Optional.empty());
        }
    }

    private static Found session(String text, Catalog catalog, LocalDate today, Optional<Session> base) {
        List<Session> sessions = catalog.sessions();
        CatalogView view = view(sessions);
        // the names' first words first: one look for each beats running a pattern of every name over the text
        if (view.names().isPresent() && view.nameStarts().stream().anyMatch(text::contains)) {
            Matcher named = view.names().get().matcher(text);
            if (named.find()) {
                for (int group = 1; group <= named.groupCount(); group++) {
                    if (named.group(group) != null) {
                        return Found.session(view.byName().get(group - 1), cut(text, named.start(), named.end(), " "));
                    }
                }
            }
        }
        Map<Integer, Session> numbered = view.numbered();
        Matcher m = view.brand().map(p -> p.matcher(text)).orElse(null);
        if (m != null && m.find()) {
            Optional<Integer> number = number(m.group(2));
            if (number.isPresent()) {
                String rest = cut(text, m.start(), m.end(), " ");
                Session s = numbered.get(number.get());
                return s != null ? Found.session(s, rest)
                        : Found.unknown(capitalized(m.group(1)) + " " + number.get(), rest);
            }
        }
        m = MARKED_NUMBER.matcher(text);
        while (m.find()) {
            Optional<Integer> number = number(m.group(2));
            if (number.isPresent() && numbered.containsKey(number.get())) {
                return Found.session(numbered.get(number.get()), cut(text, m.start(), m.end(), " "));
            }
            if (number.isPresent() && !numbered.isEmpty() && SESSION_MARKERS.contains(m.group(1))) {
                return Found.unknown(m.group().strip(), cut(text, m.start(), m.end(), " "));
            }
        }
        m = ARTICLE_NUMBER.matcher(text);
        while (m.find()) {
            Optional<Integer> number = number(m.group(2));
            if (number.isPresent() && numbered.containsKey(number.get())) {
                return Found.session(numbered.get(number.get()), cut(text, m.start(), m.end(), " "));
            }
        }
        m = TRAILING_NUMBER.matcher(text);
        while (m.find()) {
            Optional<Integer> number = number(m.group(1));
            if (number.isPresent() && numbered.containsKey(number.get())) {
                return Found.session(numbered.get(number.get()), cut(text, m.start(), m.end(), " "));
            }
        }
        List<Session> byStart = view.byStart();
        Session reference = base.orElse(null);
        boolean ordered = ORDER_HINTS.stream().anyMatch(text::contains);
        m = AFTER_NEXT.matcher(text);
        if (ordered && reference != null && m.find()) {
            int index = byStart.indexOf(reference);
            if (index >= 0 && index + 2 < byStart.size()) {
                return Found.session(byStart.get(index + 2), cut(text, m.start(), m.end(), " "));
            }
        }
        if (reference != null) {
            int index = byStart.indexOf(reference);
            m = PREVIOUS.matcher(text);
            if (ordered && m.find() && index > 0) {
                return Found.session(byStart.get(index - 1), cut(text, m.start(), m.end(), " "));
            }
            m = FOLLOWING.matcher(text);
            if (ordered && m.find() && index >= 0 && index < byStart.size() - 1) {
                return Found.session(byStart.get(index + 1), cut(text, m.start(), m.end(), " "));
            }
        }
        m = SEASON.matcher(text);
        boolean seasonal = SEASONS.keySet().stream().anyMatch(text::contains);
        while (seasonal && m.find() && !sessions.isEmpty()) {
            if (AMBIGUOUS_SEASONS.contains(m.group(3)) && m.group(1) == null && m.group(2) == null
                    && m.group(4) == null) {
                continue;
            }
            String rest = cut(text, m.start(), m.end(), " ");
            Optional<Session> s = bySeason(byStart, SEASONS.get(m.group(3)), m.group(1), m.group(4), today);
            String typed = m.group().strip();
            return s.map(session -> Found.session(session, rest))
                    .orElseGet(() -> SESSION_WORD.matcher(text).find() ? Found.unknown(typed, rest)
                            : Found.none(text));
        }
        return byPlace(text, view, today);
    }

    /** "celle d'après la 8": the session before or after the one named, rather than the one named. */
    private static Found relative(Found found, Catalog catalog) {
        if (found.session().isEmpty()) {
            return found;
        }
        List<Session> byStart = view(catalog.sessions()).byStart();
        int index = byStart.indexOf(found.session().get());
        Matcher previous = PREVIOUS.matcher(found.text());
        if (previous.find() && index > 0) {
            return new Found(Optional.of(byStart.get(index - 1)), Optional.empty(),
                    cut(found.text(), previous.start(), previous.end(), " "), 0, Optional.empty(), found.place());
        }
        Matcher following = FOLLOWING.matcher(found.text());
        if (following.find() && index >= 0 && index < byStart.size() - 1) {
            return new Found(Optional.of(byStart.get(index + 1)), Optional.empty(),
                    cut(found.text(), following.start(), following.end(), " "), 0, Optional.empty(), found.place());
        }
        return found;
    }

    private static Optional<Session> bySeason(List<Session> byStart, int firstMonth, String before, String after,
            LocalDate today) {
        List<Session> inSeason = byStart.stream().filter(s -> season(s.start()) == firstMonth).toList();
        String qualifier = after != null ? after : before != null ? before : "";
        if (qualifier.matches("\\d{4}")) {
            int year = Integer.parseInt(qualifier);
            return inSeason.stream().filter(s -> seasonYear(s.start()) == year).findFirst();
        }
        if (qualifier.startsWith("prochain") || qualifier.equals("next") || qualifier.equals("qui vient")) {
            return inSeason.stream().filter(s -> s.start().isAfter(today)).findFirst();
        }
        if (qualifier.startsWith("dernier") || qualifier.startsWith("derniere") || qualifier.startsWith("pass")
                || qualifier.equals("last") || qualifier.equals("d'avant")) {
            return inSeason.stream().filter(s -> s.start().isBefore(today)).reduce((a, b) -> b);
        }
        return preferred(inSeason, today);
    }

    /** The first month of a date's season: 3, 6, 9 or 12. */
    private static int season(LocalDate date) {
        int month = date.getMonthValue();
        return month == 12 || month <= 2 ? 12 : (month - Month.MARCH.getValue()) / 3 * 3 + 3;
    }

    /** Winter belongs to the year it starts in: January 2013 is in the winter of 2012. */
    private static int seasonYear(LocalDate date) {
        return date.getMonthValue() <= 2 ? date.getYear() - 1 : date.getYear();
    }

    /** Among sessions that all fit, the one running, else the next to start, else the latest. */
    private static Optional<Session> preferred(List<Session> candidates, LocalDate today) {
        return candidates.stream().filter(s -> s.isRunningOn(today)).findFirst()
                .or(() -> candidates.stream().filter(s -> s.start().isAfter(today)).findFirst())
                .or(() -> candidates.stream().reduce((a, b) -> b));
    }

    private static Found byPlace(String text, CatalogView view, LocalDate today) {
        if (view.places().isEmpty() || view.placeStarts().stream().noneMatch(text::contains)) {
            return Found.none(text);
        }
        // the last place named is the one asked about: "hésite entre celle de Normandie et celle de Lyon. Combien
        // dure celle de Lyon ?"
        Found last = Found.none(text);
        Matcher m = view.places().get().matcher(text);
        while (m.find()) {
            Optional<String> word = placeWord(m.group(1), view.byPlaceWord().keySet());
            Optional<Session> s = word.flatMap(w -> preferred(view.byPlaceWord().get(w), today));
            if (s.isPresent()) {
                Optional<String> place = word.filter(view.venues()::containsKey)
                        .map(w -> view.venues().get(w) ? VENUE + w : w);
                last = new Found(s, Optional.empty(), cut(text, m.start(1), m.end(1), " "), 0, Optional.empty(), place);
            }
        }
        return last;
    }

    private static List<String> placeWords(String place) {
        return Arrays.stream(TextFold.fold(place).split("[^\\p{L}]+"))
                .filter(w -> w.length() >= 3 && !PLACE_STOP.contains(w)).toList();
    }

    private static Optional<Found> weekByTheme(String text, Session session) {
        boolean cue = STRONG_THEME_CUE.matcher(text).find();
        Matcher weak = THEME_CUE.matcher(text);
        List<Integer> weakCues = new ArrayList<>();
        while (weak.find()) {
            weakCues.add(weak.end());
        }
        if (!cue && weakCues.isEmpty() && !ASKS_WHEN.matcher(text).find() || session.weeks().isEmpty()) {
            return Optional.empty();
        }
        Themes themes = themes(session.weeks());
        Map<String, Integer> themeCounts = themes.counts();
        Map<Integer, Set<String>> wordsByWeek = themes.stems();
        Map<Integer, List<String>> fullWords = themes.words();
        int bestWeek = 0;
        int bestCount = 0;
        Set<String> bestWords = Set.of();
        List<String> typed = Arrays.stream(text.split("[^\\p{L}']+"))
                .filter(w -> w.length() >= 4 && !THEME_STOP.contains(w)).toList();
        for (Map.Entry<Integer, Set<String>> entry : wordsByWeek.entrySet()) {
            Set<String> matched = new HashSet<>();
            for (String word : typed) {
                String stem = stem(word);
                // without a word like "semaine" or "thème", only a long theme word says a week is meant
                boolean same = entry.getValue().contains(stem) && themeCounts.get(stem) == 1;
                if (!same && word.length() >= 8) {
                    // "governance" is "gouvernance": long words a letter or two apart are the same word
                    same = fullWords.get(entry.getKey()).stream().anyMatch(theme -> theme.length() >= 8
                            && SIMILARITY.getDistance(theme, word) >= 0.8f && themeCounts.get(stem(theme)) == 1);
                }
                // a word like "about" or "parle" says a theme follows only close before it
                int at = text.indexOf(word);
                boolean nearCue = weakCues.stream().anyMatch(end -> end <= at && text.substring(end, at).trim()
                        .split("\\s+").length <= 4);
                if (same && (cue || nearCue || word.length() >= 8)) {
                    matched.add(word);
                }
            }
            if (matched.size() > bestCount) {
                bestCount = matched.size();
                bestWeek = entry.getKey();
                bestWords = matched;
            }
        }
        if (bestCount == 0) {
            return Optional.empty();
        }
        String rest = text;
        for (String word : bestWords) {
            rest = rest.replaceAll("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])", " ");
        }
        return Optional.of(new Found(Optional.empty(), Optional.empty(), rest, bestWeek, Optional.empty(),
                Optional.empty()));
    }

    /** A session's themes as the finder compares them, worked out once per list of weeks. */
    private record Themes(Map<String, Integer> counts, Map<Integer, Set<String>> stems,
            Map<Integer, List<String>> words) {}

    private static final Map<List<Week>, Themes> THEMES = new IdentityHashMap<>();

    private static Themes themes(List<Week> weeks) {
        synchronized (THEMES) {
            Themes themes = THEMES.get(weeks);
            if (themes == null) {
                if (THEMES.size() >= 256) {
                    THEMES.clear();
                }
                Map<String, Integer> counts = new HashMap<>();
                Map<Integer, Set<String>> stems = new HashMap<>();
                Map<Integer, List<String>> words = new HashMap<>();
                for (Week w : weeks) {
                    Set<String> weekStems = new HashSet<>();
                    List<String> full = new ArrayList<>();
                    for (String word : TextFold.fold(w.theme()).split("[^\\p{L}]+")) {
                        if (word.length() >= 4) {
                            weekStems.add(stem(word));
                            full.add(word);
                        }
                    }
                    words.put(w.number(), full);
                    stems.put(w.number(), weekStems);
                    weekStems.forEach(word -> counts.merge(word, 1, Integer::sum));
                }
                themes = new Themes(counts, stems, words);
                THEMES.put(weeks, themes);
            }
            return themes;
        }
    }

    /** Words compared by their first five letters: "licences" and "licenses", "wiki" and "wikis". */
    private static String stem(String word) {
        String plain = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        plain = plain.endsWith("e") && plain.length() > 4 ? plain.substring(0, plain.length() - 1) : plain;
        return plain.length() <= 5 ? plain : plain.substring(0, 5);
    }

    private static Optional<Found> gathering(String text, Session session, Optional<String> place,
            LocalDate today) {
        List<Gathering> gatherings = session.gatherings();
        if (gatherings.isEmpty()) {
            return Optional.empty();
        }
        boolean venue = place.isPresent() && place.get().startsWith(VENUE);
        place = place.map(p -> p.replace(VENUE, ""));
        boolean aboutGatherings = GATHERING_WORD.matcher(text).find() || venue;
        Matcher order = ORDER.matcher(text);
        boolean ordinal = order.find() && !text.substring(order.end()).matches("^\\s*(?:place|lieu|lieux)\\b.*");
        // "how long does the training last?": "last" alone is a verb as often as an order
        if (ordinal && (aboutGatherings || nearOne(text, order.end()) && !order.group(1).equals("last"))) {
            String typed = order.group(1);
            Order wanted = typed.startsWith("tout") || typed.startsWith("very") ? Order.FIRST
                    : ORDER_WORDS.get(typed);
            Optional<Gathering> g = byOrder(gatherings, wanted);
            if (g.isPresent()) {
                return Optional.of(gatheringFound(cut(text, order.start(), order.end(), " "), g));
            }
        }
        Matcher role = ROLE.matcher(text);
        if (role.find()) {
            Order wanted = switch (role.group(1)) {
                case "lancement", "lancemen", "lancemt", "launch", "kick-off", "kickoff", "kick off", "d'ouverture", "opening" -> Order.LAUNCH;
                case "cloture", "closing", "de fin", "final", "finale" -> Order.CLOSING;
                default -> Order.MIDDLE;
            };
            Optional<Gathering> g = byOrder(gatherings, wanted);
            if (g.isPresent() && (aboutGatherings || ROLE_ALONE.contains(role.group(1)) && titled(gatherings, wanted))) {
                return Optional.of(gatheringFound(cut(text, role.start(), role.end(), " "), g));
            }
        }
        Optional<String> town = place.isEmpty() && aboutGatherings ? placeNamed(text, gatherings) : place;
        if (town.isPresent() && aboutGatherings) {
            List<Gathering> there = gatherings.stream()
                    .filter(g -> TextFold.fold(g.place()).contains(town.get())).toList();
            if (!there.isEmpty()) {
                // several gatherings in one town: the next one there, or the last if all are past
                Gathering chosen = there.stream().filter(g -> !g.at().toLocalDate().isBefore(today)).findFirst()
                        .orElse(there.get(there.size() - 1));
                int index = gatherings.indexOf(chosen);
                Matcher shift = NEIGHBOUR.matcher(text);
                if (shift.find()) {
                    int wanted = index + (shift.group(1) != null ? 1 : -1);
                    return wanted >= 0 && wanted < gatherings.size()
                            ? Optional.of(gatheringFound(cut(text, shift.start(), shift.end(), " "),
                                    Optional.of(gatherings.get(wanted))))
                            : Optional.empty();
                }
                return Optional.of(gatheringFound(text, Optional.of(chosen)));
            }
        }
        return Optional.empty();
    }

    /** A town or venue of the session's gatherings that the text names ("le regroupement à Quimper de la 6"). */
    private static Optional<String> placeNamed(String text, List<Gathering> gatherings) {
        for (Gathering g : gatherings) {
            for (String word : placeWords(g.place())) {
                Pattern pattern = WORD_PATTERNS.computeIfAbsent(word,
                        w -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(w) + "(?![\\p{L}])"));
                if (pattern.matcher(text).find()) {
                    return Optional.of(word);
                }
            }
        }
        return Optional.empty();
    }

    /** "le deuxième" said alone ("c'est quand le deuxième ?") means a gathering when followed by nothing. */
    private static boolean nearOne(String text, int end) {
        String after = text.substring(end).strip();
        return after.isEmpty() || after.startsWith("?") || after.matches("^(one|d'entre eux|des deux).*");
    }

    private static Found gatheringFound(String text, Optional<Gathering> g) {
        return new Found(Optional.empty(), Optional.empty(), text, 0, g, Optional.empty());
    }

    private static boolean titled(List<Gathering> gatherings, Order wanted) {
        return gatherings.stream().anyMatch(g -> hasRole(g, wanted));
    }

    private static boolean hasRole(Gathering g, Order wanted) {
        String title = TextFold.fold(g.title());
        return switch (wanted) {
            case LAUNCH -> title.contains("lancement") || title.contains("launch") || title.contains("ouverture");
            case CLOSING -> title.contains("cloture") || title.contains("closing") || title.contains("fin");
            case MIDDLE -> title.contains("mi-parcours") || title.contains("mi parcours") || title.contains("milieu")
                    || title.contains("mid");
            default -> false;
        };
    }

    static Optional<Gathering> byOrder(List<Gathering> gatherings, Order wanted) {
        int size = gatherings.size();
        Optional<Gathering> titled = gatherings.stream().filter(g -> hasRole(g, wanted)).findFirst();
        return switch (wanted) {
            case FIRST -> Optional.of(gatherings.get(0));
            case SECOND -> size >= 2 ? Optional.of(gatherings.get(1)) : Optional.empty();
            case THIRD -> size >= 3 ? Optional.of(gatherings.get(2)) : Optional.empty();
            case FOURTH -> size >= 4 ? Optional.of(gatherings.get(3)) : Optional.empty();
            case LAST -> Optional.of(gatherings.get(size - 1));
            case LAUNCH -> titled.or(() -> Optional.of(gatherings.get(0)));
            case CLOSING -> titled.or(() -> Optional.of(gatherings.get(size - 1)));
            case MIDDLE -> titled.or(() -> size >= 3 && size % 2 == 1 ? Optional.of(gatherings.get(size / 2))
                    : Optional.empty());
        };
    }

    private static Map<String, Order> orderWords() {
        Map<String, Order> words = new LinkedHashMap<>();
        for (String w : List.of("premier", "premiere", "1er", "1ere", "1re", "first", "1st")) {
            words.put(w, Order.FIRST);
        }
        for (String w : List.of("deuxieme", "second", "seconde", "2e", "2eme", "2nd", "2ieme")) {
            words.put(w, Order.SECOND);
        }
        for (String w : List.of("troisieme", "third", "3e", "3eme", "3rd", "3ieme")) {
            words.put(w, Order.THIRD);
        }
        for (String w : List.of("quatrieme", "fourth", "4e", "4eme", "4th")) {
            words.put(w, Order.FOURTH);
        }
        for (String w : List.of("dernier", "derniere", "last", "ultime")) {
            words.put(w, Order.LAST);
        }
        return Map.copyOf(words);
    }

    private static Map<Integer, Session> numbered(List<Session> sessions) {
        Map<Integer, Session> numbered = new HashMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        for (Session s : sessions) {
            Matcher m = Pattern.compile("(?<!\\d)(\\d{1,3})(?!\\d)").matcher(s.name());
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                numbered.put(n, s);
                counts.merge(n, 1, Integer::sum);
            }
        }
        counts.forEach((n, count) -> {
            if (count > 1) {
                numbered.remove(n);
            }
        });
        return numbered;
    }

    /** The words sessions are named with before their number: "animacoop" for "Animacoop 7". */
    private static Set<String> brands(List<Session> sessions) {
        Set<String> brands = new HashSet<>();
        for (Session s : sessions) {
            String[] words = TextFold.fold(s.name()).split("[^\\p{L}\\p{N}]+");
            if (words.length > 0 && words[0].length() >= 4 && words[0].chars().allMatch(Character::isLetter)) {
                brands.add(Pattern.quote(words[0]));
            }
        }
        return brands;
    }

    /** A brand word as a pattern that also takes its first five letters or more: "anima" for "animacoop". */
    private static String shortened(String quotedBrand) {
        String brand = quotedBrand.replace("\\Q", "").replace("\\E", "");
        if (brand.length() <= 5) {
            return quotedBrand;
        }
        StringBuilder optional = new StringBuilder(Pattern.quote(brand.substring(0, 5)));
        for (char c : brand.substring(5).toCharArray()) {
            optional.append("(?:").append(Pattern.quote(String.valueOf(c)));
        }
        optional.append(")?".repeat(brand.length() - 5));
        return optional.toString();
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static List<Session> byLongestName(List<Session> sessions) {
        return sessions.stream().sorted(Comparator.comparingInt((Session s) -> s.name().length()).reversed()).toList();
    }

    /** The name's words, whole, separated by spaces, dashes or nothing; empty if it has none. */
    private static Optional<String> nameBody(String name) {
        List<String> words = Arrays.stream(TextFold.fold(name).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty()).map(ReferenceFinder::literal).toList();
        return words.isEmpty() ? Optional.empty() : Optional.of(String.join("[\\s\\-_]*", words));
    }

    /** A word as a pattern without \\Q…\\E, so that patterns can be assembled around it. */
    private static String literal(String word) {
        StringBuilder out = new StringBuilder();
        for (char c : word.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        return out.toString();
    }

    private static Optional<Integer> number(String token) {
        if (token.chars().allMatch(Character::isDigit)) {
            return Optional.of(Integer.parseInt(token));
        }
        return Optional.ofNullable(NUMBER_WORDS.get(token));
    }

    private static String cut(String text, int start, int end, String replacement) {
        return text.substring(0, start) + replacement + text.substring(end);
    }
}
