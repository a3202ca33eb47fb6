"""The open data API under /api/v1/ (django-ninja): read-only, public, anonymous."""
