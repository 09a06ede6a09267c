package io.aimsgate.report;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the monthly board report mail; {@code aims.reports.board-mail.enabled=false} turns it off. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "aims.reports.board-mail.enabled", havingValue = "true", matchIfMissing = true)
class ReportScheduling {
}
