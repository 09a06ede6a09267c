-- Spring Modulith's event publication registry (JPA): an event between feature modules (e.g. DeploymentApproved,
-- which starts the system's re-evaluation watch) is stored in the transaction that publishes it and marked complete
-- once its listener, run after that transaction commits, has succeeded. Incomplete ones are published again at
-- start-up (spring.modulith.events.republish-outstanding-events-on-restart). The same DDL for H2 and PostgreSQL.
CREATE TABLE event_publication (
    id               UUID          NOT NULL PRIMARY KEY,
    listener_id      VARCHAR(512)  NOT NULL,
    event_type       VARCHAR(512)  NOT NULL,
    serialized_event VARCHAR(100000) NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);

-- Completed publications when the registry is set to archive them (spring.modulith.events.completion-mode=archive);
-- the table must exist for the schema validation either way.
CREATE TABLE event_publication_archive (
    id               UUID          NOT NULL PRIMARY KEY,
    listener_id      VARCHAR(512)  NOT NULL,
    event_type       VARCHAR(512)  NOT NULL,
    serialized_event VARCHAR(100000) NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date  TIMESTAMP WITH TIME ZONE
);
