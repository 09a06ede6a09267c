package io.aimsgate.inventory;

import java.util.List;

/** The descriptive fields of an AI system, validated at the REST boundary. */
public record SystemDetails(
        String name,
        String intendedUse,
        AiType aiType,
        String businessOwner,
        String businessUnit,
        SupplierType supplierType,
        String supplierName,
        EuAiActTier euAiActTier,
        List<String> dataCategories,
        boolean processesPersonalData) {
}
