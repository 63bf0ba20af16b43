//! Placeholder: aggregation of measurements (being written).
