package cn.gov.planwatch.platform.eventlog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportBatchAppendTest {

    @Test
    void eachEventIsNumberedAmongItsKeysInLogOrderAndTheLastOfEachKeyIsItsNewest() {
        Object[] columns = {new String[] {"e1", "e2", "e3", "e4", "e5"}};

        Object[] bound = ReportBatchAppend.numberedByKey(columns, List.of(
                List.of("ip", "IND-01", "2023"), List.of("ip", "IND-01", "2024"), List.of("ip", "IND-01", "2023"),
                List.of("ip", "IND-02", "2023"), List.of("ip", "IND-01", "2023")));

        assertThat(bound).hasSize(3);
        assertThat(bound[0]).as("the batch's columns first").isSameAs(columns[0]);
        assertThat((Integer[]) bound[1]).containsExactly(1, 1, 2, 1, 3);
        assertThat((Boolean[]) bound[2]).containsExactly(false, true, false, true, true);
    }
}
