package org.animfr.animabot.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class GatheringTimesTest {
    @Test
    void aMorningGatheringLastsTheTrainingDay() {
        Gathering launch = new Gathering(LocalDateTime.of(2012, 10, 4, 9, 30), "Brest", "Lancement");

        assertThat(GatheringTimes.DEFAULT.end(launch)).isEqualTo(LocalDateTime.of(2012, 10, 4, 17, 30));
    }

    @Test
    void theEndTheDataGivesWinsOverTheDefault() {
        Gathering morning = new Gathering(LocalDateTime.of(2012, 10, 4, 9, 30), "Brest", "Lancement",
                LocalTime.of(12, 0));
        Gathering evening = new Gathering(LocalDateTime.of(2012, 10, 4, 18, 0), "Brest", "Soirée",
                LocalTime.of(19, 0));

        assertThat(GatheringTimes.DEFAULT.end(morning)).isEqualTo(LocalDateTime.of(2012, 10, 4, 12, 0));
        assertThat(GatheringTimes.DEFAULT.end(evening)).isEqualTo(LocalDateTime.of(2012, 10, 4, 19, 0));
    }

    @Test
    void aGatheringCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new Gathering(LocalDateTime.of(2012, 10, 4, 14, 0), "Brest", "", LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLateGatheringLastsAtLeastTheShortestTime() {
        Gathering evening = new Gathering(LocalDateTime.of(2012, 10, 4, 18, 0), "Brest", "Soirée");

        assertThat(GatheringTimes.DEFAULT.end(evening)).isEqualTo(LocalDateTime.of(2012, 10, 4, 20, 0));
    }

    @Test
    void organizersCanChooseAnotherDay() {
        GatheringTimes halfDays = new GatheringTimes(LocalTime.of(12, 30), Duration.ofHours(3));
        Gathering afternoon = new Gathering(LocalDateTime.of(2012, 10, 4, 14, 0), "Brest", "Clôture");

        assertThat(halfDays.end(afternoon)).isEqualTo(LocalDateTime.of(2012, 10, 4, 17, 0));
    }

    @Test
    void aGatheringCannotLastNoTime() {
        assertThatThrownBy(() -> new GatheringTimes(LocalTime.of(17, 30), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
