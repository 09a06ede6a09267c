package io.aimsgate.internalaudit.internal;

import io.aimsgate.shared.ProcessVariable;

/** The internal-audit process's key and variables (docs/internal-audit.md). */
final class InternalAuditVariables {

    static final String KEY = "internal-audit";

    static final ProcessVariable<Long> AUDIT_ID = ProcessVariable.id("auditId");
    static final ProcessVariable<String> AUDIT_TITLE = ProcessVariable.text("auditTitle");
    static final ProcessVariable<String> LEAD_AUDITOR = ProcessVariable.text("leadAuditor");
    static final ProcessVariable<String> CHECKLIST_SUMMARY = ProcessVariable.text("checklistSummary");
    static final ProcessVariable<String> AUDIT_PLAN = ProcessVariable.text("auditPlan");
    static final ProcessVariable<Long> NONCONFORMITY_COUNT = ProcessVariable.wholeNumber("nonconformityCount");
    static final ProcessVariable<String> REPORT_SUMMARY = ProcessVariable.text("reportSummary");
    static final ProcessVariable<String> CONCLUSION = ProcessVariable.text("conclusion");

    private InternalAuditVariables() {
    }
}
