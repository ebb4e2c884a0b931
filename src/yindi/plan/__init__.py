"""Plan (布局): what to build where. This helper adds only ``city_layout``; the plan package owns the rest."""
