-- Supplier vetting (ISO/IEC 42001 A.10.3): the due diligence recorded in each run of the supplier-assessment gate
-- (gate_run kind SUPPLIER_ASSESSMENT), and how long a passed assessment stays current (valid_until, set on pass).
CREATE TABLE supplier_assessment (
    gate_run_id               BIGINT        NOT NULL PRIMARY KEY REFERENCES gate_run (id),
    system_id                 BIGINT        NOT NULL REFERENCES ai_system (id),
    supplier_name             VARCHAR(200),
    training_data_provenance  VARCHAR(8000) NOT NULL,
    model_documentation       VARCHAR(8000) NOT NULL,
    security_practices        VARCHAR(8000) NOT NULL,
    incident_notification     VARCHAR(8000) NOT NULL,
    contractual_safeguards    VARCHAR(8000) NOT NULL,
    audit_rights              VARCHAR(8000) NOT NULL,
    exit_plan                 VARCHAR(8000) NOT NULL,
    assessed_by               VARCHAR(100)  NOT NULL,
    assessed_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until               TIMESTAMP WITH TIME ZONE,
    row_version               BIGINT        NOT NULL
);
CREATE INDEX ix_supplier_assessment_system ON supplier_assessment (system_id, assessed_at);
