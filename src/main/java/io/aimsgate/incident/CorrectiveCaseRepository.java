package io.aimsgate.incident;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CorrectiveCaseRepository extends JpaRepository<CorrectiveCase, Long> {

    Optional<CorrectiveCase> findByProcessInstanceId(String processInstanceId);

    List<CorrectiveCase> findBySubjectTypeAndSubjectIdOrderById(SubjectType subjectType, Long subjectId);
}
