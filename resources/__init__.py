"""Icons, Qt translation catalogues, style sheets: data the app ships."""
