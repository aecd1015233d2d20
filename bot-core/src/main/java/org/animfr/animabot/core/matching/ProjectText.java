package org.animfr.animabot.core.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.animfr.animabot.core.qa.TextAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Turns what learners write into terms with {@link TextAnalysis#projects()}, then applies what only projects need:
 * <ul>
 *   <li>words every description uses ("projet", "association", "réseau", "mettre en place") are dropped, since
 *       with a few dozen learners their weight (IDF) cannot yet tell they are common;</li>
 *   <li>a small English-French glossary of project words maps "community garden" onto the terms of "jardin
 *       communautaire", so that an English description meets its French counterparts;</li>
 *   <li>each term keeps where it was written (elision and possessive left out), to be shown as typed.</li>
 * </ul>
 * Thread-safe: the analyzer is, and the lists are read only.
 */
final class ProjectText {
    private static final Analyzer ANALYZER = TextAnalysis.projects();

    /** Words of nearly every description, or of the training itself; inflections follow through the stemmer. */
    private static final String COMMON_WORDS = """
            projet projets association associations associatif associative associatifs associatives
            réseau réseaux faire mettre mise place créer création développer développement souhaiter souhaite
            souhaitons vouloir voudrais pouvoir permettre permet objectif objectifs idée idées besoin besoins gens
            personne personnes travail travailler travaille travaillons structure structures actuellement
            aujourd'hui an ans année années nouveau nouvelle nouveaux nouvelles chaque tout tous toute toutes
            autour ensemble grâce afin plusieurs ainsi plus moins très trop notamment également avons ont dont
            animacoop formation cadre démarche entre ouvrir lancer apprendre animer anime animons animé coordonner
            coordonne accompagner accompagne accompagnons chercher cherche cherchons
            project projects network networks want wish would like create build help people aim goal idea ideas
            work working organisation organization also new together currently run runs running keep love learn
            starting start get gets make made
            """;

    /** Words of territories that say nothing about where: "Pays de Brest" and "Pays de Morlaix" are not close. */
    private static final String COMMON_PLACE_WORDS = """
            pays région ville métropole département agglomération agglo communauté commune communes territoire
            france sud nord est ouest
            """;

    /**
     * English project words and their French counterparts, left to right; words the same in both languages
     * ("radio", "compost", "transition", "web") need no line.
     */
    private static final String GLOSSARY = """
            garden gardens gardening = jardin
            shared sharing share = partagé
            community communities = communautaire
            neighbourhood neighbourhoods neighborhood neighborhoods = quartier
            neighbours neighbors = voisin
            map maps mapping = cartographie
            participatory = participatif
            repair repairs repairing = réparer
            library libraries = bibliothèque
            digital = numérique
            skills = compétences
            housing = habitat
            home homes = logement
            free = libre
            software = logiciel
            open = ouvert
            school schools = école
            teacher teachers = enseignant
            pupils students = élève
            town towns city cities = ville
            food = alimentation
            farmer farmers farm farms = paysan
            energy = énergie
            renewable = renouvelable
            bike bikes bicycle bicycles cycling = vélo
            workshop workshops = atelier
            website websites = site
            elderly = âgées
            youth young = jeunes
            refugees refugee = réfugiés
            newcomers = arrivants
            volunteers volunteer = bénévoles
            waste = déchets
            recycling = recyclage
            reuse = réemploi
            seeds = semences
            bees beekeeping = abeilles
            solar = solaire
            citizen citizens = citoyen
            knowledge = savoirs
            data = données
            fair = équitable
            broadcast broadcasting = diffusion
            show shows = émission
            currency = monnaie
            households household = familles
            challenge challenges = défis
            climate = climat
            residents = habitants
            clothes = vêtements
            throwing throw = jeter
            computer computers = ordinateurs
            educational = éducatives
            resources = ressources
            green = vert
            space spaces = espaces
            online = ligne
            weekly = hebdomadaire
            monthly = mensuel
            job jobs employment = emploi
            """;

    private static final Set<String> COMMON_TERMS = terms(COMMON_WORDS);
    private static final Set<String> COMMON_PLACE_TERMS = terms(COMMON_PLACE_WORDS);
    private static final Map<String, String> GLOSSARY_TERMS = glossary();

    private ProjectText() {}

    /** Analyzed words with where they were written; one per word kept, in order. Not thread-safe. */
    static final class Tokens {
        int size;
        String[] terms;
        int[] starts;
        int[] ends;
        int[] positions;
        /** Whether a word makes a phrase with the one before, see {@link #phrase}. */
        boolean[] phrase;
        /** How the word, and the phrase it ends, are written, case aside, as a 64-bit hash: see {@link #form}. */
        long[] wordForms;
        long[] pairForms;
        /** The index's numbers of the word, and of the phrase it ends, when known; else -1. */
        int[] words;
        int[] pairs;

        Tokens() {
            this(16);
        }

        /** Room for {@code capacity} words before growing. */
        Tokens(int capacity) {
            terms = new String[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
            positions = new int[capacity];
            phrase = new boolean[capacity];
            wordForms = new long[capacity];
            pairForms = new long[capacity];
            words = new int[capacity];
            pairs = new int[capacity];
        }

        private void add(String term, int start, int end, int position) {
            if (size == terms.length) {
                int room = Math.max(4, size * 2);
                terms = Arrays.copyOf(terms, room);
                starts = Arrays.copyOf(starts, room);
                ends = Arrays.copyOf(ends, room);
                positions = Arrays.copyOf(positions, room);
                phrase = Arrays.copyOf(phrase, room);
                words = Arrays.copyOf(words, room);
                wordForms = Arrays.copyOf(wordForms, room);
                pairForms = Arrays.copyOf(pairForms, room);
                pairs = Arrays.copyOf(pairs, room);
            }
            terms[size] = term;
            words[size] = -1;
            pairs[size] = -1;
            starts[size] = start;
            ends[size] = end;
            positions[size] = position;
            size++;
        }
    }

    /** The terms of a description (or of keywords, or of a search), appended to {@code out}. */
    static void analyzeProject(String text, Tokens out) {
        analyze(text, out, COMMON_TERMS, true);
    }

    /** The terms of a territory, appended to {@code out}. */
    static void analyzeTerritory(String text, Tokens out) {
        analyze(text, out, COMMON_PLACE_TERMS, false);
    }

    /**
     * Whether two consecutive kept words make a phrase: at most one dropped word between them ("ville en
     * transition") and no punctuation ("jardins, compost" is a list, not a phrase).
     */
    private static boolean phrase(String text, Tokens tokens, int second) {
        int first = second - 1;
        if (tokens.positions[second] - tokens.positions[first] > 2) {
            return false;
        }
        for (int i = tokens.ends[first]; i < tokens.starts[second]; i++) {
            switch (text.charAt(i)) {
                case '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', '«', '»', '\n', '\r', '/', '|', '…' -> {
                    return false;
                }
                default -> { }
            }
        }
        return true;
    }

    private static void analyze(String text, Tokens out, Set<String> common, boolean glossary) {
        int first = out.size;
        if (text.isEmpty()) {
            return;
        }
        try (TokenStream stream = ANALYZER.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                if (term.length() < 2 || digits(term)) {
                    continue; // years, counts, initials: noise between projects
                }
                String word = term.toString();
                if (glossary) {
                    word = GLOSSARY_TERMS.getOrDefault(word, word);
                }
                if (common.contains(word)) {
                    continue;
                }
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (word.indexOf('\'') < 0) {
                    // the tokenizer keeps "l'école" and "week's" whole; the filters dropped the elision
                    if (end - start > 2 && apostrophe(text.charAt(end - 2))
                            && Character.toLowerCase(text.charAt(end - 1)) == 's') {
                        end -= 2;
                    }
                    for (int i = end - 1; i > start; i--) {
                        if (apostrophe(text.charAt(i))) {
                            start = i + 1;
                            break;
                        }
                    }
                }
                out.add(word, start, end, position);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = first; i < out.size; i++) {
            out.phrase[i] = i > first && phrase(text, out, i);
            out.wordForms[i] = form(text, out.starts[i], out.ends[i]);
            out.pairForms[i] = out.phrase[i] ? form(text, out.starts[i - 1], out.ends[i]) : 0;
        }
    }

    /**
     * How a term is written, case aside, as a 64-bit hash: the index counts the forms of a term by it, in place of
     * comparing texts (a collision would at worst show a term as a less frequent form).
     */
    static long form(String text, int start, int end) {
        long hash = 0xcbf29ce484222325L;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            // Latin-1 capitals are 32 below their small letters ("É" and "é"); the rest asks the tables
            if (c >= 'A' && c <= 'Z' || c >= 'À' && c <= 'Þ' && c != '×') {
                c += 32;
            } else if (c > 0xFF) {
                c = Character.toLowerCase(c);
            }
            hash = (hash ^ c) * 0x100000001b3L;
        }
        return hash;
    }

    private static boolean digits(CharSequence term) {
        for (int i = 0; i < term.length(); i++) {
            if (!Character.isDigit(term.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean apostrophe(char c) {
        return c == '\'' || c == '’';
    }

    private static Set<String> terms(String words) {
        Tokens tokens = new Tokens();
        analyze(words, tokens, Set.of(), false);
        Set<String> terms = new HashSet<>();
        for (int i = 0; i < tokens.size; i++) {
            terms.add(tokens.terms[i]);
        }
        return Set.copyOf(terms);
    }

    private static Map<String, String> glossary() {
        Map<String, String> glossary = new HashMap<>();
        for (String line : GLOSSARY.strip().split("\n")) {
            String[] sides = line.split("=");
            List<String> french = List.copyOf(terms(sides[1]));
            if (french.size() != 1) {
                throw new IllegalStateException("A glossary line needs one French word: " + line);
            }
            for (String english : terms(sides[0])) {
                String before = glossary.put(english, french.get(0));
                if (before != null && !before.equals(french.get(0))) {
                    throw new IllegalStateException("Two French terms for " + english + ": " + before + ", " + line);
                }
            }
        }
        return Map.copyOf(glossary);
    }
}
