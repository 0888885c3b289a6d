"""Tests of the per-server state store on both backends."""
