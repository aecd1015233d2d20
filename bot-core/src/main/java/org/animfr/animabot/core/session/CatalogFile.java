package org.animfr.animabot.core.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one data file declares, already checked on its own.
 *
 * @param name the file's name as configured
 * @param network the network it declares, or null when it declares none
 */
public record CatalogFile(String name, Network network, List<Session> sessions, List<FaqEntry> faq) {
    public CatalogFile {
        Objects.requireNonNull(name, "name");
        sessions = List.copyOf(sessions);
        faq = List.copyOf(faq);
    }

    public Optional<Network> declaredNetwork() {
        return Optional.ofNullable(network);
    }
}
