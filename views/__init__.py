"""Qt widgets: they show plain rows and emit what the user asked for."""
