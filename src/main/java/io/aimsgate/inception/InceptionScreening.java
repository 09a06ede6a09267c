package io.aimsgate.inception;

import io.aimsgate.inventory.AiType;
import io.aimsgate.inventory.EuAiActTier;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The product owner's inception statement and EU AI Act screening answers, with the tier the DMN gave them. */
@Entity
@Table(name = "inception_screening")
public class InceptionScreening {

    @Id
    private Long gateId;

    private Long systemId;
    private String intendedUse;
    private String affectedPeople;

    @Enumerated(EnumType.STRING)
    private AiType aiType;

    @Enumerated(EnumType.STRING)
    private ProhibitedPractice prohibitedPractice;

    @Enumerated(EnumType.STRING)
    private AnnexIIIArea annexIiiArea;

    private boolean safetyComponent;
    private boolean interactsWithPeople;
    private boolean generatesSyntheticContent;

    @Enumerated(EnumType.STRING)
    private EuAiActTier tier;

    private String tierReason;
    private String screenedBy;
    private Instant screenedAt;

    protected InceptionScreening() {
    }

    public InceptionScreening(Long gateId, Long systemId, String intendedUse, String affectedPeople, AiType aiType,
            ProhibitedPractice prohibitedPractice, AnnexIIIArea annexIiiArea, boolean safetyComponent,
            boolean interactsWithPeople, boolean generatesSyntheticContent, String screenedBy, Instant screenedAt) {
        this.gateId = gateId;
        this.systemId = systemId;
        this.intendedUse = intendedUse;
        this.affectedPeople = affectedPeople;
        this.aiType = aiType;
        this.prohibitedPractice = prohibitedPractice;
        this.annexIiiArea = annexIiiArea;
        this.safetyComponent = safetyComponent;
        this.interactsWithPeople = interactsWithPeople;
        this.generatesSyntheticContent = generatesSyntheticContent;
        this.screenedBy = screenedBy;
        this.screenedAt = screenedAt;
    }

    void classify(EuAiActTier tier, String reason) {
        this.tier = tier;
        this.tierReason = reason;
    }

    public Long getGateId() {
        return gateId;
    }

    public Long getSystemId() {
        return systemId;
    }

    public String getIntendedUse() {
        return intendedUse;
    }

    public String getAffectedPeople() {
        return affectedPeople;
    }

    public AiType getAiType() {
        return aiType;
    }

    public ProhibitedPractice getProhibitedPractice() {
        return prohibitedPractice;
    }

    public AnnexIIIArea getAnnexIiiArea() {
        return annexIiiArea;
    }

    public boolean isSafetyComponent() {
        return safetyComponent;
    }

    public boolean isInteractsWithPeople() {
        return interactsWithPeople;
    }

    public boolean isGeneratesSyntheticContent() {
        return generatesSyntheticContent;
    }

    public EuAiActTier getTier() {
        return tier;
    }

    public String getTierReason() {
        return tierReason;
    }

    public String getScreenedBy() {
        return screenedBy;
    }

    public Instant getScreenedAt() {
        return screenedAt;
    }
}
