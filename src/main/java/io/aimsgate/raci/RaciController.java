package io.aimsgate.raci;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The RACI matrix in force: GET /api/raci. */
@RestController
@RequestMapping("/api/raci")
class RaciController {

    private final RaciMatrix matrix;

    RaciController(RaciMatrix matrix) {
        this.matrix = matrix;
    }

    @Operation(summary = "Read the RACI matrix",
            description = "Per governed activity, the Responsible, Accountable, Consulted and Informed groups.")
    @GetMapping
    @PreAuthorize("@access.isParticipant()")
    Map<String, RaciProperties.Activity> matrix() {
        return matrix.activities();
    }
}
