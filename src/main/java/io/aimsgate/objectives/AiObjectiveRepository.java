package io.aimsgate.objectives;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AiObjectiveRepository extends JpaRepository<AiObjective, Long> {

    Optional<AiObjective> findByCode(String code);

    List<AiObjective> findAllByOrderByCode();
}
