package io.aimsgate.datagovernance;

import io.aimsgate.inventory.StringListConverter;
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

/**
 * A dataset in a system's register (A.7.2-A.7.6): provenance, legal basis, personal data and its treatment,
 * synthetic data and its validation, quality checks and lineage (processing steps, storage, who changed it when).
 */
@Entity
@Table(name = "dataset")
public class Dataset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long systemId;
    private String name;

    @Enumerated(EnumType.STRING)
    private DatasetPurpose purpose;

    private String source;
    private String collectionMethod;

    @Enumerated(EnumType.STRING)
    private LegalBasis legalBasis;

    private String licence;
    private boolean copyrightChecked;

    @Convert(converter = StringListConverter.class)
    private List<String> personalDataCategories = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    private PersonalDataTreatment personalDataTreatment;

    private String consentBasis;
    private boolean synthetic;
    private String syntheticValidation;
    private String qualityChecks;
    private String processingSteps;
    private String storageLocation;
    private String createdBy;
    private Instant createdAt;
    private String changedBy;
    private Instant changedAt;

    @Version
    private long rowVersion;

    protected Dataset() {
    }

    Dataset(Long systemId, String createdBy, Instant now) {
        this.systemId = systemId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void describe(DatasetDetails details, String actor, Instant now) {
        this.name = details.name();
        this.purpose = details.purpose();
        this.source = details.source();
        this.collectionMethod = details.collectionMethod();
        this.legalBasis = details.legalBasis();
        this.licence = details.licence();
        this.copyrightChecked = details.copyrightChecked();
        this.personalDataCategories = new ArrayList<>(details.personalDataCategories());
        this.personalDataTreatment = details.personalDataTreatment();
        this.consentBasis = details.consentBasis();
        this.synthetic = details.synthetic();
        this.syntheticValidation = details.syntheticValidation();
        this.qualityChecks = details.qualityChecks();
        this.processingSteps = details.processingSteps();
        this.storageLocation = details.storageLocation();
        this.changedBy = actor;
        this.changedAt = now;
    }

    public boolean holdsPersonalData() {
        return !personalDataCategories.isEmpty();
    }

    /** Why this dataset keeps the design & development gate closed; empty when it does not. */
    public List<String> blockingReasons() {
        List<String> reasons = new ArrayList<>();
        String label = "Dataset '" + name + "'";
        if (legalBasis == null) {
            reasons.add(label + " has no legal basis or licence recorded.");
        }
        if (holdsPersonalData() && personalDataTreatment == PersonalDataTreatment.NONE) {
            reasons.add(label + " holds personal data (" + String.join(", ", personalDataCategories)
                    + ") with no treatment: anonymise or pseudonymise it.");
        }
        if (legalBasis == LegalBasis.CONSENT && isBlank(consentBasis)) {
            reasons.add(label + " relies on consent but does not say how consent was obtained.");
        }
        if (!copyrightChecked) {
            reasons.add(label + " has not been checked for copyright.");
        }
        if (synthetic && isBlank(syntheticValidation)) {
            reasons.add(label + " is synthetic but its validation is not recorded.");
        }
        return reasons;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public Long getId() {
        return id;
    }

    public Long getSystemId() {
        return systemId;
    }

    public String getName() {
        return name;
    }

    public DatasetPurpose getPurpose() {
        return purpose;
    }

    public String getSource() {
        return source;
    }

    public String getCollectionMethod() {
        return collectionMethod;
    }

    public LegalBasis getLegalBasis() {
        return legalBasis;
    }

    public String getLicence() {
        return licence;
    }

    public boolean isCopyrightChecked() {
        return copyrightChecked;
    }

    public List<String> getPersonalDataCategories() {
        return List.copyOf(personalDataCategories);
    }

    public PersonalDataTreatment getPersonalDataTreatment() {
        return personalDataTreatment;
    }

    public String getConsentBasis() {
        return consentBasis;
    }

    public boolean isSynthetic() {
        return synthetic;
    }

    public String getSyntheticValidation() {
        return syntheticValidation;
    }

    public String getQualityChecks() {
        return qualityChecks;
    }

    public String getProcessingSteps() {
        return processingSteps;
    }

    public String getStorageLocation() {
        return storageLocation;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public long getRowVersion() {
        return rowVersion;
    }
}
