package io.aimsgate.policy;

import io.aimsgate.shared.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The commands of the policy module, the same through the REST API and the Tasklist forms. */
public final class PolicyCommands {

    private PolicyCommands() {
    }

    /** A new policy document: a key people and URLs use, a title, its purpose and how often it is reviewed. */
    public record NewPolicyDocument(
            @NotBlank(message = "is required") @Size(max = 60)
            @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case letters, digits and hyphens, "
                    + "starting with a letter") String documentKey,
            @NotBlank(message = "is required") @Size(max = 200) String title,
            @MultiLine @NotBlank(message = "is required") @Size(max = 2000) String purpose,
            @Size(max = 20) @Pattern(regexp = "P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?", message = "must be an ISO-8601 "
                    + "period of years, months, weeks or days, e.g. P1Y") String reviewInterval) {

        public NewPolicyDocument {
            documentKey = documentKey == null ? null : documentKey.strip();
            title = title == null ? null : title.strip();
            purpose = purpose == null ? null : purpose.strip();
            reviewInterval = reviewInterval == null || reviewInterval.isBlank() ? null : reviewInterval.strip();
        }
    }

    /** The text of a new version (Markdown) and what changed since the last one. */
    public record PolicyDraft(
            @MultiLine @NotBlank(message = "is required") @Size(max = 100000) String body,
            @MultiLine @NotBlank(message = "is required") @Size(max = 2000) String changeSummary) {

        public PolicyDraft {
            body = body == null ? null : body.strip();
            changeSummary = changeSummary == null ? null : changeSummary.strip();
        }
    }
}
