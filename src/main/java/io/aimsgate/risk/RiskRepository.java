package io.aimsgate.risk;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RiskRepository extends JpaRepository<Risk, Long>, JpaSpecificationExecutor<Risk> {

    /**
     * One row per (likelihood, impact, status, board acceptance) cell: at most 150 rows, however large the register.
     * Only the likelihoods and impacts that can make a HIGH or CRITICAL cell are read (a superset of those cells; the
     * caller classifies each row): every condition is on a column of {@code ix_risk_assessment_covering}, so
     * PostgreSQL answers from the index alone, and a register with nothing severe unresolved costs a few index probes.
     */
    @Query("""
            select new io.aimsgate.risk.RiskCell(r.currentLikelihood, r.currentImpact, r.status, r.acceptedByBoard, count(r))
            from Risk r
            where r.systemId = :systemId and r.status in :statuses
              and r.currentLikelihood in :likelihoods and r.currentImpact in :impacts
            group by r.currentLikelihood, r.currentImpact, r.status, r.acceptedByBoard""")
    List<RiskCell> countByCell(@Param("systemId") Long systemId, @Param("statuses") Collection<RiskStatus> statuses,
            @Param("likelihoods") Collection<Integer> likelihoods, @Param("impacts") Collection<Integer> impacts);

    /**
     * The ids of the blocking risks, worst first: read from {@code ix_risk_assessment_covering} alone (the status
     * condition is an index range, the rest index columns), so only the risks named are then loaded.
     */
    @Query("""
            select r.id from Risk r
            where r.systemId = :systemId
              and r.status in (io.aimsgate.risk.RiskStatus.OPEN, io.aimsgate.risk.RiskStatus.IN_TREATMENT,
                               io.aimsgate.risk.RiskStatus.ACCEPTED)
              and (r.status <> io.aimsgate.risk.RiskStatus.ACCEPTED or r.acceptedByBoard = false)
              and (r.currentLikelihood * 10 + r.currentImpact) in :cells
            order by r.currentLikelihood * r.currentImpact desc, r.id""")
    List<Long> findIdsInCells(@Param("systemId") Long systemId, @Param("cells") Collection<Integer> cells,
            Pageable limit);

    /** The blocking risks themselves, worst first, for the reasons a halt or a pipeline check names. */
    default List<Risk> findInCells(Long systemId, Collection<Integer> cells, Pageable limit) {
        List<Long> ids = findIdsInCells(systemId, cells, limit);
        Map<Long, Risk> byId = new HashMap<>();
        findAllById(ids).forEach(risk -> byId.put(risk.getId(), risk));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    Risk findByIdAndSystemId(Long id, Long systemId);
}
