"""Reading projects and the user's role in them."""

from __future__ import annotations

from django.db.models import Count, OuterRef, QuerySet, Subquery

from django_api.invoices.errors import NotFound
from django_api.invoices.models import Membership, Project
from expectations.project_settings import ProjectSettings


def project_list(*, user) -> QuerySet[Project]:
    """The user's projects with `role`, `document_count` and `task_count` annotated."""
    role = Membership.objects.filter(project=OuterRef("pk"), user=user).values("role")[:1]
    return (
        Project.objects.filter(memberships__user=user)
        .annotate(
            role=Subquery(role),
            document_count=Count("documents", distinct=True),
            task_count=Count("tasks", distinct=True),
        )
        .order_by("-created_at", "-id")
    )


def project_get(*, user, project_id) -> Project:
    """The project if `user` is a member (annotated like `project_list`), else `NotFound`."""
    try:
        return project_list(user=user).get(pk=int(project_id))
    except (Project.DoesNotExist, ValueError, TypeError):
        raise NotFound("Project not found.") from None


def project_role(*, user, project: Project) -> str:
    role = getattr(project, "role", None)
    if role is None:
        role = Membership.objects.filter(project=project, user=user).values_list("role", flat=True).first()
    if role is None:
        raise NotFound("Project not found.")
    return role


def project_settings_get(*, user, project: Project) -> ProjectSettings:
    """The project's settings, parsed, with the defaults for what it does not set (any member may read
    them; `InvalidSettings`, 400, when stored settings cannot be read)."""
    project_role(user=user, project=project)
    return ProjectSettings.from_dict(project.settings or {})


def project_members(*, user, project: Project) -> list[dict]:
    """The project's members (any member may read them): user name, role, since when; the owner first,
    then by user name."""
    project_role(user=user, project=project)
    order = {"owner": 0, "reviewer": 1, "viewer": 2}
    rows = [
        {"username": m.user.get_username(), "role": m.role, "added_at": m.created_at}
        for m in Membership.objects.filter(project=project).select_related("user")
    ]
    return sorted(rows, key=lambda r: (order.get(r["role"], 3), r["username"]))
