//! The web user interface: a thin yew view over the pure core.
