package io.aimsgate.gate;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface GateEventRepository extends JpaRepository<GateEvent, Long> {

    List<GateEvent> findByRequestIdOrderByOccurredAt(Long requestId);
}
