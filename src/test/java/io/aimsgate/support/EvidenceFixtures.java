package io.aimsgate.support;

import java.nio.charset.StandardCharsets;

/** Evidence the gates require, uploaded over HTTP as the people producing it would (POST /api/evidence). */
public final class EvidenceFixtures {

    private EvidenceFixtures() {
    }

    /** A short Markdown document of the kind, attached to the subject; answers the stored revision's id. */
    public static long attach(Api.Caller caller, String subjectType, long subjectId, String kind, String fileName) {
        return caller.sendBytes("POST", "/api/evidence?subjectType=" + subjectType + "&subjectId=" + subjectId
                + "&kind=" + kind + "&fileName=" + fileName, ("# " + kind + "\n\nFor " + subjectType + " " + subjectId
                + ", by " + caller.userId() + ".\n").getBytes(StandardCharsets.UTF_8), "text/markdown").expect(201)
                .json().get("id").asLong();
    }
}
