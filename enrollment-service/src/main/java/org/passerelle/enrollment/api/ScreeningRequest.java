package org.passerelle.enrollment.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** What screening found: the selection test score and the interview notes (each optional). */
public record ScreeningRequest(
    @Min(0) @Max(100) Integer testScore, @Size(max = 4000) String interviewNotes) {}
