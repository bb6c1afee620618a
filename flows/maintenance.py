"""Flows that work on a project's stored results rather than on new files:
`refit_anomaly_models` (nightly: fit each project's model on its history and store it) and
`rescore_project` (re-run validation and anomaly scoring after suites or models changed; with `reextract`,
first extract the not-yet-approved documents again from their stored OCR with the project's current vendor
memory, after reviewers taught it)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from prefect import flow, get_run_logger
from prefect.utilities.annotations import quote

from expectations.project_settings import ProjectSettings
from flows import tasks
from flows.port import PipelinePort, ProjectListing, Reextraction, SettingsSource, UnknownId
from flows.prefect_api import ensure_prefect_api
from flows.settings import DISTRIBUTED, EMBEDDED, ConfigurationError, get_port, pipeline_mode
from flows.vendor_knowledge import knowledge_of
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.result_types import DocumentResult


@flow(name="refit-anomaly-models", persist_result=False)
def refit_anomaly_models(project_id: str | None = None) -> dict[str, str | None]:
    """Fit and store the anomaly model of one project, or of every project when no id is given.
    Returns the stored model version per project (None: too little history to fit one)."""
    port = get_port()
    if project_id is not None:
        projects = [project_id]
    elif isinstance(port, ProjectListing):
        projects = port.project_ids()
    else:
        raise ConfigurationError(f"{type(port).__name__} cannot list projects; pass a project_id")
    versions: dict[str, str | None] = {}
    for project in projects:
        model = tasks.fit(quote(port.load_history(project)), settings_of(port, project))
        if model is not None:
            port.save_anomaly_model(project, model.to_bytes(), model.version)
        versions[project] = model.version if model is not None else None
    return versions


def settings_of(port: PipelinePort, project_id: str) -> ProjectSettings:
    """The project's settings, parsed once, when the port can tell them (`flows.port.SettingsSource`),
    else the defaults; `InvalidSettings` when they cannot be used."""
    stored = port.project_settings(project_id) if isinstance(port, SettingsSource) else {}
    return ProjectSettings.from_dict(stored)


@flow(name="rescore-project", persist_result=False)
def rescore_project(project_id: str, reextract: bool = False) -> dict[str, Any]:
    """Validate the project's stored invoices again (as one batch, with the project's current custom
    expectations and settings) and score them against the rest of the project's history with its
    current model; saves the rescored results in one task run. Returns how many were rescored and the
    ids of those whose save failed.

    `reextract`: first extract the fields of the documents no reviewer has approved again from their
    stored OCR, with the project's current vendor memory and templates (after reviewers taught it), when
    the port can (`flows.port.Reextraction`, else `ConfigurationError`); `reextracted` counts them."""
    port = get_port()
    results = [r for r in port.load_project_results(project_id) if r.invoice is not None]
    if not results:
        if isinstance(port, ProjectListing) and str(project_id) not in port.project_ids():
            raise UnknownId(
                f"project {project_id!r} does not exist: the ids are those of GET /api/projects/ (the "
                "dashboard's project, or the `id` the API answers when a project is created)"
            )
        get_run_logger().warning("project %s has no processed documents: nothing to rescore", project_id)
        return {"project_id": project_id, "rescored": 0, "failed": []} | (
            {"reextracted": 0} if reextract else {}
        )
    settings = settings_of(port, project_id)
    fresh: set[str] = set()
    if reextract:
        results, fresh = _reextracted(port, project_id, results, settings)
    invoices = {r.source.id: r.invoice for r in results}
    validation = tasks.validate(quote(invoices), list(settings.custom_expectations), settings)
    batch_ids = set(invoices)
    history = [h for h in port.load_history(project_id) if h.document_id not in batch_ids]
    stored = port.load_anomaly_model(project_id)
    anomalies = tasks.score(
        quote([InvoiceRecord.from_result(r) for r in results]),
        quote(history),
        quote(validation),
        stored[0] if stored else None,
        settings,
    )
    rescored = [
        replace(
            result,
            validation=tuple(validation.get(result.source.id, ())),
            anomalies=tuple(anomalies.get(result.source.id, ())),
        )
        for result in results
    ]
    failed = tasks.save_rescored(
        quote(port), project_id, quote([r for r in rescored if r.source.id not in fresh])
    )
    if fresh:
        failed |= tasks.save_reextracted(
            quote(port), project_id, quote([r for r in rescored if r.source.id in fresh])
        )
    summary = {"project_id": project_id, "rescored": len(results) - len(failed), "failed": sorted(failed)}
    summary |= {"reextracted": len(fresh - set(failed))} if reextract else {}
    get_run_logger().info(
        "project %s: %d document(s) rescored%s, %d failed to save",
        project_id,
        summary["rescored"],
        f", {summary['reextracted']} re-extracted" if reextract else "",
        len(failed),
    )
    return summary


RESCORE_DEPLOYMENT = "rescore-project/rescore-project"  # prefect.yaml


def rescore_submit(project_id: str, *, reextract: bool = False, mode: str | None = None) -> dict[str, Any]:
    """Ask for a rescore of a project: embedded, `rescore_project` runs in this process now (through the
    port in use) and its summary is returned; distributed, a run of the `rescore-project` deployment is
    created (`run_deployment(..., timeout=0)`) and its flow run id returned."""
    mode = mode or pipeline_mode()
    parameters = {"project_id": str(project_id), "reextract": bool(reextract)}
    if mode == DISTRIBUTED:
        from prefect.deployments import run_deployment

        flow_run = run_deployment(RESCORE_DEPLOYMENT, parameters=parameters, timeout=0, as_subflow=False)
        return {"mode": mode, "flow_run_id": str(flow_run.id)}
    ensure_prefect_api()
    return {"mode": EMBEDDED, "summary": rescore_project(**parameters)}


def _reextracted(
    port: PipelinePort, project_id: str, results: list[DocumentResult], settings: ProjectSettings
) -> tuple[list[DocumentResult], set[str]]:
    """The results with the not-yet-approved documents' fields extracted again (their ids second)."""
    if not isinstance(port, Reextraction):
        raise ConfigurationError(
            f"{type(port).__name__} cannot re-extract documents (flows.port.Reextraction)"
        )
    allowed = set(port.reextractable_document_ids(project_id))
    knowledge = knowledge_of(port, project_id)
    invoices = tasks.reextract(
        quote([r for r in results if r.source.id in allowed]),
        settings,
        quote(knowledge.memories),
        quote(knowledge.templates),
    )
    return [replace(r, invoice=invoices.get(r.source.id, r.invoice)) for r in results], set(invoices)
