package io.aimsgate.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One repair the administrator made to a governed process, with its reason. Never changed once written. */
@Entity
@Table(name = "admin_repair")
public class AdminRepair {

    /** The repairs there are. */
    public enum Operation {
        REASSIGN_TASK
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "operation")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Operation operation;

    private String taskId;
    private String taskKey;
    private String processInstanceId;
    private String previousAssignee;
    private String newAssignee;
    private String reason;
    private String repairedBy;
    private Instant repairedAt;

    protected AdminRepair() {
    }

    AdminRepair(Operation operation, String taskId, String taskKey, String processInstanceId, String previousAssignee,
            String newAssignee, String reason, String repairedBy, Instant repairedAt) {
        this.operation = operation;
        this.taskId = taskId;
        this.taskKey = taskKey;
        this.processInstanceId = processInstanceId;
        this.previousAssignee = previousAssignee;
        this.newAssignee = newAssignee;
        this.reason = reason;
        this.repairedBy = repairedBy;
        this.repairedAt = repairedAt;
    }

    public Long getId() {
        return id;
    }

    public Operation getOperation() {
        return operation;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getPreviousAssignee() {
        return previousAssignee;
    }

    public String getNewAssignee() {
        return newAssignee;
    }

    public String getReason() {
        return reason;
    }

    public String getRepairedBy() {
        return repairedBy;
    }

    public Instant getRepairedAt() {
        return repairedAt;
    }
}

interface AdminRepairRepository extends org.springframework.data.jpa.repository.JpaRepository<AdminRepair, Long> {

    java.util.List<AdminRepair> findAllByOrderByIdDesc(org.springframework.data.domain.Pageable pageable);
}
