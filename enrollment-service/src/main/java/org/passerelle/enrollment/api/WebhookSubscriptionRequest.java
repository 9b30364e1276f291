package org.passerelle.enrollment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where to tell a regional office's system of its country's applications, and of what. */
public record WebhookSubscriptionRequest(
    @Schema(
            description =
                "An https URL receiving POSTs; http://localhost and http://127.0.0.1 only where"
                    + " the platform runs for development",
            examples = "https://office.example.org/passerelle/webhooks")
        @NotBlank
        @Size(max = 2000)
        String url,
    @Schema(
            description =
                "Event types to be told of: application.submitted, application.decided (ACCEPTED,"
                    + " WAITLISTED or REJECTED), application.enrolled, application.withdrawn",
            examples = "[\"application.decided\", \"application.enrolled\"]")
        @NotEmpty
        @Size(max = 4)
        List<
                @NotNull
                @Pattern(
                    regexp =
                        "application\\.submitted|application\\.decided|application\\.enrolled"
                            + "|application\\.withdrawn")
                String>
            eventTypes) {}
