package org.animfr.animabot.core.session;

import java.util.List;

/**
 * Where organizers' data files come from (YAML files and folders). Each call reads them afresh.
 * Implementations never throw for bad content: a bad file is a {@link FileReading.Rejected}.
 */
public interface CatalogSource {

    /** Reads every configured file, each on its own, in a stable order. */
    List<FileReading> readAll();
}
