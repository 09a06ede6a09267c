package io.aimsgate.datagovernance.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.aimsgate.datagovernance.Dataset;
import io.aimsgate.datagovernance.DatasetDetails;
import io.aimsgate.datagovernance.DatasetPurpose;
import io.aimsgate.datagovernance.DatasetService;
import io.aimsgate.datagovernance.LegalBasis;
import io.aimsgate.datagovernance.PersonalDataTreatment;
import io.aimsgate.shared.CurrentUser;
import io.aimsgate.shared.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A system's dataset register: /api/systems/{id}/datasets. ML engineers and product owners maintain it, privacy
 * corrects the personal-data fields; every RACI group reads it.
 */
@RestController
@RequestMapping("/api/systems/{systemId}/datasets")
class DatasetController {

    private final DatasetService datasets;
    private final CurrentUser currentUser;

    DatasetController(DatasetService datasets, CurrentUser currentUser) {
        this.datasets = datasets;
        this.currentUser = currentUser;
    }

    @Operation(summary = "List the dataset register of a system",
            description = "Every dataset registered for the system (ISO/IEC 42001 A.7.2 to A.7.6).")
    @GetMapping
    @PreAuthorize("@access.isParticipant()")
    List<DatasetView> list(@PathVariable Long systemId) {
        return datasets.registerOf(systemId).stream().map(DatasetView::of).toList();
    }

    @Operation(summary = "Read a dataset",
            description = "One entry of the dataset register: purpose, provenance, legal basis, personal data and its treatment.")
    @GetMapping("/{datasetId}")
    @PreAuthorize("@access.isParticipant()")
    DatasetView get(@PathVariable Long systemId, @PathVariable Long datasetId) {
        return DatasetView.of(datasets.require(systemId, datasetId));
    }

    @Operation(summary = "Register a dataset",
            description = "Adds a dataset to the system's register (A.7.2 to A.7.6): purpose, source, collection method, legal basis, copyright check, personal data categories and treatment.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('ml-engineers', 'ai-product-owners', 'privacy')")
    DatasetView register(@PathVariable Long systemId, @Valid @RequestBody DatasetFields fields) {
        return DatasetView.of(datasets.register(systemId, fields.toDetails(), currentUser.id()));
    }

    @Operation(summary = "Update a dataset",
            description = "Replaces the fields of a registered dataset.")
    @PutMapping("/{datasetId}")
    @PreAuthorize("hasAnyAuthority('ml-engineers', 'ai-product-owners', 'privacy')")
    DatasetView update(@PathVariable Long systemId, @PathVariable Long datasetId,
            @Valid @RequestBody DatasetFields fields) {
        return DatasetView.of(datasets.update(systemId, datasetId, fields.toDetails(), currentUser.id()));
    }

    record DatasetFields(
            @NotBlank(message = "is required") @Size(max = 200) String name,
            @NotNull(message = "is required") DatasetPurpose purpose,
            @MultiLine @NotBlank(message = "is required") @Size(max = 1000) String source,
            @MultiLine @NotBlank(message = "is required") @Size(max = 1000) String collectionMethod,
            LegalBasis legalBasis,
            @Size(max = 500) String licence,
            @NotNull(message = "is required") Boolean copyrightChecked,
            @Size(max = 30) List<@NotBlank @Size(max = 60) String> personalDataCategories,
            @NotNull(message = "is required") PersonalDataTreatment personalDataTreatment,
            @MultiLine @Size(max = 1000) String consentBasis,
            @NotNull(message = "is required") Boolean synthetic,
            @MultiLine @Size(max = 2000) String syntheticValidation,
            @MultiLine @Size(max = 4000) String qualityChecks,
            @MultiLine @Size(max = 4000) String processingSteps,
            @Size(max = 500) String storageLocation) {

        DatasetDetails toDetails() {
            return new DatasetDetails(name.strip(), purpose, source, collectionMethod, legalBasis, licence,
                    copyrightChecked, personalDataCategories, personalDataTreatment, consentBasis, synthetic,
                    syntheticValidation, qualityChecks, processingSteps, storageLocation);
        }
    }

    record DatasetView(Long id, Long systemId, String name, DatasetPurpose purpose, String source,
            String collectionMethod, LegalBasis legalBasis, String licence, boolean copyrightChecked,
            List<String> personalDataCategories, PersonalDataTreatment personalDataTreatment, String consentBasis,
            boolean synthetic, String syntheticValidation, String qualityChecks, String processingSteps,
            String storageLocation, String createdBy, Instant createdAt, String changedBy, Instant changedAt,
            List<String> blockingReasons) {

        static DatasetView of(Dataset d) {
            return new DatasetView(d.getId(), d.getSystemId(), d.getName(), d.getPurpose(), d.getSource(),
                    d.getCollectionMethod(), d.getLegalBasis(), d.getLicence(), d.isCopyrightChecked(),
                    d.getPersonalDataCategories(), d.getPersonalDataTreatment(), d.getConsentBasis(), d.isSynthetic(),
                    d.getSyntheticValidation(), d.getQualityChecks(), d.getProcessingSteps(), d.getStorageLocation(),
                    d.getCreatedBy(), d.getCreatedAt(), d.getChangedBy(), d.getChangedAt(), d.blockingReasons());
        }
    }
}
