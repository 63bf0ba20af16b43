//! Setting up a jury round: the scoring status, criteria with their anchored
//! 1-10 scale (one description per band 1-2 ... 9-10), the default criteria
//! of a new edition, conflicts of interest, and the rules on set-up input
//! (criteria, tie-break rules, readiness to open scoring). Shared by the
//! server, which enforces them, and the app, which shows them as you type.

use super::{Criterion, JuryError, JuryInput, Score, TieBreakRule};
use crate::content::LocalizedText;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where scoring stands in an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JuryStatus {
    /// The coordinator prepares categories, criteria, finalists and jurors.
    #[default]
    Setup,
    /// Jurors score.
    Open,
    /// Scoring is over; results can be locked and published.
    Closed,
}

impl JuryStatus {
    pub const ALL: [JuryStatus; 3] = [JuryStatus::Setup, JuryStatus::Open, JuryStatus::Closed];

    /// The identifier stored and sent as JSON.
    pub fn key(self) -> &'static str {
        match self {
            JuryStatus::Setup => "setup",
            JuryStatus::Open => "open",
            JuryStatus::Closed => "closed",
        }
    }

    pub fn from_key(key: &str) -> Option<JuryStatus> {
        JuryStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

impl fmt::Display for JuryStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// How a conflict of interest came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// The juror said so.
    Declared,
    /// The juror works for the finalist's sponsor company.
    Automatic,
}

impl ConflictKind {
    pub fn key(self) -> &'static str {
        match self {
            ConflictKind::Declared => "declared",
            ConflictKind::Automatic => "automatic",
        }
    }

    pub fn from_key(key: &str) -> Option<ConflictKind> {
        [ConflictKind::Declared, ConflictKind::Automatic].into_iter().find(|k| k.key() == key)
    }
}

/// The five bands of the anchored scale, lowest first.
pub const BANDS: [(u8, u8); 5] = [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10)];

/// The band (0 to 4, an index into [`BANDS`] and a criterion's anchors) a
/// score falls in.
pub fn band_of(score: Score) -> usize {
    usize::from((score.get() - 1) / 2)
}

/// A criterion of an edition as stored: names, descriptions and the five
/// band anchors in Dutch and English, and its weight (the weights of an
/// edition sum to 100).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionDef {
    pub id: i64,
    pub name: LocalizedText,
    pub description: LocalizedText,
    pub weight: u32,
    /// Five texts, for the bands 1-2, 3-4, 5-6, 7-8 and 9-10.
    pub anchors: Vec<LocalizedText>,
    pub position: u32,
}

impl CriterionDef {
    /// The key this criterion has in a [`JuryInput`]: its id.
    pub fn key(&self) -> String {
        self.id.to_string()
    }

    /// The criterion with its weight, for the statistics.
    pub fn criterion(&self) -> Criterion {
        Criterion::new(self.key(), self.weight)
    }
}

/// A criterion as the coordinator edits it; `id` is `None` for a new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionInput {
    #[serde(default)]
    pub id: Option<i64>,
    pub name: LocalizedText,
    #[serde(default = "empty_text")]
    pub description: LocalizedText,
    pub weight: u32,
    pub anchors: Vec<LocalizedText>,
}

fn empty_text() -> LocalizedText {
    LocalizedText::new("", "")
}

impl From<&CriterionDef> for CriterionInput {
    fn from(c: &CriterionDef) -> Self {
        CriterionInput {
            id: Some(c.id),
            name: c.name.clone(),
            description: c.description.clone(),
            weight: c.weight,
            anchors: c.anchors.clone(),
        }
    }
}

/// At most this many criteria in an edition.
pub const MAX_CRITERIA: usize = 12;
/// Longest criterion name.
pub const MAX_CRITERION_NAME_CHARS: usize = 80;
/// Longest criterion description or band anchor.
pub const MAX_CRITERION_TEXT_CHARS: usize = 600;

/// Which language of a text a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextLang {
    Nl,
    En,
}

