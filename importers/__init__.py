"""Floor plans and records in: DXF, IFC, rent rolls, bank files → plain objects."""
