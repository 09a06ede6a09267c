package io.aimsgate.demo;

import java.util.Locale;

/** The demo's evidence documents (Markdown), written like the ones a team would attach. */
final class DemoEvidence {

    private DemoEvidence() {
    }

    static String modelCard(String system, String version, boolean revised) {
        return """
                # Model card: %s %s

                ## Intended use
                Supports the people who decide; it never decides alone. Out of scope: any use not named in the
                inventory entry of this system.

                ## Training data
                Three years of internal records, de-duplicated and split 80/10/10 by time. See the dataset register.

                ## Evaluation
                Accuracy, demographic parity difference (per age band) and adversarial accuracy on the held-out
                split; results in the validation report of this version.

                ## Limitations and failure cases
                Sparse histories and categories unseen in training score with low confidence; reviewers see the
                confidence and the main reasons next to every score.
                %s
                """.formatted(system, version, revised ? """

                ## Revision 2
                Added after the ethics review: the age bands used for the fairness metrics and the human-review
                route for applicants who ask for it.
                """ : "");
    }

    static String validationReport(String system, String version, double accuracy, double parity) {
        return """
                # Validation report: %s %s

                | metric | value | objective |
                |---|---|---|
                | accuracy | %s | at least 0.80 |
                | demographic parity difference (age) | %s | below 0.10 |
                | adversarial accuracy | 0.72 | at least 0.60 |

                Robustness: perturbation and adversarial tests on the top features.
                Explainability: SHAP attributions shown to reviewers.
                """.formatted(system, version, String.format(Locale.ROOT, "%.2f", accuracy),
                String.format(Locale.ROOT, "%.2f", parity));
    }

    static String impactAssessment(String system, String intendedUse) {
        return """
                # AI system impact assessment: %s

                Intended use: %s

                - Affected people: applicants, including vulnerable groups; the staff who act on the output.
                - Bias: disparate impact measured per age band and sex; proxies for protected attributes removed.
                - Oversight: a person decides; anyone affected may ask for a human review and an explanation.
                - Re-assessment: when accuracy falls below 0.80, parity difference exceeds 0.10 or drift reaches 0.1.
                """.formatted(system, intendedUse);
    }

    static String dataDisposal(String system, String replacedBy) {
        return """
                # Data disposal record: %s

                Replaced by: %s.
                - Feature store copies deleted 30 days after switch-off (ticket OPS-2231).
                - Training data and decision logs kept for 6 years for audit, then deleted.
                """.formatted(system, replacedBy);
    }

    static String dataLineage(String system) {
        return """
                # Data lineage: %s

                - Sources: core banking transactions, bureau feed (monthly), application forms.
                - Pipeline: nightly extract, pseudonymisation, feature store `credit_features_v3`.
                - Valid until the bureau contract renewal; re-trace the feed once the new contract is signed.
                """.formatted(system);
    }
}