impl TextLang {
    fn code(self) -> &'static str {
        match self {
            TextLang::Nl => "nl",
            TextLang::En => "en",
        }
    }
}

/// What is wrong with a set of criteria. [`CriteriaProblem::field`] names
/// the form field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CriteriaProblem {
    #[error("add at least one criterion")]
    NoCriteria,
    #[error("at most {MAX_CRITERIA} criteria are allowed")]
    TooMany,
    #[error("give the criterion a Dutch name")]
    NameMissing { index: usize },
    #[error("the name is longer than {MAX_CRITERION_NAME_CHARS} characters")]
    NameTooLong { index: usize, lang: TextLang },
    #[error("two criteria have this name")]
    DuplicateName { index: usize },
    #[error("the description is longer than {MAX_CRITERION_TEXT_CHARS} characters")]
    DescriptionTooLong { index: usize, lang: TextLang },
    #[error("a criterion needs exactly 5 band descriptions (1-2, 3-4, 5-6, 7-8, 9-10); found {count}")]
    AnchorCount { index: usize, count: usize },
    #[error("describe what a score in this band means (in Dutch)")]
    AnchorMissing { index: usize, band: usize },
    #[error("the band description is longer than {MAX_CRITERION_TEXT_CHARS} characters")]
    AnchorTooLong { index: usize, band: usize, lang: TextLang },
    #[error("a weight is at most 100")]
    WeightTooHigh { index: usize },
    #[error("the weights sum to {sum}; they must sum to 100")]
    WeightSum { sum: u64 },
}

impl CriteriaProblem {
    /// The form field: `criteria`, `criteria.weights`,
    /// `criteria.2.name_nl`, `criteria.2.anchors.4.en`, ...
    pub fn field(&self) -> String {
        match self {
            CriteriaProblem::NoCriteria | CriteriaProblem::TooMany => "criteria".into(),
            CriteriaProblem::WeightSum { .. } => "criteria.weights".into(),
            CriteriaProblem::NameMissing { index } | CriteriaProblem::DuplicateName { index } => {
                format!("criteria.{index}.name_nl")
            }
            CriteriaProblem::NameTooLong { index, lang } => format!("criteria.{index}.name_{}", lang.code()),
            CriteriaProblem::DescriptionTooLong { index, lang } => {
                format!("criteria.{index}.description_{}", lang.code())
            }
            CriteriaProblem::AnchorCount { index, .. } => format!("criteria.{index}.anchors"),
            CriteriaProblem::AnchorMissing { index, band } => format!("criteria.{index}.anchors.{band}.nl"),
            CriteriaProblem::AnchorTooLong { index, band, lang } => {
                format!("criteria.{index}.anchors.{band}.{}", lang.code())
            }
            CriteriaProblem::WeightTooHigh { index } => format!("criteria.{index}.weight"),
        }
    }
}

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

