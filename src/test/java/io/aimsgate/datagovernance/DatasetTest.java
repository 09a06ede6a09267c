package io.aimsgate.datagovernance;

import static io.aimsgate.gate.LifecycleFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Why one dataset keeps the design & development gate closed (A.7.2-A.7.6). */
public class DatasetTest {

    /** A complete dataset; each test breaks one rule of it. */
    public static DatasetDetails complete() {
        return new DatasetDetails("loans-2025", DatasetPurpose.TRAINING, "Core banking", "Exported nightly",
                LegalBasis.CONTRACT, null, true, List.of(), null, null, false, null, "Deduplicated, outliers checked",
                "Join, clean, split", "eu-west-1 bucket");
    }

    public static Dataset dataset(DatasetDetails details) {
        Dataset dataset = new Dataset(7L, "mia", NOW);
        dataset.describe(details, "mia", NOW);
        return dataset;
    }

    public static DatasetDetails with(LegalBasis legalBasis, boolean copyrightChecked, List<String> personalData,
            PersonalDataTreatment treatment, String consentBasis, boolean synthetic, String syntheticValidation) {
        return new DatasetDetails("loans-2025", DatasetPurpose.TRAINING, "Core banking", "Exported nightly",
                legalBasis, null, copyrightChecked, personalData, treatment, consentBasis, synthetic,
                syntheticValidation, "Deduplicated", "Join, clean, split", "eu-west-1 bucket");
    }

    @Test
    void aCompleteDatasetHasNoBlockingReason() {
        assertThat(dataset(complete()).blockingReasons()).isEmpty();
    }

    @Test
    void aCompleteDatasetWithTreatedPersonalDataConsentAndValidatedSyntheticDataHasNoBlockingReason() {
        assertThat(dataset(with(LegalBasis.CONSENT, true, List.of("income", "age"),
                PersonalDataTreatment.PSEUDONYMISED, "Opt-in at account opening", true,
                "Compared marginals with the real data")).blockingReasons()).isEmpty();
    }

    @Test
    void noLegalBasisBlocks() {
        assertThat(dataset(with(null, true, List.of(), null, null, false, null)).blockingReasons())
                .containsExactly("Dataset 'loans-2025' has no legal basis or licence recorded.");
    }

    @Test
    void untreatedPersonalDataBlocksNamingTheCategories() {
        assertThat(dataset(with(LegalBasis.CONTRACT, true, List.of("income", "age"), PersonalDataTreatment.NONE,
                null, false, null)).blockingReasons()).containsExactly("Dataset 'loans-2025' holds personal data "
                        + "(income, age) with no treatment: anonymise or pseudonymise it.");
    }

    @ParameterizedTest
    @EnumSource(value = PersonalDataTreatment.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void treatedPersonalDataDoesNotBlock(PersonalDataTreatment treatment) {
        assertThat(dataset(with(LegalBasis.CONTRACT, true, List.of("income"), treatment, null, false, null))
                .blockingReasons()).isEmpty();
    }

    @Test
    void consentWithoutHowItWasObtainedBlocks() {
        assertThat(dataset(with(LegalBasis.CONSENT, true, List.of(), null, "  ", false, null)).blockingReasons())
                .containsExactly("Dataset 'loans-2025' relies on consent but does not say how consent was obtained.");
    }

    @Test
    void aDatasetNotCheckedForCopyrightBlocks() {
        assertThat(dataset(with(LegalBasis.LICENCE, false, List.of(), null, null, false, null)).blockingReasons())
                .containsExactly("Dataset 'loans-2025' has not been checked for copyright.");
    }

    @Test
    void syntheticDataWithoutRecordedValidationBlocks() {
        assertThat(dataset(with(LegalBasis.OWN_DATA, true, List.of(), null, null, true, null)).blockingReasons())
                .containsExactly("Dataset 'loans-2025' is synthetic but its validation is not recorded.");
    }

    @Test
    void everyBrokenRuleIsListed() {
        assertThat(dataset(with(null, false, List.of("health"), PersonalDataTreatment.NONE, null, true, ""))
                .blockingReasons()).hasSize(4);
        assertThat(dataset(with(LegalBasis.CONSENT, false, List.of("health"), PersonalDataTreatment.NONE, null,
                true, "")).blockingReasons()).hasSize(4).anyMatch(reason -> reason.contains("consent"));
    }

    @Test
    void personalDataIsHeldWhenAnyCategoryIsNamed() {
        assertThat(dataset(complete()).holdsPersonalData()).isFalse();
        assertThat(dataset(with(LegalBasis.CONTRACT, true, List.of("income"), PersonalDataTreatment.ANONYMISED,
                null, false, null)).holdsPersonalData()).isTrue();
    }
}
