"""Creating projects, managing their members, changing their settings."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from django_api.invoices.errors import Forbidden, InvalidInput, UserNotFound
from django_api.invoices.models import Membership, Project, Role
from django_api.invoices.models.projects import WRITE_ROLES
from django_api.invoices.selectors.projects import project_role
from expectations.custom import check_custom_expectations
from expectations.project_settings import InvalidSettings, ProjectSettings, merge_patch
from ocr_tasks.engines import ENGINES
from ocr_tasks.errors import InvalidExpectation


def _checked(parse: Callable[[], ProjectSettings]) -> ProjectSettings:
    """`parse()`, with the OCR engine looked up and the custom expectations checked by GX; a bad or
    unknown setting is 400 `validation_error` with `detail.settings` naming each one."""
    try:
        settings = parse()
        if settings.ocr_engine is not None and settings.ocr_engine not in ENGINES:
            why = f"unknown OCR engine {settings.ocr_engine!r}; known: {', '.join(sorted(ENGINES))}"
            raise InvalidSettings({"ocr_engine": why})
        if settings.custom_expectations:
            check_custom_expectations([dict(e) for e in settings.custom_expectations])
    except InvalidSettings as exc:
        raise InvalidInput(exc.message, detail={"settings": exc.problems}) from exc
    except InvalidExpectation as exc:
        name = f"custom_expectations[{exc.detail.get('index')}]"
        raise InvalidInput(f"{name}: {exc.message}", detail={"settings": {name: exc.message}}) from exc
    return settings


@transaction.atomic
def project_create(*, user, name: str, languages: str = "eng", settings: dict | None = None) -> Project:
    """A new project; its creator is its owner. `settings` are checked like a change of them."""
    checked = _checked(lambda: ProjectSettings.from_dict(settings or {}, strict=True))
    project = Project.objects.create(
        name=name.strip(), owner=user, languages=languages, settings=checked.to_dict(full=False)
    )
    Membership.objects.create(project=project, user=user, role=Role.OWNER)
    return project


def project_member_set(*, project: Project, user, role: str) -> Membership:
    """Add `user` to the project with `role` (or change the role)."""
    membership, _ = Membership.objects.update_or_create(
        project=project, user=user, defaults={"role": Role(role)}
    )
    return membership


MEMBER_ROLES = (Role.REVIEWER, Role.VIEWER)


def _member_user(username: str):
    from django.contrib.auth import get_user_model

    found = get_user_model().objects.filter(username=username).first()
    if found is None:
        raise UserNotFound(f"No user is named {username!r}: ask your administrator to create the account.")
    return found


def _not_the_owner(project: Project, member) -> None:
    if member.pk == project.owner_id:
        raise InvalidInput("The project's owner keeps the owner role and cannot be removed.")


@transaction.atomic
def project_member_put(*, user, project: Project, username: str, role: str) -> tuple[Membership, bool]:
    """The owner adds an existing user as `reviewer` or `viewer`, or changes a member's role (403 for
    other members); (membership, created)."""
    require_owner(user=user, project=project, what="manage its members")
    member = _member_user(username)
    _not_the_owner(project, member)
    membership, created = Membership.objects.update_or_create(
        project=project, user=member, defaults={"role": Role(role)}
    )
    return membership, created


@transaction.atomic
def project_member_remove(*, user, project: Project, username: str) -> None:
    """The owner removes a member (403 for other members; 404 for a user who is not one)."""
    require_owner(user=user, project=project, what="manage its members")
    member = _member_user(username)
    _not_the_owner(project, member)
    removed, _ = Membership.objects.filter(project=project, user=member).delete()
    if not removed:
        raise UserNotFound(f"{username!r} is not a member of this project.")


def require_write_role(*, user, project: Project) -> None:
    """Viewers may read but not upload, correct, approve or cancel (403); non-members get 404."""
    if project_role(user=user, project=project) not in WRITE_ROLES:
        raise Forbidden("Viewers cannot change this project.")


def require_owner(*, user, project: Project, what: str = "change its settings") -> None:
    """Only the owner changes a project's settings or members (403 for reviewers and viewers;
    non-members 404)."""
    if project_role(user=user, project=project) != Role.OWNER:
        raise Forbidden(f"Only the project's owner can {what}.")


@transaction.atomic
def project_settings_update(*, user, project: Project, patch: dict) -> ProjectSettings:
    """Apply a JSON merge patch to the project's settings (a key given replaces its value, null puts
    the default back), checked before anything is stored: a bad or unknown setting answers 400
    `validation_error` with `detail.settings` naming it; custom expectations are checked by GX. Stores
    only what differs from the defaults, so that settings left alone follow the defaults."""
    require_owner(user=user, project=project)
    locked = Project.objects.select_for_update().get(pk=project.pk)
    settings = _checked(lambda: merge_patch(locked.settings or {}, patch))
    locked.settings = settings.to_dict(full=False)
    locked.save(update_fields=["settings"])
    return settings