/// Check criteria as the coordinator saves them: 1 to [`MAX_CRITERIA`]
/// criteria, each with a Dutch name (unique), texts of sane length, five
/// band anchors with a Dutch text, weights 0-100 summing to 100. English
/// texts may be empty ([`normalize_criteria`] fills them from Dutch).
/// Every problem is reported.
pub fn validate_criteria(criteria: &[CriterionInput]) -> Vec<CriteriaProblem> {
    let mut problems = Vec::new();
    if criteria.is_empty() {
        problems.push(CriteriaProblem::NoCriteria);
        return problems;
    }
    if criteria.len() > MAX_CRITERIA {
        problems.push(CriteriaProblem::TooMany);
    }
    for (index, c) in criteria.iter().enumerate() {
        let name = c.name.nl.trim();
        if name.is_empty() {
            problems.push(CriteriaProblem::NameMissing { index });
        } else if criteria[..index].iter().any(|o| o.name.nl.trim().eq_ignore_ascii_case(name)) {
            problems.push(CriteriaProblem::DuplicateName { index });
        }
        for (lang, text) in [(TextLang::Nl, &c.name.nl), (TextLang::En, &c.name.en)] {
            if too_long(text.trim(), MAX_CRITERION_NAME_CHARS) {
                problems.push(CriteriaProblem::NameTooLong { index, lang });
            }
        }
        for (lang, text) in [(TextLang::Nl, &c.description.nl), (TextLang::En, &c.description.en)] {
            if too_long(text.trim(), MAX_CRITERION_TEXT_CHARS) {
                problems.push(CriteriaProblem::DescriptionTooLong { index, lang });
            }
        }
        if c.anchors.len() != BANDS.len() {
            problems.push(CriteriaProblem::AnchorCount { index, count: c.anchors.len() });
        } else {
            for (band, anchor) in c.anchors.iter().enumerate() {
                if anchor.nl.trim().is_empty() {
                    problems.push(CriteriaProblem::AnchorMissing { index, band });
                }
                for (lang, text) in [(TextLang::Nl, &anchor.nl), (TextLang::En, &anchor.en)] {
                    if too_long(text.trim(), MAX_CRITERION_TEXT_CHARS) {
                        problems.push(CriteriaProblem::AnchorTooLong { index, band, lang });
                    }
                }
            }
        }
        if c.weight > 100 {
            problems.push(CriteriaProblem::WeightTooHigh { index });
        }
    }
    let sum: u64 = criteria.iter().map(|c| u64::from(c.weight)).sum();
    if sum != 100 {
        problems.push(CriteriaProblem::WeightSum { sum });
    }
    problems
}

/// Trim every text and fill an empty English text with the Dutch one, so
/// stored criteria read in both languages.
pub fn normalize_criteria(criteria: &mut [CriterionInput]) {
    fn fix(t: &mut LocalizedText) {
        t.nl = t.nl.trim().to_string();
        t.en = t.en.trim().to_string();
        if t.en.is_empty() {
            t.en = t.nl.clone();
        }
    }
    for c in criteria {
        fix(&mut c.name);
        fix(&mut c.description);
        c.anchors.iter_mut().for_each(fix);
    }
}

/// What is wrong with a list of tie-break rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum TieBreakProblem {
    #[error("the rule \"{rule}\" is listed twice")]
    Duplicate { rule: TieBreakRule },
    #[error("a rule names criterion {key}, which does not exist (any more)")]
    UnknownCriterion { key: String },
    #[error("the chair's decision must be the last rule")]
    ChairNotLast,
    #[error("the last rule is the chair's decision: choose the jury chair")]
    NoChair,
}

/// A rule list that ends with the chair's decision needs a chair.
pub fn validate_chair(rules: &[TieBreakRule], chair_id: Option<i64>) -> Result<(), TieBreakProblem> {
    if rules.last() == Some(&TieBreakRule::ChairDecision) && chair_id.is_none() {
        Err(TieBreakProblem::NoChair)
    } else {
        Ok(())
    }
}

/// Check tie-break rules against the criteria they may name, with the same
/// rules the results apply (criteria must exist, the chair's decision comes
/// last) and no rule twice. An empty list is accepted here; [`readiness`]
/// asks for a rule.
pub fn validate_tie_break(rules: &[TieBreakRule], criteria: &[CriterionDef]) -> Result<(), TieBreakProblem> {
    for (i, rule) in rules.iter().enumerate() {
        if rules[..i].contains(rule) {
            return Err(TieBreakProblem::Duplicate { rule: rule.clone() });
        }
    }
    // Weights are checked by `validate_criteria`; give them a valid sum here
    // so only the rules are judged.
    let mut keys: Vec<Criterion> = criteria.iter().map(|c| Criterion::new(c.key(), 0)).collect();
    match keys.first_mut() {
        Some(first) => first.weight = 100,
        None => keys.push(Criterion::new("-", 100)),
    }
    let input = JuryInput {
        criteria: keys,
        finalists: vec![],
        jurors: vec![],
        sheets: vec![],
        tie_break: rules.to_vec(),
        chair_order: None,
    };
    match input.validate() {
        Ok(()) => Ok(()),
        Err(JuryError::UnknownTieBreakCriterion(key)) => Err(TieBreakProblem::UnknownCriterion { key }),
        Err(_) => Err(TieBreakProblem::ChairNotLast),
    }
}

