//! Placeholder: action plans (being written).
