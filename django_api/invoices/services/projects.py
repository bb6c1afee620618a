"""Creating projects and managing their members."""

from __future__ import annotations

from django.db import transaction

from django_api.invoices.errors import Forbidden
from django_api.invoices.models import Membership, Project, Role
from django_api.invoices.models.projects import WRITE_ROLES
from django_api.invoices.selectors.projects import project_role


@transaction.atomic
def project_create(*, user, name: str, languages: str = "eng", settings: dict | None = None) -> Project:
    """A new project; its creator is its owner."""
    project = Project.objects.create(
        name=name.strip(), owner=user, languages=languages, settings=settings or {}
    )
    Membership.objects.create(project=project, user=user, role=Role.OWNER)
    return project


def project_member_set(*, project: Project, user, role: str) -> Membership:
    """Add `user` to the project with `role` (or change the role)."""
    membership, _ = Membership.objects.update_or_create(
        project=project, user=user, defaults={"role": Role(role)}
    )
    return membership


def require_write_role(*, user, project: Project) -> None:
    """Viewers may read but not upload, correct, approve or cancel (403); non-members get 404."""
    if project_role(user=user, project=project) not in WRITE_ROLES:
        raise Forbidden("Viewers cannot change this project.")
