package io.aimsgate.shared;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCommitDeleteEventListener;
import org.hibernate.event.spi.PostCommitInsertEventListener;
import org.hibernate.event.spi.PostCommitUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * A counter of committed changes to the platform's own tables on this node: it moves on after every committed
 * insert, update or delete of one of our JPA entities (every register write goes through JPA). Short-lived caches
 * remember the value they were filled at and are stale the moment it moves, so a node answers its own writes at
 * once; other nodes' writes only through the caches' time limits.
 */
@Component
public class CommittedChanges implements HibernatePropertiesCustomizer {

    private final AtomicLong generation = new AtomicLong();

    /** The current value; compare it with the value a cache entry was computed at. */
    public long generation() {
        return generation.get();
    }

    /** For a committed change written without JPA (the evidence store's JDBC writes): call after the commit. */
    public void changed() {
        generation.incrementAndGet();
    }

    @Override
    public void customize(Map<String, Object> properties) {
        properties.put("hibernate.integrator_provider", (IntegratorProvider) () -> List.of(new ChangeIntegrator()));
    }

    private final class ChangeIntegrator implements Integrator {

        @Override
        public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                SessionFactoryImplementor sessionFactory) {
            ChangeListener listener = new ChangeListener();
            EventListenerRegistry registry = sessionFactory.getServiceRegistry().getService(EventListenerRegistry.class);
            registry.appendListeners(EventType.POST_COMMIT_INSERT, listener);
            registry.appendListeners(EventType.POST_COMMIT_UPDATE, listener);
            registry.appendListeners(EventType.POST_COMMIT_DELETE, listener);
        }

        @Override
        public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry registry) {
            // Nothing to release.
        }
    }

    /** Called by Hibernate after the transaction that flushed the change has committed. */
    private final class ChangeListener implements PostCommitInsertEventListener, PostCommitUpdateEventListener,
            PostCommitDeleteEventListener {

        @Override
        public void onPostInsert(PostInsertEvent event) {
            generation.incrementAndGet();
        }

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            generation.incrementAndGet();
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            generation.incrementAndGet();
        }

        @Override
        public void onPostInsertCommitFailed(PostInsertEvent event) {
            // Rolled back: nothing changed.
        }

        @Override
        public void onPostUpdateCommitFailed(PostUpdateEvent event) {
            // Rolled back: nothing changed.
        }

        @Override
        public void onPostDeleteCommitFailed(PostDeleteEvent event) {
            // Rolled back: nothing changed.
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return true;
        }
    }
}
