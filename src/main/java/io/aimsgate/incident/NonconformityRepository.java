package io.aimsgate.incident;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NonconformityRepository extends JpaRepository<Nonconformity, Long> {

    Optional<Nonconformity> findByProcessInstanceId(String processInstanceId);

    Page<Nonconformity> findByStatusIn(Collection<IncidentStatus> statuses, Pageable pageable);
}
