package io.aimsgate.inventory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.aimsgate.shared.CurrentUser;
import io.aimsgate.shared.ConflictException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * MVC slice of {@link SystemController}: the controller, the shared controller advice (problem+json, canonical ids) and
 * the strict JSON configuration, the service mocked. Bad input is refused with 400 problem+json naming the field before
 * the service is called; a refusal of the service becomes 409 problem+json with its reasons; no body shows a class
 * name or stack trace.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = {
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SystemController.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ControllerAdvice.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.aimsgate\\.shared\\.StrictJson")})
@WithMockUser(username = "olivia", authorities = "ai-product-owners")
class SystemControllerWebMvcTest {

    static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    InventoryService inventory;

    @MockitoBean
    CurrentUser currentUser;

    @BeforeEach
    void caller() {
        when(currentUser.id()).thenReturn("olivia");
    }

    private static String body(String name, String tier, String extra) {
        return """
                {"name": %s, "intendedUse": "Suggests products; staff can override.", "aiType": "PREDICTIVE",
                 "businessOwner": "olivia", "businessUnit": "Retail", "supplierType": "IN_HOUSE",
                 "euAiActTier": %s, "dataCategories": ["usage logs"], "processesPersonalData": false%s}
                """.formatted(name, tier, extra);
    }

    private ResultActions postSystem(String json) throws Exception {
        return mvc.perform(post("/api/systems").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static void refusedNaming(ResultActions result, String field) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").value("https://aimsgate.io/problems/invalid-input"))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("io.aimsgate"))));
    }

    @Test
    void aBlankNameIsRefusedNamingTheFieldAndEveryError() throws Exception {
        ResultActions result = postSystem(body("\"  \"", "\"MINIMAL\"", ""));
        refusedNaming(result, "name");
        result.andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        verifyNoInteractions(inventory);
    }

    @Test
    void strictJsonRefusesUnknownFieldsWrongEnumsAndCoercion() throws Exception {
        refusedNaming(postSystem(body("\"Recommender\"", "\"MINIMAL\"", ", \"status\": \"APPROVED\"")), "status");
        refusedNaming(postSystem(body("\"Recommender\"", "\"minimal\"", "")), "euAiActTier");
        refusedNaming(postSystem(body("12345", "\"MINIMAL\"", "")), "name");
        refusedNaming(postSystem(body("\"Recommender\"", "\"MINIMAL\"", "").replace("[\"usage logs\"]",
                "[\"a|b\"]")), "dataCategories[0]");
        refusedNaming(postSystem("{\"name\": "), "body");
        verifyNoInteractions(inventory);
    }

    @Test
    void aPathIdThatIsNotCanonicalIsRefusedNamingTheVariable() throws Exception {
        refusedNaming(mvc.perform(get("/api/systems/abc")), "systemId");
        refusedNaming(mvc.perform(get("/api/systems/007")), "systemId");
        verifyNoInteractions(inventory);
    }

    @Test
    void aValidBodyReachesTheServiceAndItsRefusalIsAConflictWithReasons() throws Exception {
        when(inventory.createSystem(any(), eq(LifecycleStage.INCEPTION), eq("olivia"))).thenThrow(
                new ConflictException("name", "An AI system with this name exists.", List.of("Recommender exists")));

        postSystem(body("\" Recommender \"", "\"MINIMAL\"", ""))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.reasons[0]").value("Recommender exists"));

        verify(inventory).createSystem(argThat(details -> details.name().equals("Recommender")),
                eq(LifecycleStage.INCEPTION), eq("olivia"));
    }
}
