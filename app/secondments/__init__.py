"""Cadre secondments (干部挂职) and their two-way evaluation."""
