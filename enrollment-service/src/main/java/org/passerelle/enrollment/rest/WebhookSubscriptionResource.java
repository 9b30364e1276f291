package org.passerelle.enrollment.rest;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.rest.IdempotencyKey;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.CurrentScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.api.WebhookDeliveryView;
import org.passerelle.enrollment.api.WebhookSubscriptionRequest;
import org.passerelle.enrollment.api.WebhookSubscriptionView;
import org.passerelle.enrollment.service.WebhookService;

@Path("/api/v1/webhook-subscriptions")
@Tag(
    name = "Webhooks",
    description =
        "A regional office's system told of its country's applications by signed webhooks"
            + " (Standard Webhooks; integrators guide, \"Being told: webhooks\")")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@RolesAllowed(Roles.INTEGRATION)
public class WebhookSubscriptionResource {

  private final WebhookService webhooks;
  private final CurrentScope scope;

  WebhookSubscriptionResource(WebhookService webhooks, CurrentScope scope) {
    this.webhooks = webhooks;
    this.scope = scope;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createWebhookSubscription",
      summary = "Be told of your country's applications at a URL",
      description =
          "Each change of an application of the caller's country of a type asked for is POSTed"
              + " to the URL: {type, timestamp, data: {applicationId, intakeId, status,"
              + " application}}, no personal data, signed with the secret this answer shows once"
              + " (headers webhook-id, webhook-timestamp, webhook-signature). Retried with"
              + " exponential backoff until the receiver answers 2xx; webhook-id stays the same,"
              + " so the receiver drops what it already has.")
  @APIResponse(
      responseCode = "201",
      description = "Created, with its secret",
      content = @Content(schema = @Schema(implementation = WebhookSubscriptionView.class)))
  public Response create(
      @BeanParam IdempotencyKey idempotencyKey,
      @Valid @NotNull WebhookSubscriptionRequest request,
      @Context UriInfo uri) {
    IdempotencyKeys.Outcome<WebhookSubscriptionView> outcome =
        webhooks.create(request, idempotencyKey.value(), scope.get());
    return Response.created(Responses.location(uri, outcome.value().id().toString()))
        .entity(outcome.value())
        .header(Responses.REPLAYED, outcome.replayed() ? "true" : null)
        .build();
  }

  @GET
  @Operation(
      operationId = "listWebhookSubscriptions",
      summary = "Your country's webhook subscriptions, newest first, without their secrets")
  public Page<WebhookSubscriptionView> list(
      @Parameter(
              description = Sorting.SYNTAX + " Fields: createdAt, url. Default -createdAt.",
              example = "url")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return webhooks.list(WebhookService.SUBSCRIPTION_SORTING.parse(sort), page, size, scope.get());
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getWebhookSubscription",
      summary = "One webhook subscription of your country, without its secret")
  public WebhookSubscriptionView get(@PathParam("id") UUID id) {
    return webhooks.get(id, scope.get());
  }

  @POST
  @Path("{id}/secret")
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "A new secret for a subscription, without missing a delivery",
      description =
          "Answers the subscription with its new secret, shown this once. Until"
              + " previousSecretExpiresAt (24 hours by default) each delivery's webhook-signature"
              + " holds two signatures, by the new secret then by the one it replaces, so the"
              + " receiver switches when it is ready. Rotating again ends the older secret at once."
              + " A retry with the same Idempotency-Key gets the same new secret.")
  @APIResponse(
      responseCode = "200",
      description = "Rotated, with the new secret",
      content = @Content(schema = @Schema(implementation = WebhookSubscriptionView.class)))
  public Response rotateSecret(@PathParam("id") UUID id, @BeanParam IdempotencyKey idempotencyKey) {
    IdempotencyKeys.Outcome<WebhookSubscriptionView> outcome =
        webhooks.rotateSecret(id, idempotencyKey.value(), scope.get());
    return Response.ok(outcome.value())
        .header(Responses.REPLAYED, outcome.replayed() ? "true" : null)
        .build();
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteWebhookSubscription",
      summary = "Stop being told at this URL",
      description = "Deletes the subscription and its deliveries, including those not sent yet.")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") UUID id) {
    webhooks.delete(id, scope.get());
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "What was told to a subscription, and how its attempts went",
      description =
          "Newest first: each event's status (PENDING, DELIVERED, FAILED), attempts, the last"
              + " answer's HTTP status or error, and when the next attempt is due.")
  public Page<WebhookDeliveryView> deliveries(
      @PathParam("id") UUID id,
      @Parameter(
              description =
                  Sorting.SYNTAX + " Fields: createdAt, nextAttemptAt, status. Default -createdAt.",
              example = "nextAttemptAt")
          @QueryParam(Sorting.PARAMETER)
          @Size(max = 200)
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
      @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
    return webhooks.deliveries(
        id, WebhookService.DELIVERY_SORTING.parse(sort), page, size, scope.get());
  }
}
