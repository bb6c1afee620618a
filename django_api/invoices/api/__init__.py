"""Thin DRF views (one per operation), their input serializers and output presenters."""
