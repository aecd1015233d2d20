package org.animfr.animabot.core.testing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.FaqEntry;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Network;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;

/**
 * Test data: Animacoop 7 (autumn 2012, Brest and Languedoc-Roussillon) as the domain describes it, and
 * Animacoop 8 (spring 2013). A clock at 2012-11-05T10:00+01:00 is in week 6 of Animacoop 7.
 */
public final class TestCatalogs {
    public static final String NOW = "2012-11-05T10:00:00+01:00";

    private TestCatalogs() {}

    public static final List<String> THEMES = List.of(
            "Se présenter et présenter son projet", "Outils pour travailler ensemble à distance",
            "Animer une liste de discussion", "Pourquoi coopérer ?", "Écrire ensemble : wikis et pads",
            "Cartographier les acteurs de son projet", "Licences libres et biens communs",
            "Animer une réunion à distance", "Veille partagée et curation", "Mobiliser des contributeurs",
            "Gouvernance ouverte", "Évaluer un projet coopératif", "Bilan et suites");

    public static Session animacoop7() {
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < THEMES.size(); i++) {
            weeks.add(new Week(i + 1, THEMES.get(i), "Consigne de la semaine " + (i + 1)
                    + " : partagez une expérience sur le thème « " + THEMES.get(i) + " »."));
        }
        return new Session("animacoop-7", "Animacoop 7", "Pays de Brest et Languedoc-Roussillon",
                LocalDate.of(2012, 10, 1), LocalDate.of(2012, 12, 28), 100,
                "https://animacoop.example.org/inscription-7", List.of("Ana Le Goff", "Bruno Martin"),
                "Formation-action à l’animation de projets coopératifs.",
                List.of(new Gathering(LocalDateTime.of(2012, 10, 4, 9, 30), "Maison des associations, Brest",
                                "Lancement"),
                        new Gathering(LocalDateTime.of(2012, 11, 15, 9, 30), "Tiers-lieu La Coop, Montpellier",
                                "Regroupement de mi-parcours"),
                        new Gathering(LocalDateTime.of(2012, 12, 20, 14, 0), "Maison des associations, Brest",
                                "Clôture")),
                weeks);
    }

    public static Session animacoop8() {
        return new Session("animacoop-8", "Animacoop 8", "Normandie",
                LocalDate.of(2013, 3, 4), LocalDate.of(2013, 5, 31), 100,
                "https://animacoop.example.org/inscription-8", List.of("Claire Dubois"),
                "Session de printemps en Normandie.",
                List.of(new Gathering(LocalDateTime.of(2013, 3, 7, 9, 30), "Café des images, Caen", "Lancement")),
                List.of(new Week(1, "Se présenter et présenter son projet", "Présentez votre projet en 5 lignes.")));
    }

    public static List<FaqEntry> faq() {
        return List.of(
                new FaqEntry("La formation est-elle payante ?", List.of("combien coûte la formation", "c'est gratuit ?"),
                        "La formation est gratuite pour les structures du territoire ; une participation de 50 € est demandée aux autres."),
                new FaqEntry("Faut-il un ordinateur ?", List.of("quel matériel faut-il", "je peux suivre sur mon téléphone ?"),
                        "Un ordinateur avec une connexion internet suffit ; le téléphone dépanne pour suivre les échanges."));
    }

    public static Catalog catalog() {
        return new Catalog(Network.DEFAULT, List.of(animacoop7(), animacoop8()), faq());
    }

    /**
     * A network with four sessions, for understanding how learners name them: Animacoop 6 (spring 2012, Pays de
     * Brest, past), 7 (autumn 2012, running on {@link #NOW}), 8 (spring 2013, Normandie, three gatherings) and 9
     * (autumn 2013, Lyon), and an FAQ as organizers write it (fees, licences, computer skills, hours per week).
     */
    public static Catalog network() {
        Session six = new Session("animacoop-6", "Animacoop 6", "Pays de Brest",
                LocalDate.of(2012, 3, 5), LocalDate.of(2012, 6, 1), 100,
                "https://animacoop.example.org/inscription-6", List.of("Ana Le Goff"),
                "Session de printemps dans le Pays de Brest.",
                List.of(new Gathering(LocalDateTime.of(2012, 3, 8, 9, 30), "Maison des associations, Brest",
                                "Lancement"),
                        new Gathering(LocalDateTime.of(2012, 4, 19, 9, 30), "Le Quartier, Quimper",
                                "Regroupement de mi-parcours"),
                        new Gathering(LocalDateTime.of(2012, 5, 24, 14, 0), "Maison des associations, Brest",
                                "Clôture")),
                weeks(13));
        Session eight = new Session("animacoop-8", "Animacoop 8", "Normandie",
                LocalDate.of(2013, 3, 4), LocalDate.of(2013, 5, 31), 100,
                "https://animacoop.example.org/inscription-8", List.of("Claire Dubois"),
                "Session de printemps en Normandie.",
                List.of(new Gathering(LocalDateTime.of(2013, 3, 7, 9, 30), "Café des images, Caen", "Lancement"),
                        new Gathering(LocalDateTime.of(2013, 4, 18, 9, 30), "Le Kalif, Rouen",
                                "Regroupement de mi-parcours"),
                        new Gathering(LocalDateTime.of(2013, 5, 23, 14, 0), "Café des images, Caen", "Clôture")),
                weeks(13));
        Session nine = new Session("animacoop-9", "Animacoop 9", "Lyon et Rhône",
                LocalDate.of(2013, 9, 30), LocalDate.of(2013, 12, 20), 90,
                null, List.of("Bruno Martin", "Dalila Benali"),
                "Session d’automne à Lyon.",
                List.of(new Gathering(LocalDateTime.of(2013, 10, 3, 9, 30), "La Cordée, Lyon", "Lancement"),
                        new Gathering(LocalDateTime.of(2013, 12, 12, 14, 0), "La Cordée, Lyon", "Clôture")),
                weeks(12));
        return new Catalog(Network.DEFAULT, List.of(six, animacoop7(), eight, nine), networkFaq());
    }

    /** The FAQ of {@link #network()}. */
    public static List<FaqEntry> networkFaq() {
        return List.of(
                new FaqEntry("Quels sont les frais d’inscription ?", List.of(),
                        "Les frais d’inscription sont de 50 € ; la formation est gratuite pour les structures du territoire."),
                new FaqEntry("Sous quelle licence sont publiés les supports de la formation ?", List.of(),
                        "Tous les supports sont sous licence Creative Commons CC BY-SA."),
                new FaqEntry("Faut-il des compétences en informatique ?", List.of(),
                        "Aucune compétence technique n’est demandée : savoir naviguer sur le web suffit."),
                new FaqEntry("Combien d’heures par semaine faut-il prévoir ?", List.of(),
                        "Comptez 3 à 4 heures par semaine, regroupements compris."),
                new FaqEntry("Reçoit-on une attestation à la fin ?", List.of(),
                        "Oui, une attestation de formation est remise à celles et ceux qui ont suivi le parcours."),
                new FaqEntry("Faut-il un ordinateur ?", List.of(),
                        "Un ordinateur avec une connexion internet suffit ; le téléphone dépanne pour suivre les échanges."));
    }

    private static List<Week> weeks(int count) {
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            weeks.add(new Week(i + 1, THEMES.get(i), "Consigne de la semaine " + (i + 1) + "."));
        }
        return weeks;
    }
}
