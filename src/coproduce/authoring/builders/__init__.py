"""Builders for things made from the course without a server: packs, workbook, static site, PDF."""
