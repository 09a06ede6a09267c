package io.aimsgate.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewActionRepository extends JpaRepository<ReviewAction, Long> {

    List<ReviewAction> findByReviewIdOrderById(Long reviewId);

    List<ReviewAction> findByReviewIdNotOrderById(Long reviewId);

    List<ReviewAction> findAllByOrderById();
}
