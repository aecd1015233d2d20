package org.animfr.animabot.app;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A second Animabot started on the same H2 folder fails to open the database file the first one holds: say so in a
 * few words a person can act on, in French first, instead of a long stack trace.
 */
class DatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {
    /** H2's "database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final int DATABASE_ALREADY_OPEN = 90020;
    /** The file H2 names in its message: {@code "/srv/animabot/data/animabot.mv.db"}. */
    private static final Pattern FILE = Pattern.compile("\"([^\"]+\\.mv\\.db)\"");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (cause.getErrorCode() != DATABASE_ALREADY_OPEN) {
            return null;
        }
        Matcher file = FILE.matcher(String.valueOf(cause.getMessage()));
        String where = file.find() ? file.group(1) : "./data/animabot.mv.db";
        return new FailureAnalysis(
                "La base de données " + where + " est déjà utilisée par un autre Animabot en marche (./data/ est "
                        + "relatif au dossier d’où le bot est lancé). / The database " + where + " is in use by "
                        + "another running Animabot.",
                "Arrêtez l’autre Animabot, ou lancez celui-ci depuis un autre dossier, ou donnez-lui sa propre base "
                        + "(--spring.datasource.url=jdbc:h2:file:/un/autre/dossier/animabot;DB_CLOSE_ON_EXIT=FALSE). "
                        + "Deux instances ensemble demandent PostgreSQL (voir le README). / Stop the other one, start "
                        + "this one from another folder, or give it its own database; two instances need PostgreSQL.",
                cause);
    }
}
