"""Geometry on shapely: unit polygons, areas, allocation. No Qt, no database."""
