package io.aimsgate.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ManagementReviewRepository extends JpaRepository<ManagementReview, Long> {

    Optional<ManagementReview> findByProcessInstanceId(String processInstanceId);

    List<ManagementReview> findAllByOrderByStartedAtDescIdDesc();

    Optional<ManagementReview> findFirstByIdNotOrderByStartedAtDescIdDesc(Long id);
}
