//! The nulmeting's pieces: answering an indicator, progress and saving
//! state, the spread of answers and consensus, and the report's charts.

pub mod aspect_nav;
pub mod distribution;
pub mod growth_across;
pub mod indicator_answer;
pub mod indicator_bars;
pub mod indicator_consensus;
pub mod level_choice;
pub mod member_table;
pub mod radar_chart;
pub mod save_status;
