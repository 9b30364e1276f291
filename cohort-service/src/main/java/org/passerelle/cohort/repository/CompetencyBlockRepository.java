package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.passerelle.cohort.CompetencyBlock;

@ApplicationScoped
public class CompetencyBlockRepository
    implements PanacheRepositoryBase<CompetencyBlock, CompetencyBlock.Key> {

  /** The programme's blocks in their order. */
  public List<CompetencyBlock> ofProgramme(String programmeCode) {
    return list("programmeCode = ?1 order by position", programmeCode);
  }
}
