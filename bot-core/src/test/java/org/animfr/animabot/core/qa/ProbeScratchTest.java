package org.animfr.animabot.core.qa;

import java.nio.file.Files;
import java.nio.file.Path;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.Test;

class ProbeScratchTest {
    @Test
    void probe() throws Exception {
        QuestionAnalyzers a = new QuestionAnalyzers();
        IntentIndex index = new IntentIndex(a, IntentIndex.phrasings(TestCatalogs.faq()));
        var catalog = TestCatalogs.catalog();
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("/tmp/probe/in.txt"))) {
            String[] cols = line.split("\t");
            String q = cols[0];
            Mentions m = Mentions.find(q, catalog);
            String c = index.spellCheck(m.rest());
            out.append(q).append("\t").append(cols.length > 1 ? cols[1] : "").append("\n   rest=").append(m.rest()).append(" | corr=").append(c)
               .append(" | t=").append(QuestionAnalyzers.terms(a.meaning(), c)).append("\n");
            index.search(m.rest()).stream().limit(4).forEach(x -> out.append(String.format("   %-16s %s cov=%.2f qc=%.2f pc=%.2f%n", x.key(), x.language(), x.confidence(), x.qc(), x.pc())));
        }
        Files.writeString(Path.of("/tmp/probe/out.txt"), out);
    }
}
