"""Running long work: progress, cancellation and the garbage collector. No business here."""
