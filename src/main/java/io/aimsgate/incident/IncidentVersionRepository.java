package io.aimsgate.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IncidentVersionRepository extends JpaRepository<IncidentVersion, IncidentVersion.Key> {

    List<IncidentVersion> findByIncidentId(Long incidentId);

    /** Open suspensions of one version, with the incident that holds each, for the pipeline check. */
    @Query("""
            select i from Incident i, IncidentVersion v
            where v.incidentId = i.id and v.versionId = :versionId and v.suspended = true
            order by i.id""")
    List<Incident> findSuspendingIncidents(@Param("versionId") Long versionId);

    boolean existsByVersionIdAndSuspendedTrueAndIncidentIdNot(Long versionId, Long incidentId);
}
