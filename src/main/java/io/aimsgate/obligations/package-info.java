/**
 * Obligations as data (docs/controls.md): which EU AI Act obligations apply to an AI system now and from when, by
 * its tier and the organisation's role, read from {@code obligations/eu-ai-act.json}, so a change of law is a change
 * of that file. Nothing else depends on this module; its API is GET /api/systems/{id}/obligations.
 */
package io.aimsgate.obligations;
