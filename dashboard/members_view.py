"""The project's team on the Settings page: who is a member with which role (any member sees it) and,
for the owner, adding an existing user as reviewer or viewer, changing a role, removing a member
(`GET/PUT/DELETE /api/projects/{id}/members/`). Accounts themselves are made by an administrator."""

from __future__ import annotations

from typing import Any

from dashboard.api_client import ApiError
from dashboard.wording import short_time

ROLES = ("reviewer", "viewer")
ROLE_SAYS = {
    "owner": "everything, settings and members included",
    "reviewer": "uploads, corrects, approves, rejects, exports",
    "viewer": "reads and exports, changes nothing",
}
MESSAGE = "members_message"  # what the last change did, shown once after the page reruns


def member_rows(members: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [
        {
            "user": str(m.get("username")),
            "role": str(m.get("role")),
            "may": ROLE_SAYS.get(str(m.get("role")), ""),
            "since": short_time(m.get("added_at")),
        }
        for m in members
    ]


def render(st: Any, client: Any, project: int, *, owner: bool, show_error) -> None:
    """Draw the section with Streamlit (`st`); `show_error(exc, what=...)` says an API failure."""
    st.subheader("Members")
    try:
        members = client.list_members(project)
    except ApiError as exc:
        show_error(exc, what="Loading the members")
        return
    if message := st.session_state.pop(MESSAGE, None):
        st.success(message, icon=":material/check_circle:")
    st.dataframe(member_rows(members), hide_index=True, width="stretch", key="members_table")
    if not owner:
        st.caption("Only the project's owner adds, changes or removes members.")
        return
    with st.form("member_form", clear_on_submit=True):
        username = st.text_input("User name (an existing account)", key="member_username")
        role = st.selectbox("Role", ROLES, key="member_role")
        add = st.form_submit_button("Add or change", key="member_save")
    if add:
        if not username.strip():
            st.error("Give the user name of an existing account.")
        else:
            try:
                client.set_member(project, username.strip(), role)
            except ApiError as exc:
                show_error(exc, what="Adding the member")
            else:
                st.session_state[MESSAGE] = f"{username.strip()} is now a {role} of this project."
                st.rerun()
    others = [str(m["username"]) for m in members if m.get("role") != "owner"]
    if others:
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        leaving = left.selectbox("Remove a member", others, key="member_remove_name")
        if right.button("Remove", key="member_remove"):
            try:
                client.remove_member(project, leaving)
            except ApiError as exc:
                show_error(exc, what="Removing the member")
            else:
                st.session_state[MESSAGE] = f"{leaving} is no longer a member of this project."
                st.rerun()
