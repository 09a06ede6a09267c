package io.aimsgate.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An AI system in the scope of the AI management system (clause 4.3; A.4, A.9.4). */
@Entity
@Table(name = "ai_system")
public class AiSystem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String intendedUse;

    @Enumerated(EnumType.STRING)
    private AiType aiType;

    /** The Accountable user for this system. */
    private String businessOwner;
    private String businessUnit;

    @Enumerated(EnumType.STRING)
    private SupplierType supplierType;
    private String supplierName;

    @Enumerated(EnumType.STRING)
    @Column(name = "eu_ai_act_tier")
    private EuAiActTier euAiActTier;

    @Convert(converter = StringListConverter.class)
    private List<String> dataCategories = new ArrayList<>();
    private boolean processesPersonalData;

    @Enumerated(EnumType.STRING)
    private LifecycleStage lifecycleStage;

    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long rowVersion;

    protected AiSystem() {
    }

    AiSystem(String createdBy, LifecycleStage stage, Instant now) {
        this.createdBy = createdBy;
        this.lifecycleStage = stage;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(SystemDetails details, Instant now) {
        this.name = details.name();
        this.intendedUse = details.intendedUse();
        this.aiType = details.aiType();
        this.businessOwner = details.businessOwner();
        this.businessUnit = details.businessUnit();
        this.supplierType = details.supplierType();
        this.supplierName = details.supplierName();
        this.euAiActTier = details.euAiActTier();
        this.dataCategories = new ArrayList<>(details.dataCategories());
        this.processesPersonalData = details.processesPersonalData();
        this.updatedAt = now;
    }

    void moveTo(LifecycleStage stage, Instant now) {
        this.lifecycleStage = stage;
        this.updatedAt = now;
    }

    void classify(EuAiActTier tier, Instant now) {
        this.euAiActTier = tier;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getIntendedUse() {
        return intendedUse;
    }

    public AiType getAiType() {
        return aiType;
    }

    public String getBusinessOwner() {
        return businessOwner;
    }

    public String getBusinessUnit() {
        return businessUnit;
    }

    public SupplierType getSupplierType() {
        return supplierType;
    }

    public String getSupplierName() {
        return supplierName;
    }

    public EuAiActTier getEuAiActTier() {
        return euAiActTier;
    }

    public List<String> getDataCategories() {
        return List.copyOf(dataCategories);
    }

    public boolean isProcessesPersonalData() {
        return processesPersonalData;
    }

    public LifecycleStage getLifecycleStage() {
        return lifecycleStage;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getRowVersion() {
        return rowVersion;
    }
}
