package io.aimsgate.inventory;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AiSystemRepository extends JpaRepository<AiSystem, Long>, JpaSpecificationExecutor<AiSystem> {

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);
}
