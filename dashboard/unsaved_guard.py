"""Unsaved typing in the review form is not lost without a word.

A Streamlit form sends what was typed only when it is submitted, so the server cannot keep a draft of it:
a reload (which also starts a new session: the token was the tab's), closing the tab, or a click that
leaves the document or shows a new version of it dropped the typing silently. This guard runs in the
browser: typing in the fields form marks it unsaved; then the browser asks before a reload or closing
(`beforeunload`), and a click outside the form that would leave it (the sidebar's pages, Next in queue,
Open ..., Reject, Approve anyway, Sign out) asks for confirmation first. The form's own Save corrections
and Approve send the typing (Approve saves it first); they, and a new version of the document (a save,
another document), start the guard clean. The zoom, page and highlight controls and the line-items table
keep the typing (Streamlit keeps a form's pending values across reruns) and are not guarded.
"""

from __future__ import annotations

import json

import streamlit as st

CONFIRM = "You have typed corrections that are not saved. Leave them unsaved?"
# the fields form: the one holding the Save corrections button
_SCRIPT = """
<script>
(() => {
  const w = window.parent && window.parent.document ? window.parent : window;
  const doc = w.document;
  const scope = %(scope)s;
  const fieldsForm = (el) => {
    const form = el && el.closest ? el.closest('[data-testid="stForm"]') : null;
    return form && form.innerText.includes("Save corrections") ? form : null;
  };
  if (w.__ocrUnsaved === undefined) {
    w.__ocrUnsaved = { scope: null, dirty: false };
    doc.addEventListener("input", (e) => {
      if (fieldsForm(e.target)) { w.__ocrUnsaved.dirty = true; }
    }, true);
    w.addEventListener("beforeunload", (e) => {
      if (w.__ocrUnsaved.dirty && doc.querySelector('[data-ocr-unsaved-guard]')) {
        e.preventDefault();
        e.returnValue = "";
      }
    });
    doc.addEventListener("click", (e) => {
      const state = w.__ocrUnsaved;
      if (!state.dirty || !doc.querySelector('[data-ocr-unsaved-guard]')) { return; }
      const target = e.target && e.target.closest ? e.target.closest("button, a") : null;
      if (!target) { return; }
      if (fieldsForm(target)) { state.dirty = false; return; }  // Save or Approve sends the typing
      if (target.closest('[data-testid="stButtonGroup"], [data-testid="stDataFrame"],'
          + ' [data-testid="stDataFrameResizable"], [data-testid="stExpander"] summary')) { return; }
      if (w.confirm(%(confirm)s)) { state.dirty = false; return; }
      e.preventDefault();
      e.stopImmediatePropagation();
    }, true);
  }
  if (w.__ocrUnsaved.scope !== scope) { w.__ocrUnsaved.scope = scope; w.__ocrUnsaved.dirty = false; }
})();
</script>
<span data-ocr-unsaved-guard="1" hidden></span>
"""


def script(scope: str) -> str:
    """The guard for the review form of the document version `scope`."""
    return _SCRIPT % {"scope": json.dumps(scope), "confirm": json.dumps(CONFIRM)}


def render(scope: str) -> None:
    """Put the guard on the page (one per run of the review page)."""
    st.html(script(scope), unsafe_allow_javascript=True)
