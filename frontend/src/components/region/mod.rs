//! Parts of the region app's pages (issue 17).

pub mod markup;
pub mod members_editor;
pub mod portrait_tables;
pub mod pupil_import;
pub mod trend_chart;
