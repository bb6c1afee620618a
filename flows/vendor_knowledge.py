"""What a project learned, for its flows: the vendor memories and imported templates a run hands to
extraction, read once per run through the port's optional `flows.port.VendorKnowledge` capability.

A port without it, or one that fails to read them, gives none: the run extracts with the general engine
(the failure is logged; learning is never a reason to fail a task)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flows.port import VendorKnowledge

if TYPE_CHECKING:
    from ocr_tasks.extraction.templates import Template
    from ocr_tasks.vendor_memory import VendorMemory

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Knowledge:
    memories: tuple[VendorMemory, ...] = ()
    templates: tuple[Template, ...] = ()


def knowledge_of(port: Any, project_id: str) -> Knowledge:
    """The project's vendor memories and templates (none when the port cannot tell them)."""
    if not isinstance(port, VendorKnowledge):
        return Knowledge()
    try:
        return Knowledge(tuple(port.vendor_memories(project_id)), tuple(port.project_templates(project_id)))
    except Exception as exc:  # noqa: BLE001 - the general engine still extracts
        logger.warning("project %s: vendor memory and templates not loaded (%s)", project_id, exc)
        return Knowledge()
