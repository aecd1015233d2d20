package org.animfr.animabot.core.session;

import java.util.List;

/** The outcome of reading one data file: its content, or why the whole file is rejected. */
public sealed interface FileReading permits FileReading.Read, FileReading.Rejected {

    String name();

    /** The file was read and every rule holds. */
    record Read(CatalogFile file) implements FileReading {
        @Override
        public String name() {
            return file.name();
        }
    }

    /** The file is rejected whole; problems is never empty. */
    record Rejected(String name, List<DataProblem> problems) implements FileReading {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
