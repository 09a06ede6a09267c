package io.aimsgate.inventory;

/** Whether the system is built in house or supplied by a third party (A.10.3). */
public enum SupplierType {
    IN_HOUSE, THIRD_PARTY
}
