"""Page scripts run by `st.navigation` in dashboard/app.py (scripts, not imported modules)."""
