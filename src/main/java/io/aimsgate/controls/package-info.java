/**
 * ISO/IEC 42001 Annex A controls and the Statement of Applicability (clause 6.1.3; docs/controls.md). Other modules
 * use {@link io.aimsgate.controls.Controls}: the catalogue, what the organisation recorded per control (applicable,
 * justification, implementation status, owner, evidence, risks treated) and the approved SoA.
 */
package io.aimsgate.controls;
