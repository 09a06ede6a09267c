package io.aimsgate.review.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the management review starts by itself ({@code aims.review.cycle}, quarterly by default): read by the timer
 * start event of processes/management-review.bpmn as {@code ${managementReviewSchedule.cycle}}.
 */
@Component("managementReviewSchedule")
public class ReviewSchedule {

    private final String cycle;

    ReviewSchedule(@Value("${aims.review.cycle:R/P3M}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
