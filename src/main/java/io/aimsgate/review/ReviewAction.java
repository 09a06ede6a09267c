package io.aimsgate.review;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An action a management review decided: an owner, a due date, and its outcome once done (reported next time). */
@Entity
@Table(name = "management_review_action")
public class ReviewAction {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long reviewId;
    private String title;
    private String owner;
    private LocalDate dueDate;
    private String status;
    private String outcome;
    private Instant completedAt;

    protected ReviewAction() {
    }

    ReviewAction(Long reviewId, String title, String owner, LocalDate dueDate) {
        this.reviewId = reviewId;
        this.title = title;
        this.owner = owner;
        this.dueDate = dueDate;
        this.status = OPEN;
    }

    void done(String outcome, Instant at) {
        this.outcome = outcome;
        this.completedAt = at;
        this.status = DONE;
    }

    public Long getId() {
        return id;
    }

    public Long getReviewId() {
        return reviewId;
    }

    public String getTitle() {
        return title;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getStatus() {
        return status;
    }

    public String getOutcome() {
        return outcome;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public boolean isOverdue(LocalDate today) {
        return OPEN.equals(status) && today.isAfter(dueDate);
    }
}
