package io.aimsgate.datagovernance;

import static io.aimsgate.datagovernance.DatasetTest.complete;
import static io.aimsgate.datagovernance.DatasetTest.dataset;
import static io.aimsgate.datagovernance.DatasetTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.gate.LifecycleFixtures;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The design & development gate's check of a system's whole dataset register. */
class DatasetServiceTest {

    static final long SYSTEM = 7L;

    DatasetRepository datasets = mock(DatasetRepository.class);
    InventoryService inventory = mock(InventoryService.class);
    DatasetService service = new DatasetService(datasets, inventory, LifecycleFixtures.CLOCK);

    private void register(Dataset... register) {
        when(datasets.findBySystemIdOrderByName(SYSTEM)).thenReturn(List.of(register));
    }

    @Test
    void anEmptyRegisterBlocks() {
        register();

        DatasetService.RegisterCheck check = service.check(SYSTEM);

        assertThat(check.blocked()).isTrue();
        assertThat(check.blockingReasons()).singleElement().asString().startsWith("No dataset is registered");
        assertThat(check.datasetCount()).isZero();
        assertThat(check.personalDataPresent()).isFalse();
    }

    @Test
    void aRegisterOfCompleteDatasetsDoesNotBlock() {
        register(dataset(complete()), dataset(complete()));

        DatasetService.RegisterCheck check = service.check(SYSTEM);

        assertThat(check.blocked()).isFalse();
        assertThat(check.blockingReasons()).isEmpty();
        assertThat(check.datasetCount()).isEqualTo(2);
        assertThat(check.personalDataPresent()).isFalse();
    }

    @Test
    void everyIncompleteDatasetsReasonsBlock() {
        register(dataset(complete()), dataset(with(null, false, List.of(), null, null, false, null)));

        DatasetService.RegisterCheck check = service.check(SYSTEM);

        assertThat(check.blocked()).isTrue();
        assertThat(check.blockingReasons()).containsExactly(
                "Dataset 'loans-2025' has no legal basis or licence recorded.",
                "Dataset 'loans-2025' has not been checked for copyright.");
    }

    @Test
    void anyDatasetHoldingPersonalDataFlagsThePrivacyReview() {
        register(dataset(complete()), dataset(with(LegalBasis.CONTRACT, true, List.of("income"),
                PersonalDataTreatment.PSEUDONYMISED, null, false, null)));

        DatasetService.RegisterCheck check = service.check(SYSTEM);

        assertThat(check.personalDataPresent()).isTrue();
        assertThat(check.blocked()).isFalse();
    }

    @Test
    void anUnknownSystemIsNotChecked() {
        when(inventory.requireSystem(99L)).thenThrow(new NotFoundException("systemId", "No AI system with id 99."));

        assertThatThrownBy(() -> service.check(99L)).isInstanceOf(NotFoundException.class);
    }
}
