package org.passerelle.cohort.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;

/**
 * A competency block of a programme's certification, in the programme's list of blocks. Its titles
 * come as {@code titles}; the flat titleFr, titleEn and titleAr are still read (ADR 0043).
 */
@CompetencyBlockRequest.TitlesGiven
public record CompetencyBlockRequest(
    @Schema(description = "Unique within the programme, e.g. BC01", maxLength = 40)
        @NotBlank
        @Size(max = 40)
        @Pattern(regexp = CreateProgrammeRequest.CODE)
        String code,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "titles.fr")
        @Size(max = 300)
        String titleFr,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "titles.en")
        @Size(max = 300)
        String titleEn,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "titles.ar")
        @Size(max = 300)
        String titleAr,
    @Schema(description = "The block's title in French, English and Arabic; required") @Valid
        Titles titles) {

  @Schema(
      name = "CompetencyBlockTitles",
      description = "A competency block's title in French, English and Arabic")
  public record Titles(
      @NotBlank @Size(max = 300) String fr,
      @NotBlank @Size(max = 300) String en,
      @NotBlank @Size(max = 300) String ar) {}

  /**
   * Without {@code titles}, the flat titles are each required as they were before it existed;
   * without either, {@code titles} is.
   */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = TitlesGivenValidator.class)
  public @interface TitlesGiven {
    String message() default "{jakarta.validation.constraints.NotNull.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** Checks {@link TitlesGiven}. */
  public static final class TitlesGivenValidator
      implements ConstraintValidator<TitlesGiven, CompetencyBlockRequest> {

    private static final String NOT_BLANK = "{jakarta.validation.constraints.NotBlank.message}";

    @Override
    public boolean isValid(CompetencyBlockRequest block, ConstraintValidatorContext context) {
      if (block == null || block.titles != null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      if (block.titleFr == null && block.titleEn == null && block.titleAr == null) {
        context
            .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
            .addPropertyNode("titles")
            .addConstraintViolation();
        return false;
      }
      boolean valid = true;
      for (String[] flat :
          new String[][] {
            {"titleFr", block.titleFr}, {"titleEn", block.titleEn}, {"titleAr", block.titleAr}
          }) {
        if (flat[1] == null || flat[1].isBlank()) {
          context
              .buildConstraintViolationWithTemplate(NOT_BLANK)
              .addPropertyNode(flat[0])
              .addConstraintViolation();
          valid = false;
        }
      }
      return valid;
    }
  }
}
