//! Placeholder: jury results and agreement statistics (being written).
