package org.animfr.animabot.core.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog in force, rebuilt from the data files on each reload. A file that is rejected keeps its last
 * good version in force (or nothing, when it never loaded), so a typo never takes answers away.
 * Reads are lock-free; reloads are serialized.
 */
public final class LiveCatalog implements Supplier<Catalog> {
    private static final Logger LOG = LoggerFactory.getLogger(LiveCatalog.class);
    private final CatalogSource source;
    private final Map<String, CatalogFile> active = new LinkedHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Catalog current = Catalog.EMPTY;
    private volatile ReloadReport lastReport;

    public LiveCatalog(CatalogSource source) {
        this.source = source;
    }

    /** The catalog in force. */
    @Override
    public Catalog get() {
        return current;
    }

    /** What the last reload found (the one at start-up included), or empty before the first. */
    public Optional<ReloadReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    /** Grows by one at each reload that changed the catalog; lets caches know when to rebuild. */
    public long version() {
        return version.get();
    }

    /** Runs the listener after each reload that changed the catalog (on the reloading thread). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Reads the files again; what is rejected keeps its previous version. */
    public synchronized ReloadReport reload() {
        List<FileReading> readings = source.readAll();
        Map<String, CatalogFile> next = new LinkedHashMap<>();
        List<DataProblem> problems = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (FileReading reading : readings) {
            if (reading instanceof FileReading.Rejected rejected) {
                problems.addAll(rejected.problems());
                keepPrevious(rejected.name(), next, kept);
                continue;
            }
            CatalogFile file = ((FileReading.Read) reading).file();
            Optional<DataProblem> conflict = conflict(file, next);
            if (conflict.isPresent()) {
                problems.add(conflict.get());
                keepPrevious(file.name(), next, kept);
            } else {
                next.put(file.name(), file);
            }
        }
        active.clear();
        active.putAll(next);
        Catalog rebuilt = merge(next.values());
        if (!rebuilt.equals(current)) {
            current = rebuilt;
            version.incrementAndGet();
            for (Runnable listener : listeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.warn("A reaction to the new data failed", e);
                }
            }
        }
        List<String> loaded = readings.stream().map(FileReading::name).filter(n -> !kept.contains(n))
                .filter(next::containsKey).toList();
        ReloadReport report = new ReloadReport(loaded, kept, problems, rebuilt.sessions().size(),
                rebuilt.faq().size());
        lastReport = report;
        return report;
    }

    private void keepPrevious(String name, Map<String, CatalogFile> next, List<String> kept) {
        CatalogFile previous = active.get(name);
        if (previous != null && conflict(previous, next).isEmpty()) {
            next.put(name, previous);
            kept.add(name);
        }
    }

    private static Optional<DataProblem> conflict(CatalogFile file, Map<String, CatalogFile> others) {
        Map<String, String> ownerOfSession = new HashMap<>();
        for (CatalogFile other : others.values()) {
            other.sessions().forEach(s -> ownerOfSession.put(s.id(), other.name()));
        }
        for (Session session : file.sessions()) {
            String owner = ownerOfSession.get(session.id());
            if (owner != null) {
                return Optional.of(DataProblem.of(file.name(), 0, "data.problem.session-in-other-file",
                        session.id(), owner));
            }
        }
        if (file.network() != null) {
            for (CatalogFile other : others.values()) {
                if (other.network() != null && !other.network().equals(file.network())) {
                    return Optional.of(DataProblem.of(file.name(), 0, "data.problem.network-in-other-file",
                            other.name()));
                }
            }
        }
        return Optional.empty();
    }

    private static Catalog merge(Iterable<CatalogFile> files) {
        Network network = Network.DEFAULT;
        List<Session> sessions = new ArrayList<>();
        List<FaqEntry> faq = new ArrayList<>();
        for (CatalogFile file : files) {
            if (file.network() != null) {
                network = file.network();
            }
            sessions.addAll(file.sessions());
            faq.addAll(file.faq());
        }
        return new Catalog(network, sessions, faq);
    }

    /**
     * What a reload did.
     *
     * @param loaded files read and now in force
     * @param kept rejected files whose previous version stays in force
     * @param problems everything organizers should fix, empty when all is well
     */
    public record ReloadReport(
            List<String> loaded, List<String> kept, List<DataProblem> problems, int sessions, int faqEntries) {
        public ReloadReport {
            loaded = List.copyOf(loaded);
            kept = List.copyOf(kept);
            problems = List.copyOf(problems);
        }

        public boolean clean() {
            return problems.isEmpty();
        }
    }
}
