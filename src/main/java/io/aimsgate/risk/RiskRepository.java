package io.aimsgate.risk;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RiskRepository extends JpaRepository<Risk, Long>, JpaSpecificationExecutor<Risk> {

    /**
     * The ids of the system's blocking risks in the given cells, worst first. {@code ix_risk_worst_blocking} holds them
     * in this order with the cell on each entry, so PostgreSQL reads the index alone and stops at the limit instead of
     * sorting every blocking risk.
     */
    @Query("""
            select r.id from Risk r
            where r.systemId = :systemId and r.blocksIfSevere = true
              and (r.currentLikelihood * 10 + r.currentImpact) in :cells
            order by r.currentScore desc, r.id""")
    List<Long> findWorstBlockingIds(@Param("systemId") Long systemId, @Param("cells") Collection<Integer> cells,
            Pageable limit);

    @Query("""
            select new io.aimsgate.risk.RiskHeadline(r.id, r.title, r.status, r.currentLikelihood, r.currentImpact)
            from Risk r where r.id in :ids""")
    List<RiskHeadline> findHeadlines(@Param("ids") Collection<Long> ids);

    /**
     * The system's blocking risks in the given cells, worst first, at most {@code limit}: the ids from the index, then
     * what is named of those risks by primary key. Two short statements plan faster than one that joins them.
     */
    default List<RiskHeadline> findWorstBlocking(Long systemId, Collection<Integer> cells, int limit) {
        List<Long> ids = findWorstBlockingIds(systemId, cells, PageRequest.of(0, limit));
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, RiskHeadline> byId = new HashMap<>();
        findHeadlines(ids).forEach(headline -> byId.put(headline.id(), headline));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    Risk findByIdAndSystemId(Long id, Long systemId);

    /** The system's risks whose current cell is one of the given ones (cells as {@link RiskCell#key()}), by id. */
    @Query("""
            select r from Risk r
            where r.systemId = :systemId and (r.currentLikelihood * 10 + r.currentImpact) in :cells
            order by r.id""")
    List<Risk> findInCells(@Param("systemId") Long systemId, @Param("cells") Collection<Integer> cells);
    List<Risk> findByStatusNotAndCurrentSeverityInOrderBySystemIdAscIdAsc(RiskStatus status,
            Collection<Severity> severities);
}
