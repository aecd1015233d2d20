package org.animfr.animabot.core.qa;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Network;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;

/**
 * The made-up network the examples are read against while the classifier learns: twelve sessions named the way
 * the examples name them ("Animacoop 7", spring and autumn, towns and regions, gatherings with their usual titles
 * and weeks with the usual themes), so that the references in an example are found and replaced as they will be
 * in a real question, whatever the live catalog holds.
 */
final class TrainingCatalog {
    /** The day the examples are read on: in the middle of Animacoop 7. */
    static final LocalDate TODAY = LocalDate.of(2012, 11, 5);

    private static final List<String> TERRITORIES = List.of("Pays de Brest", "Normandie", "Lyon et Rhône",
            "Bretagne", "Occitanie", "Nantes", "Languedoc-Roussillon", "Rennes", "Marseille", "Toulouse", "Lille",
            "Grenoble");
    private static final List<String> TOWNS = List.of("Brest", "Caen", "Lyon", "Quimper", "Toulouse", "Nantes",
            "Montpellier", "Rennes", "Marseille", "Nîmes", "Lille", "Grenoble", "Rouen", "Paris", "Bordeaux",
            "Strasbourg");
    private static final List<String> THEMES = List.of("Se présenter et présenter son projet",
            "Les outils pour travailler ensemble à distance", "Animer une liste de discussion", "Pourquoi coopérer ?",
            "Écrire ensemble avec les wikis et les pads", "Cartographier les acteurs de son projet",
            "Licences libres et biens communs", "Animer une réunion à distance", "Veille partagée et curation",
            "Mobiliser des contributeurs et des contributrices", "Gouvernance ouverte",
            "Évaluer un projet coopératif", "Bilan et suites");

    private TrainingCatalog() {}

    static Catalog catalog() {
        List<Session> sessions = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            int year = 2009 + (n - 1) / 2;
            LocalDate start = n % 2 == 1 ? LocalDate.of(year, 10, 1) : LocalDate.of(year + 1, 3, 4);
            start = start.minusDays(start.getDayOfWeek().getValue() - 1L);
            if (n == 7) {
                start = LocalDate.of(2012, 10, 1);
            }
            LocalDate end = start.plusWeeks(12).plusDays(4);
            List<Gathering> gatherings = List.of(
                    new Gathering(start.plusDays(3).atTime(9, 30), "Maison des associations, " + town(n), "Lancement"),
                    new Gathering(start.plusWeeks(6).plusDays(3).atTime(9, 30), "Tiers-lieu, " + town(n + 6),
                            "Regroupement de mi-parcours"),
                    new Gathering(LocalDateTime.of(end.minusDays(8), java.time.LocalTime.of(14, 0)),
                            "Maison des associations, " + town(n), "Clôture"));
            List<Week> weeks = new ArrayList<>();
            for (int w = 1; w <= THEMES.size(); w++) {
                weeks.add(new Week(w, THEMES.get(w - 1), ""));
            }
            sessions.add(new Session("animacoop-" + n, "Animacoop " + n, TERRITORIES.get(n - 1), start, end, 100,
                    null, List.of(), "", gatherings, weeks));
        }
        return new Catalog(Network.DEFAULT, sessions, List.of());
    }

    private static String town(int n) {
        return TOWNS.get((n - 1) % TOWNS.size());
    }
}
