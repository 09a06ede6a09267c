package io.aimsgate.shared;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The engine REST API (/engine-rest), plus one mapper: the engine wraps an exception thrown by a task
 * listener or delegate into a generic one (answered 500). A gate rule refusing a task completion
 * (segregation of duties, a missing rationale) is the client's problem, so it is answered with the
 * status of the rule's own exception: 403 for an authorisation refusal, 400 for bad input; a lost
 * optimistic-locking race (two users completing one task) is 409, and so is acting on a task someone
 * else completed a moment earlier, and so is claiming a task someone else holds. The webapps' engine API
 * ({@link WebappEngineApi}) uses the same mappers.
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

    private static final Logger log = LoggerFactory.getLogger(EngineRestConfig.class);

    @Override
    protected void registerAdditionalResources() {
        register(GateRuleExceptionMapper.class);
        register(GateRuleRestExceptionMapper.class);
        register(PlatformRuleExceptionMapper.class);
    }

    /** Task operations whose task may have been completed a moment ago by someone else. */
    private static final Pattern TASK_ACTION = Pattern.compile("(?:^|/)task/([^/]+)/(?:complete|submit-form|claim|resolve)$");

    /** The answer to a failed engine call, logged: one line for a refusal (4xx), the stack trace for a fault. */
    static Response respond(Throwable thrown, UriInfo uriInfo) {
        return logged(answer(thrown, uriInfo), thrown);
    }

    static Response logged(Response response, Throwable thrown) {
        if (response.getStatus() >= 500) {
            log.error("Engine REST call failed", thrown);
        } else {
            Throwable refusal = Refusals.find(thrown);
            Refusals.log(response.getStatus(), (refusal == null ? thrown : refusal).getMessage());
        }
        return response;
    }

    private static Response answer(Throwable thrown, UriInfo uriInfo) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            // Losing a race to complete a task on another node surfaces as "task gone" or, when the engine checks the
            // task's per-task grant after the winner deleted it, as a refused authorisation: both are a 409 then.
            if ((cause instanceof NullValueException || cause instanceof AuthorizationException) && uriInfo != null) {
                Matcher task = TASK_ACTION.matcher(uriInfo.getPath());
                if (task.find() && wasCompleted(task.group(1))) {
                    return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", "TaskAlreadyCompleted", "message",
                                    "Task " + task.group(1) + " was already completed by someone else."))
                            .build();
                }
            }
            if (cause instanceof ConflictException conflict) {
                // A gate's own rule refused the start or the step (e.g. an earlier life-cycle gate not passed).
                return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "GateRuleViolation", "message", conflict.getMessage(), "field",
                                conflict.field(), "reasons", conflict.reasons()))
                        .build();
            }
            if (cause instanceof InvalidCommandException invalid) {
                // A command's rules (the same the /api door applies) refused the form's values: name the field.
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "InvalidRequest", "message", invalid.getMessage(), "field",
                                invalid.field(), "errors", invalid.errors().entrySet().stream()
                                        .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList()))
                        .build();
            }
            if (cause instanceof NotFoundException || cause instanceof InvalidInputException) {
                String field = cause instanceof NotFoundException notFound ? notFound.field()
                        : ((InvalidInputException) cause).field();
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "InvalidRequest", "message", cause.getMessage(), "field", field))
                        .build();
            }
            if (cause instanceof AuthorizationException || cause instanceof BadUserRequestException) {
                return ExceptionHandlerHelper.getInstance().getResponse(cause);
            }
            String message = String.valueOf(cause.getMessage());
            boolean missing = message.contains("Cannot find ") || message.contains(" found with id ")
                    || message.contains("No user found");
            if (cause instanceof NullValueException || cause instanceof InvalidRequestException && missing) {
                // The engine's "Cannot find task with id ..." or "No job found with id ...": the addressed thing does
                // not exist (404); any other missing value is the request's (400).
                return Response.status(missing ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", missing ? "NotFound" : "InvalidRequest", "message", message)).build();
            }
            if (cause instanceof NullPointerException && fromEngineRest(cause)) {
                // Camunda's REST layer dereferences a body field the client left out (e.g. retries, resourceType).
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "InvalidRequest", "message",
                                "The request body lacks a field this operation needs."))
                        .build();
            }
            if (cause instanceof TaskAlreadyClaimedException claimed) {
                // Claiming a task someone else holds: the claim lost to an earlier one.
                return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "TaskAlreadyClaimed", "message",
                                "Task " + claimed.getTaskId() + " is already claimed by someone else."))
                        .build();
            }
            if (cause instanceof OptimisticLockingException || cause instanceof DataIntegrityViolationException) {
                // Someone else changed the same task or instance first (e.g. two users completing one task on
                // two nodes: the engine's optimistic lock, or our one-decision-per-task constraint, stops the second).
                return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "ConcurrentModification", "message",
                                "Someone else changed this task or request at the same time; reload and try again."))
                        .build();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(thrown);
    }

    private static boolean fromEngineRest(Throwable thrown) {
        StackTraceElement[] frames = thrown.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith("org.camunda.bpm.engine.rest.");
    }

    /** Existence of a finished task is looked up without the caller's authorisation: they named its id. */
    private static boolean wasCompleted(String taskId) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngines
                .getDefaultProcessEngine().getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            try {
                HistoricTaskInstanceEventEntity task = context.getHistoricTaskInstanceManager()
                        .findHistoricTaskInstanceById(taskId);
                return task != null && task.getEndTime() != null;
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }

    @Provider
    @Priority(1)
    public static class GateRuleExceptionMapper implements ExceptionMapper<ProcessEngineException> {

        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return respond(exception, uriInfo);
        }
    }

    /** Our own rule exceptions thrown straight out of a delegate (not wrapped by the engine). */
    @Provider
    @Priority(1)
    public static class PlatformRuleExceptionMapper implements ExceptionMapper<RuntimeException> {

        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(RuntimeException exception) {
            return respond(exception, uriInfo);
        }
    }

    @Provider
    @Priority(1)
    public static class GateRuleRestExceptionMapper implements ExceptionMapper<RestException> {

        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(RestException exception) {
            if (exception.getStatus() != null && exception.getStatus().getStatusCode() < 500) {
                return logged(ExceptionHandlerHelper.getInstance().getResponse(exception), exception);
            }
            return respond(exception, uriInfo);
        }
    }
}
