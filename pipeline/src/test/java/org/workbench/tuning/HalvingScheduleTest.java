package org.workbench.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.tuning.HalvingSchedule.Rung;

class HalvingScheduleTest {
    @Test
    void twentySevenCandidatesOnEightHundredTenRows() {
        // 1 + log3(27) = 4 rounds; 810 / 3^3 = 30 rows first, every row last; 27 -> 9 -> 3 -> 1 candidates
        assertEquals(List.of(new Rung(0, 27, 30), new Rung(1, 9, 90), new Rung(2, 3, 270), new Rung(3, 1, 810)),
                HalvingSchedule.plan(27, 810, 3, 30));
    }

    @Test
    void fewRowsCutTheRoundsShort() {
        // 570 rows with at least 30 per round: 570 -> 190 -> 63 (21 would be too few), so 3 rounds, not 4
        assertEquals(List.of(new Rung(0, 27, 63), new Rung(1, 9, 190), new Rung(2, 3, 570)),
                HalvingSchedule.plan(27, 570, 3, 30));
    }

    @Test
    void candidatesAreRoundedUp() {
        // 12 candidates: 1 + floor(log3 12) = 3 rounds; ceil(12/3) = 4, ceil(12/9) = 2; 713/9 = 79.2, 713/3 = 237.7
        assertEquals(List.of(new Rung(0, 12, 79), new Rung(1, 4, 238), new Rung(2, 2, 713)),
                HalvingSchedule.plan(12, 713, 3, 30));
    }

    @Test
    void fewerCandidatesThanTheFactorNeedOneRound() {
        assertEquals(List.of(new Rung(0, 2, 713)), HalvingSchedule.plan(2, 713, 3, 30));
    }

    @Test
    void factorTwoHalves() {
        assertEquals(List.of(new Rung(0, 8, 100), new Rung(1, 4, 200), new Rung(2, 2, 400), new Rung(3, 1, 800)),
                HalvingSchedule.plan(8, 800, 2, 50));
    }
}
