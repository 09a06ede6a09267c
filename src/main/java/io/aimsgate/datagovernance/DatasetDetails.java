package io.aimsgate.datagovernance;

import java.util.List;

/** The register fields of a dataset, as a client or the demo data states them. */
public record DatasetDetails(
        String name,
        DatasetPurpose purpose,
        String source,
        String collectionMethod,
        LegalBasis legalBasis,
        String licence,
        boolean copyrightChecked,
        List<String> personalDataCategories,
        PersonalDataTreatment personalDataTreatment,
        String consentBasis,
        boolean synthetic,
        String syntheticValidation,
        String qualityChecks,
        String processingSteps,
        String storageLocation) {

    public DatasetDetails {
        personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
    }
}
