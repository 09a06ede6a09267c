package io.aimsgate.evidence;

import io.aimsgate.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.aimsgate.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence store over HTTP (docs/api.md, "Evidence"). An upload is the file itself as the request body (any
 * Content-Type; it must agree with the content), with what it is in the query: subjectType, subjectId, kind,
 * fileName and optionally expiresOn. The parameters are read as optional and checked here, after the caller's role
 * has been, so an unauthorised caller learns nothing from a 400.
 */
@RestController
@RequestMapping("/api/evidence")
class EvidenceController {

    /** A file name, not a path: no separators, no control characters, no leading dot. */
    private static final Pattern FILE_NAME = Pattern.compile("^[^/\\\\\\p{Cntrl}.][^/\\\\\\p{Cntrl}]{0,254}$");
    private static final Pattern ID = Pattern.compile("^[1-9][0-9]{0,17}$");

    private final EvidenceService evidence;
    private final CurrentUser currentUser;

    EvidenceController(EvidenceService evidence, CurrentUser currentUser) {
        this.evidence = evidence;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Upload evidence (a new revision)",
            description = "The request body is the file itself (any Content-Type, which must agree with the content; "
                    + "not multipart), streamed; the query says what it is attached to and what it is. The same "
                    + "subject, kind and file name again adds a revision; none is ever overwritten. Answers the "
                    + "stored revision with its SHA-256, size and the media type detected from the content "
                    + "(docs/evidence.md).")
    @ApiResponse(responseCode = "201", description = "Stored as a new revision.")
    @ApiResponse(responseCode = "413", description = "Larger than aims.evidence.max-size (default 25 MB); `field` "
            + "is `file`; nothing stored.")
    @ApiResponse(responseCode = "415", description = "An executable or script (`file`), or content that contradicts "
            + "the file name's extension (`fileName`) or the declared Content-Type (`Content-Type`); nothing stored.")
    @PostMapping
    @PreAuthorize("hasAnyAuthority('ai-product-owners', 'ml-engineers', 'security', 'legal', 'privacy', 'ethics', "
            + "'governance-board')")
    ResponseEntity<RevisionView> upload(@RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String fileName, @RequestParam(required = false) String expiresOn,
            HttpServletRequest request) throws IOException {
        EvidenceService.Upload upload = new EvidenceService.Upload(subjectType(subjectType), id("subjectId", subjectId),
                kind(kind), fileName(fileName), date(expiresOn), request.getContentType());
        EvidenceRevision stored = evidence.upload(upload, request.getInputStream(), currentUser.id());
        RevisionView view = RevisionView.of(stored);
        return ResponseEntity.created(URI.create(view.contentUrl())).body(view);
    }

    @Operation(summary = "List a subject's evidence",
            description = "The files attached to the subject, each with its current (latest) revision, the one the "
                    + "gates look at, and all its revisions, newest first.")
    @GetMapping
    @PreAuthorize("@access.isParticipant()")
    List<FileView> list(@RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId) {
        List<EvidenceRevision> revisions = evidence.revisionsOf(subjectType(subjectType), id("subjectId", subjectId));
        Map<Long, List<RevisionView>> byFile = new LinkedHashMap<>();
        revisions.forEach(r -> byFile.computeIfAbsent(r.fileId(), id -> new java.util.ArrayList<>())
                .add(RevisionView.of(r)));
        return byFile.values().stream().map(FileView::of).toList();
    }

    @Operation(summary = "Download one revision of an evidence file",
            description = "The bytes as uploaded, streamed, with the detected Content-Type, as an attachment, and "
                    + "`Repr-Digest: sha-256=:...:` (RFC 9530) to check them against the recorded digest.")
    @ApiResponse(responseCode = "200", description = "The content of the revision.")
    @GetMapping("/{fileId}/revisions/{revision}/content")
    @PreAuthorize("@access.isParticipant()")
    void content(@PathVariable String fileId, @PathVariable String revision, HttpServletResponse response)
            throws IOException {
        long file = id("fileId", fileId);
        if (!ID.matcher(revision).matches() || revision.length() > 9) {
            throw new InvalidInputException("revision", "A revision is a positive number.");
        }
        EvidenceRevision stored = evidence.requireRevision(file, Integer.parseInt(revision));
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(stored.mediaType());
        response.setContentLengthLong(stored.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(stored.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox");
        // RFC 9530: the digest of the content, so a client checks what it received against what was uploaded.
        response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                .encodeToString(HexFormat.of().parseHex(stored.sha256())) + ":");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        evidence.copyContent(stored.id(), response.getOutputStream());
    }

    @ExceptionHandler(EvidenceRefused.class)
    ResponseEntity<ProblemDetail> refused(EvidenceRefused refused) {
        io.aimsgate.shared.Refusals.log(refused.status().value(), refused.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status(), refused.getMessage());
        problem.setType(URI.create("https://aimsgate.io/problems/evidence-refused"));
        problem.setTitle("Upload refused");
        problem.setProperty("field", refused.field());
        return ResponseEntity.status(refused.status()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static EvidenceSubjectType subjectType(String value) {
        return enumValue("subjectType", value, EvidenceSubjectType.class);
    }

    private static EvidenceKind kind(String value) {
        return enumValue("kind", value, EvidenceKind.class);
    }

    private static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "Required.");
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidInputException(field, "Must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                + ".");
    }

    private static long id(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "Required.");
        }
        if (!ID.matcher(value).matches()) {
            throw new InvalidInputException(field, "Must be a positive whole number.");
        }
        return Long.parseLong(value);
    }

    private static String fileName(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("fileName", "Required.");
        }
        if (!FILE_NAME.matcher(value).matches() || !value.equals(value.strip())) {
            throw new InvalidInputException("fileName", "A file name of 1 to 255 characters without path separators, "
                    + "control characters, a leading dot or surrounding spaces.");
        }
        return value;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expiresOn", "A date (yyyy-MM-dd).");
        }
    }

    /** One revision as listed; {@code contentUrl} downloads it. */
    record RevisionView(long id, long fileId, int revision, String subjectType, String subjectId, String kind,
            String fileName, String mediaType, long size, String sha256, String uploadedBy, Instant uploadedAt,
            LocalDate expiresOn, String contentUrl) {

        static RevisionView of(EvidenceRevision r) {
            return new RevisionView(r.id(), r.fileId(), r.revision(), r.subjectType(), r.subjectId(), r.kind(),
                    r.fileName(), r.mediaType(), r.size(), r.sha256(), r.uploadedBy(), r.uploadedAt(), r.expiresOn(),
                    "/api/evidence/" + r.fileId() + "/revisions/" + r.revision() + "/content");
        }
    }

    /** A file with its revisions, newest first: {@code current} is the one that counts for the gates. */
    record FileView(long fileId, String subjectType, String subjectId, String kind, String fileName,
            RevisionView current, List<RevisionView> revisions) {

        static FileView of(List<RevisionView> revisions) {
            RevisionView current = revisions.get(0);
            return new FileView(current.fileId(), current.subjectType(), current.subjectId(), current.kind(),
                    current.fileName(), current, List.copyOf(revisions));
        }
    }
}