/// The tie-break rules to propose when none is chosen yet: the higher mean
/// on the first criterion, then the higher median juror score, then the
/// chair.
pub fn suggested_tie_break(criteria: &[CriterionDef]) -> Vec<TieBreakRule> {
    let mut rules = Vec::new();
    if let Some(first) = criteria.iter().min_by_key(|c| (c.position, c.id)) {
        rules.push(TieBreakRule::HigherCriterion(first.key()));
    }
    rules.push(TieBreakRule::HigherMedianJurorScore);
    rules.push(TieBreakRule::ChairDecision);
    rules
}

/// What a set-up still needs before scoring can open, as the set-up page
/// shows it and the server enforces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum OpenProblem {
    #[error("add at least one award category")]
    NoCategory,
    #[error("category {name} has no finalists")]
    EmptyCategory { name: String },
    #[error("finalist {school} has no submitted action plan to score")]
    FinalistWithoutPlan { school: String },
    #[error("the criteria are not valid yet: {problem}")]
    Criteria { problem: String },
    #[error("choose the tie-break rule")]
    NoTieBreak,
    #[error("the tie-break rule is not valid: {problem}")]
    TieBreak { problem: String },
    #[error("add at least one juror")]
    NoJurors,
    #[error("the tie-break rule ends with the chair's decision: choose the jury chair")]
    NoChair,
}

/// The facts [`readiness`] looks at.
#[derive(Debug, Clone, Copy)]
pub struct Readiness<'a> {
    /// Per category: its name and, per finalist, the school name and
    /// whether a frozen plan version is attached.
    pub categories: &'a [(String, Vec<(String, bool)>)],
    pub criteria: &'a [CriterionDef],
    pub tie_break: &'a [TieBreakRule],
    pub has_chair: bool,
    pub jurors: usize,
}

/// Everything that stops scoring from opening; empty when it may open.
pub fn readiness(r: Readiness<'_>) -> Vec<OpenProblem> {
    let mut problems = Vec::new();
    if r.categories.is_empty() {
        problems.push(OpenProblem::NoCategory);
    }
    for (name, finalists) in r.categories {
        if finalists.is_empty() {
            problems.push(OpenProblem::EmptyCategory { name: name.clone() });
        }
        for (school, has_plan) in finalists {
            if !has_plan {
                problems.push(OpenProblem::FinalistWithoutPlan { school: school.clone() });
            }
        }
    }
    let inputs: Vec<CriterionInput> = r.criteria.iter().map(CriterionInput::from).collect();
    if let Some(first) = validate_criteria(&inputs).first() {
        problems.push(OpenProblem::Criteria { problem: first.to_string() });
    }
    if r.tie_break.is_empty() {
        problems.push(OpenProblem::NoTieBreak);
    } else if let Err(e) = validate_tie_break(r.tie_break, r.criteria) {
        problems.push(OpenProblem::TieBreak { problem: e.to_string() });
    } else if validate_chair(r.tie_break, r.has_chair.then_some(0)).is_err() {
        problems.push(OpenProblem::NoChair);
    }
    if r.jurors == 0 {
        problems.push(OpenProblem::NoJurors);
    }
    problems
}

/// Longest remark on a score sheet (per criterion or overall).
pub const MAX_REMARK_CHARS: usize = 2000;
/// Longest reason for declaring or dismissing a conflict.
pub const MAX_REASON_CHARS: usize = 500;

