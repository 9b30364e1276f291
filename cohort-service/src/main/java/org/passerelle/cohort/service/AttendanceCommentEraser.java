package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.passerelle.cohort.repository.AttendanceRepository;

/**
 * Blanks staff's comments on a learner's attendance, in every cohort they were in. The days, their
 * statuses and who recorded them stay: they identify nobody and the summaries need them.
 */
@ApplicationScoped
public class AttendanceCommentEraser implements LearnerTextEraser {

  private final AttendanceRepository records;

  AttendanceCommentEraser(AttendanceRepository records) {
    this.records = records;
  }

  @Override
  @Transactional
  public int erase(UUID learnerId) {
    return records.eraseComments(learnerId);
  }
}
