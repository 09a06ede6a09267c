package io.aimsgate.risk;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which Annex A controls treat a risk ("treated by controls"), answered by the controls register without this feature
 * knowing it (implemented in the controls module).
 */
public interface TreatingControls {

    /** The ids of the controls that treat each of these risks (a risk no control treats maps to an empty list). */
    Map<Long, List<String>> controlsTreating(Collection<Long> riskIds);
}
