package io.aimsgate.shared;

import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.boot.orm.jpa.EntityManagerFactoryBuilder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Hibernate builds its entity manager factory (the metamodel, the schema validation against Flyway's tables) on a
 * thread of its own while the start-up goes on with the process engine (MyBatis' mappings, the deployment of the
 * models): a start is otherwise bound by one thread's work. Whatever needs the factory first (a repository, the
 * first transaction) waits for it; a failure to build it still fails the start (docs/benchmarks.md, "Start-up,
 * session 7").
 */
@Component
class JpaBuiltAlongside implements EntityManagerFactoryBuilderCustomizer {

    @Override
    public void customize(EntityManagerFactoryBuilder builder) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("jpa-bootstrap-");
        executor.setDaemon(true);
        builder.setBootstrapExecutor(executor);
    }
}
