package io.aimsgate.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.config.EnableSpringDataWebSupport;

@Configuration
@EnableSpringDataWebSupport(pageSerializationMode = EnableSpringDataWebSupport.PageSerializationMode.VIA_DTO)
class PlatformConfig {

    /** One clock for every timestamp we write, replaceable in tests. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
