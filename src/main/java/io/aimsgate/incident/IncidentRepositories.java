package io.aimsgate.incident;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IncidentRepository extends JpaRepository<Incident, Long>, JpaSpecificationExecutor<Incident> {

    Optional<Incident> findByProcessInstanceId(String processInstanceId);
}

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

interface IncidentEvidenceRepository extends JpaRepository<IncidentEvidence, Long> {

    List<IncidentEvidence> findByIncidentIdOrderByAddedAt(Long incidentId);
}

interface NonconformityRepository extends JpaRepository<Nonconformity, Long> {

    Optional<Nonconformity> findByProcessInstanceId(String processInstanceId);

    Page<Nonconformity> findByStatusIn(Collection<IncidentStatus> statuses, Pageable pageable);
}

interface CorrectiveCaseRepository extends JpaRepository<CorrectiveCase, Long> {

    Optional<CorrectiveCase> findByProcessInstanceId(String processInstanceId);

    List<CorrectiveCase> findBySubjectTypeAndSubjectIdOrderById(SubjectType subjectType, Long subjectId);
}

interface CorrectiveActionRepository extends JpaRepository<CorrectiveAction, Long> {

    List<CorrectiveAction> findByCaseIdOrderById(Long caseId);

    long countByCaseIdAndStatusNot(Long caseId, CorrectiveActionStatus status);
}
