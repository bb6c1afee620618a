"""Tests of the Streamlit dashboard: AppTest pages with a fake API client, and one browser test."""
