//! A team's answers on dense arrays (one row per respondent, one cell per
//! indicator in rubric order): the allocation-light input for aggregating
//! many teams, filled from storage rows through an [`IndicatorIndex`].

use crate::assessment::{Answer, IndicatorIndex, RespondentAnswers};

/// A team's answers as a respondents x indicators matrix in rubric order.
/// A cell is `None` (unanswered) or an [`Answer`]. Build it from the same
/// [`IndicatorIndex`] that aggregates it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TeamMatrix {
    width: usize,
    respondents: Vec<String>,
    cells: Vec<Option<Answer>>,
}

impl TeamMatrix {
    /// An empty team on the indicators of `index`.
    pub fn new(index: &IndicatorIndex) -> TeamMatrix {
        TeamMatrix::with_capacity(index, 0)
    }

    /// An empty team with room for `respondents` rows.
    pub fn with_capacity(index: &IndicatorIndex, respondents: usize) -> TeamMatrix {
        TeamMatrix {
            width: index.len(),
            respondents: Vec::with_capacity(respondents),
            cells: Vec::with_capacity(respondents.saturating_mul(index.len())),
        }
    }

    /// The matrix of map-shaped answers (ids not in the index are dropped).
    pub fn from_respondents(
        index: &IndicatorIndex,
        respondents: &[RespondentAnswers],
    ) -> TeamMatrix {
        let mut team = TeamMatrix::with_capacity(index, respondents.len());
        for r in respondents {
            let row = team.add_respondent(r.respondent.clone());
            index.for_each_known(&r.answers, |pos, &answer| {
                team.set(row, pos, Some(answer));
            });
        }
        team
    }

    /// Add a respondent with nothing answered; returns their row.
    pub fn add_respondent(&mut self, respondent: impl Into<String>) -> usize {
        self.respondents.push(respondent.into());
        self.cells.resize(self.cells.len() + self.width, None);
        self.respondents.len() - 1
    }

    /// Set one cell by row and indicator position; false if either is out
    /// of range.
    pub fn set(&mut self, row: usize, position: usize, answer: Option<Answer>) -> bool {
        if position >= self.width {
            return false;
        }
        let cell = row
            .checked_mul(self.width)
            .and_then(|start| self.cells.get_mut(start + position));
        match cell {
            Some(cell) => {
                *cell = answer;
                true
            }
            None => false,
        }
    }

    /// Set one cell by row and indicator id; false if the id is not in
    /// `index` or the row does not exist.
    pub fn set_by_id(
        &mut self,
        index: &IndicatorIndex,
        row: usize,
        indicator_id: &str,
        answer: Option<Answer>,
    ) -> bool {
        index
            .position(indicator_id)
            .is_some_and(|pos| self.set(row, pos, answer))
    }

    /// Number of respondents (rows).
    pub fn respondent_count(&self) -> usize {
        self.respondents.len()
    }

    /// Each respondent's key with their row of cells, in row order.
    pub fn rows(&self) -> impl Iterator<Item = (&str, &[Option<Answer>])> {
        // `max(1)`: a zero-width matrix still yields one empty row per respondent.
        let rows = self
            .cells
            .chunks(self.width.max(1))
            .chain(std::iter::repeat(&[][..]));
        self.respondents.iter().map(String::as_str).zip(rows)
    }

    /// Back to map-shaped answers, e.g. for JSON.
    pub fn to_respondents(&self, index: &IndicatorIndex) -> Vec<RespondentAnswers> {
        self.rows()
            .map(|(respondent, row)| {
                let answers = row
                    .iter()
                    .enumerate()
                    .filter_map(|(pos, cell)| Some((index.id(pos)?.to_string(), (*cell)?)))
                    .collect();
                RespondentAnswers {
                    respondent: respondent.to_string(),
                    answers,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::testutil::{answer, respondent, test_rubric};

    #[test]
    fn cells_are_set_by_position_or_id() {
        let index = IndicatorIndex::new(&test_rubric(3));
        let mut team = TeamMatrix::new(&index);
        let a = team.add_respondent("a");
        let b = team.add_respondent("b");
        assert!(team.set(a, 0, answer(2)));
        assert!(team.set_by_id(&index, b, "infrastructure.i2", answer(5)));
        assert!(!team.set(a, 21, answer(1)));
        assert!(!team.set(2, 0, answer(1)));
        assert!(!team.set_by_id(&index, a, "nope", answer(1)));
        let rows: Vec<_> = team.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].1[0], answer(2));
        assert_eq!(rows[1].1[20], answer(5));
        let back = team.to_respondents(&index);
        assert_eq!(back[0], respondent("a", &[("curriculum.i0", 2)]));
        assert_eq!(TeamMatrix::from_respondents(&index, &back), team);
    }
}
