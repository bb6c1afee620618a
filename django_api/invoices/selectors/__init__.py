"""Selectors: every read goes through here, scoped by the requesting user and the project.

A project, task or document the user is not a member of raises `NotFound` (404), never returns data."""
