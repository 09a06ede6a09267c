package io.aimsgate.objectives;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ObjectiveSnapshotRepository extends JpaRepository<ObjectiveSnapshot, Long> {

    Optional<ObjectiveSnapshot> findByObjectiveIdAndMeasuredOn(Long objectiveId, LocalDate measuredOn);

    List<ObjectiveSnapshot> findByObjectiveIdOrderByMeasuredOn(Long objectiveId);
}