/// The default criteria of a new edition (DESIGN.md, "Jury"): impact on
/// pupils' STEM learning; how well the plan follows from the nulmeting
/// gaps; feasibility; depth of the school-company cooperation; anchoring
/// in school policy. Weights 25, 20, 20, 20, 15.
pub fn default_criteria() -> Vec<CriterionInput> {
    fn t(nl: &str, en: &str) -> LocalizedText {
        LocalizedText::new(nl, en)
    }
    fn criterion(name: LocalizedText, description: LocalizedText, weight: u32, anchors: [LocalizedText; 5]) -> CriterionInput {
        CriterionInput { id: None, name, description, weight, anchors: anchors.into() }
    }
    vec![
        criterion(
            t("Impact op het STEM-leren van leerlingen", "Impact on pupils' STEM learning"),
            t(
                "Hoeveel leerlingen bereikt het plan, en hoe sterk verandert hun STEM-leren (onderzoeken, ontwerpen, problemen oplossen)?",
                "How many pupils does the plan reach, and how much does their STEM learning change (inquiry, design, problem solving)?",
            ),
            25,
            [
                t("Geen of nauwelijks zichtbaar effect op leerlingen; de acties gaan vooral over randvoorwaarden.", "No or hardly any visible effect on pupils; the actions are mostly about preconditions."),
                t("Een beperkt effect voor een kleine groep leerlingen of één vak.", "A limited effect for a small group of pupils or one subject."),
                t("Een duidelijk effect voor een deel van de leerlingen, in meer dan één vak of graad.", "A clear effect for part of the pupils, in more than one subject or grade."),
                t("Een sterk effect voor veel leerlingen, in verschillende studierichtingen, met aandacht voor wie minder vanzelf voor STEM kiest.", "A strong effect for many pupils, across tracks, with attention for those who do not choose STEM by themselves."),
                t("Een ingrijpend effect voor (bijna) alle leerlingen, met meetbare doelen voor hun STEM-competenties.", "A far-reaching effect for (almost) all pupils, with measurable goals for their STEM competences."),
            ],
        ),
        criterion(
            t("Aansluiting bij de nulmeting", "Follows from the nulmeting"),
            t(
                "Vertrekt het plan van de zwakke punten uit de nulmeting, met realistische doelniveaus?",
                "Does the plan start from the weak points of the nulmeting, with realistic target levels?",
            ),
            20,
            [
                t("De doelen hebben geen band met de nulmeting.", "The goals have no link with the nulmeting."),
                t("Enkele doelen verwijzen naar de nulmeting, maar de grootste tekorten blijven liggen.", "Some goals refer to the nulmeting, but the largest gaps are left untouched."),
                t("De meeste doelen pakken tekorten uit de nulmeting aan.", "Most goals address gaps from the nulmeting."),
                t("Het plan pakt de belangrijkste tekorten aan, met haalbare doelniveaus per indicator.", "The plan tackles the main gaps, with achievable target levels per indicator."),
                t("Een heldere, onderbouwde keuze van prioriteiten uit de nulmeting, met doelniveaus en een logische volgorde.", "A clear, well-argued choice of priorities from the nulmeting, with target levels and a logical order."),
            ],
        ),
        criterion(
            t("Haalbaarheid", "Feasibility"),
            t(
                "Zijn er eigenaars, data, een budget en succescriteria? Is de planning realistisch?",
                "Are there owners, dates, a budget and success criteria? Is the planning realistic?",
            ),
            20,
            [
                t("Acties zonder eigenaar, timing of budget; niet uitvoerbaar zoals beschreven.", "Actions without owner, timing or budget; not feasible as described."),
                t("Een deel van de acties heeft een eigenaar en timing; budget en succescriteria ontbreken grotendeels.", "Some actions have an owner and timing; budget and success criteria are mostly missing."),
                t("De meeste acties hebben eigenaar, timing en budget; de planning is krap of vaag op punten.", "Most actions have an owner, timing and budget; the planning is tight or vague in places."),
                t("Alle acties hebben eigenaar, timing, budget en een succescriterium; de planning is realistisch.", "Every action has an owner, timing, budget and a success criterion; the planning is realistic."),
                t("Volledig uitgewerkt en realistisch, met mijlpalen en een plan B voor de grootste risico's.", "Fully worked out and realistic, with milestones and a plan B for the main risks."),
            ],
        ),
        criterion(
            t("Samenwerking school en bedrijf", "School-company cooperation"),
            t(
                "Hoe diep werken school en peterbedrijf samen: van een eenmalig bezoek tot een structureel partnerschap?",
                "How deeply do the school and its sponsor company work together: from a one-off visit to a structural partnership?",
            ),
            20,
            [
                t("Het bedrijf speelt geen rol in het plan.", "The company plays no role in the plan."),
                t("Eenmalige contacten, zoals één bedrijfsbezoek of gastles.", "One-off contacts, such as a single company visit or guest lesson."),
                t("Meerdere concrete bijdragen van het bedrijf, met tijd, materiaal of geld.", "Several concrete contributions from the company, in time, materials or money."),
                t("Samen ontworpen acties en een duidelijke bijdrage van het bedrijf, ook in de planning.", "Actions designed together and a clear company contribution, also in the planning."),
                t("Een structureel partnerschap: gedeelde doelen, vaste contactpersonen en projecten die jaren meegaan.", "A structural partnership: shared goals, fixed contact persons and projects that last for years."),
            ],
        ),
        criterion(
            t("Verankering in het schoolbeleid", "Anchoring in school policy"),
            t(
                "Leeft het plan verder na het programma: in het beleidsplan, in het lessenrooster, met tijd en middelen?",
                "Will the plan live on after the programme: in the school policy plan, in the timetable, with time and resources?",
            ),
            15,
            [
                t("Het plan hangt af van één persoon en stopt met het programma.", "The plan depends on one person and stops with the programme."),
                t("De directie steunt het plan, maar zonder tijd of middelen.", "The school leadership supports the plan, but without time or resources."),
                t("Het plan krijgt tijd en middelen voor dit schooljaar.", "The plan gets time and resources for this school year."),
                t("Het plan staat in het beleidsplan, met een STEM-coördinator met mandaat.", "The plan is in the school policy plan, with a STEM coordinator who has a mandate."),
                t("Blijvend verankerd: in beleidsplan, lessenrooster en professionalisering, met opvolging over meerdere jaren.", "Lastingly anchored: in policy plan, timetable and professional development, with follow-up over several years."),
            ],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(id: i64, weight: u32) -> CriterionDef {
        let input = &default_criteria()[0];
        CriterionDef {
            id,
            name: LocalizedText::new(format!("c{id}"), ""),
            description: input.description.clone(),
            weight,
            anchors: input.anchors.clone(),
            position: id as u32,
        }
    }

    #[test]
    fn the_default_criteria_are_valid_and_complete() {
        let defaults = default_criteria();
        assert_eq!(defaults.len(), 5);
        assert_eq!(validate_criteria(&defaults), vec![]);
        for c in &defaults {
            assert!(!c.name.en.is_empty() && !c.description.en.is_empty(), "{c:?}");
            assert!(c.anchors.iter().all(|a| !a.nl.is_empty() && !a.en.is_empty()), "{:?}", c.name);
        }
    }

    #[test]
    fn criteria_problems_name_their_field() {
        let mut c = default_criteria();
        c[0].weight = 30; // sum 105
        c[1].name.nl = "  ".into();
        c[2].anchors[3].nl = String::new();
        c[3].anchors.pop();
        c[4].name.nl = c[0].name.nl.to_uppercase();
        c[4].description.en = "x".repeat(MAX_CRITERION_TEXT_CHARS + 1);
        let problems = validate_criteria(&c);
        let fields: Vec<String> = problems.iter().map(CriteriaProblem::field).collect();
        assert_eq!(
            fields,
            [
                "criteria.1.name_nl",
                "criteria.2.anchors.3.nl",
                "criteria.3.anchors",
                "criteria.4.name_nl",
                "criteria.4.description_en",
                "criteria.weights"
            ]
        );
        assert_eq!(problems.last().map(ToString::to_string).as_deref(), Some("the weights sum to 105; they must sum to 100"));
        assert_eq!(validate_criteria(&[]), vec![CriteriaProblem::NoCriteria]);
        let mut heavy = default_criteria();
        heavy.truncate(1);
        heavy[0].weight = 101;
        assert_eq!(
            validate_criteria(&heavy),
            vec![CriteriaProblem::WeightTooHigh { index: 0 }, CriteriaProblem::WeightSum { sum: 101 }]
        );
    }

    #[test]
    fn normalizing_fills_english_from_dutch() {
        let mut c = default_criteria();
        c[0].name = LocalizedText::new("  Impact ", " ");
        c[0].anchors[0].en = String::new();
        normalize_criteria(&mut c);
        assert_eq!(c[0].name, LocalizedText::new("Impact", "Impact"));
        assert_eq!(c[0].anchors[0].en, c[0].anchors[0].nl);
    }

    #[test]
    fn scores_fall_in_bands() {
        let bands: Vec<usize> = (1..=10).map(|n| band_of(Score::new(n).unwrap())).collect();
        assert_eq!(bands, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    }

    #[test]
    fn tie_break_rules_are_checked_against_the_criteria() {
        let criteria = vec![def(7, 60), def(9, 40)];
        assert_eq!(validate_tie_break(&suggested_tie_break(&criteria), &criteria), Ok(()));
        assert_eq!(suggested_tie_break(&criteria)[0], TieBreakRule::HigherCriterion("7".into()));
        assert_eq!(
            validate_tie_break(&[TieBreakRule::HigherCriterion("8".into())], &criteria),
            Err(TieBreakProblem::UnknownCriterion { key: "8".into() })
        );
        assert_eq!(
            validate_tie_break(&[TieBreakRule::ChairDecision, TieBreakRule::MoreFirstPlaces], &criteria),
            Err(TieBreakProblem::ChairNotLast)
        );
        assert_eq!(
            validate_tie_break(&[TieBreakRule::MoreFirstPlaces, TieBreakRule::MoreFirstPlaces], &criteria),
            Err(TieBreakProblem::Duplicate { rule: TieBreakRule::MoreFirstPlaces })
        );
        assert_eq!(validate_tie_break(&[], &[]), Ok(()));
    }

    #[test]
    fn readiness_lists_what_is_missing() {
        let criteria = vec![def(1, 100)];
        let rules = vec![TieBreakRule::ChairDecision];
        let ok = [("Oost".to_string(), vec![("School A".to_string(), true)])];
        let ready = Readiness { categories: &ok, criteria: &criteria, tie_break: &rules, has_chair: true, jurors: 2 };
        assert_eq!(readiness(ready), vec![]);
        let chairless = Readiness { has_chair: false, ..ready };
        assert_eq!(readiness(chairless), vec![OpenProblem::NoChair]);
        assert_eq!(validate_chair(&rules, None), Err(TieBreakProblem::NoChair));
        assert_eq!(validate_chair(&rules, Some(4)), Ok(()));
        assert_eq!(validate_chair(&[TieBreakRule::MoreFirstPlaces], None), Ok(()));

        let bad = [
            ("Oost".to_string(), vec![]),
            ("West".to_string(), vec![("School B".to_string(), false)]),
        ];
        let criteria = vec![def(1, 90)];
        let problems = readiness(Readiness { categories: &bad, criteria: &criteria, tie_break: &[], has_chair: false, jurors: 0 });
        assert_eq!(
            problems,
            vec![
                OpenProblem::EmptyCategory { name: "Oost".into() },
                OpenProblem::FinalistWithoutPlan { school: "School B".into() },
                OpenProblem::Criteria { problem: "the weights sum to 90; they must sum to 100".into() },
                OpenProblem::NoTieBreak,
                OpenProblem::NoJurors,
            ]
        );
        assert_eq!(
            readiness(Readiness { categories: &[], criteria: &[], tie_break: &rules, has_chair: true, jurors: 1 })[..2],
            [OpenProblem::NoCategory, OpenProblem::Criteria { problem: "add at least one criterion".into() }]
        );
    }
}
