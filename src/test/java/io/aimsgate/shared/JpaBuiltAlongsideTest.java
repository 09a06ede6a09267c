package io.aimsgate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.orm.jpa.EntityManagerFactoryBuilder;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/** The entity manager factory is built on a thread of its own, not on the thread that starts the application. */
class JpaBuiltAlongsideTest {

    @Test
    void theFactoryIsBuiltOnAJpaBootstrapThread() throws Exception {
        EntityManagerFactoryBuilder builder = new EntityManagerFactoryBuilder(new HibernateJpaVendorAdapter(),
                dataSource -> Map.of(), null);
        new JpaBuiltAlongside().customize(builder);

        LocalContainerEntityManagerFactoryBean factory = builder.dataSource(new SimpleDriverDataSource())
                .packages(JpaBuiltAlongsideTest.class).build();

        AsyncTaskExecutor executor = factory.getBootstrapExecutor();
        assertThat(executor).isNotNull();
        String thread = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), executor)
                .get(10, TimeUnit.SECONDS);
        assertThat(thread).startsWith("jpa-bootstrap-").isNotEqualTo(Thread.currentThread().getName());
    }
}
