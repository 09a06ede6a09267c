package io.aimsgate.risk;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RiskRepository extends JpaRepository<Risk, Long>, JpaSpecificationExecutor<Risk> {

    /** One row per (likelihood, impact, status, board acceptance) cell: at most 150 rows, however large the register. */
    @Query("""
            select new io.aimsgate.risk.RiskCell(r.currentLikelihood, r.currentImpact, r.status, r.acceptedByBoard, count(r))
            from Risk r
            where r.systemId = :systemId and r.status in :statuses
            group by r.currentLikelihood, r.currentImpact, r.status, r.acceptedByBoard""")
    List<RiskCell> countByCell(@Param("systemId") Long systemId, @Param("statuses") Collection<RiskStatus> statuses);

    /** The blocking risks themselves, worst first, for the reasons a halt or a pipeline check names. */
    @Query("""
            select r from Risk r
            where r.systemId = :systemId
              and (r.currentLikelihood * 10 + r.currentImpact) in :cells
              and (r.status = io.aimsgate.risk.RiskStatus.OPEN or r.status = io.aimsgate.risk.RiskStatus.IN_TREATMENT
                   or (r.status = io.aimsgate.risk.RiskStatus.ACCEPTED and r.acceptedByBoard = false))
            order by r.currentLikelihood * r.currentImpact desc, r.id""")
    List<Risk> findInCells(@Param("systemId") Long systemId, @Param("cells") Collection<Integer> cells,
            Pageable limit);

    Risk findByIdAndSystemId(Long id, Long systemId);
}
