//! Measurements (nulmeting and eindmeting): answers and their validation,
//! team aggregation per indicator and aspect, the consensus that becomes the
//! school's result, growth between measurements and the cohort benchmark.
//!
//! The flow is: every respondent answers each indicator ([`AnswerRecord`],
//! checked with [`validate_record`]); [`aggregate`] turns the team's answers
//! into a [`TeamAggregate`] (statistics, aspect scores, completion, discussion
//! points); the team records a [`Consensus`] per indicator (optionally
//! starting from [`propose_consensus`]); [`SchoolProfile::from_consensus`] is
//! the school's result, compared over time by [`growth`] and across schools by
//! [`benchmark`]. Hot paths run on an [`IndicatorIndex`] built once per rubric,
//! optionally on dense [`TeamMatrix`] input.

mod aggregate;
pub mod api;
mod answer;
mod benchmark;
mod cohort;
mod consensus;
mod growth;
mod index;
mod matrix;
mod rounding;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod testutil;

pub use rounding::score_tenths;
pub use aggregate::{
    aggregate, AspectScore, IndicatorStats, RespondentCompletion, TeamAggregate,
    DISAGREEMENT_SPREAD,
};
pub use answer::{
    validate_answer, validate_comment, validate_evidence_url, validate_record, Answer, AnswerError,
    AnswerRecord, MeasurementKind, RespondentAnswers, UrlProblem, MAX_COMMENT_CHARS,
    MAX_EVIDENCE_URL_CHARS,
};
pub use benchmark::{benchmark, AspectBenchmark, Benchmark, BENCHMARK_MIN_SCHOOLS};
pub use cohort::{
    aggregate_cohort, bench_aggregate_cohort, generate_cohort, Cohort, CohortSummary,
};
pub use consensus::{
    propose_consensus, round_half_up, validate_consensus, AspectResult, Consensus, ConsensusError,
    IndicatorResult, SchoolProfile, MAX_RATIONALE_CHARS,
};
pub use growth::{growth, AspectGrowth, Growth, IndicatorGrowth};
pub use index::IndicatorIndex;
pub use matrix::TeamMatrix;
