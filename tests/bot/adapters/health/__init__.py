"""Tests of the health and metrics endpoint."""
