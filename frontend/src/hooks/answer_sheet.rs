//! A respondent's answer sheet while filling in: every change becomes a
//! local draft at once (kept in localStorage, so a reload or a dropped
//! network loses nothing) and is saved to the server after a short pause,
//! one answer at a time, with the version it was based on. A stale write
//! shows the newer answer and keeps mine aside to re-apply; an unreachable
//! server is retried until it answers again. A submitted sheet is frozen:
//! nothing is edited or sent until it is reopened.

use crate::api::{self, ApiError, ErrorCode};
use crate::storage;
use gloo_timers::callback::Timeout;
use rubric::assessment::api::{AnswerWrite, StoredAnswer};
use rubric::assessment::{validate_comment, validate_evidence_url, Answer, AnswerError};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Pause after the last change before saving, in milliseconds.
const SAVE_DELAY_MS: u32 = 600;
/// Pause before trying an unreachable server again.
const RETRY_DELAY_MS: u32 = 4000;

/// What the respondent changed on one indicator and the server version it
/// was based on (0: there was no answer yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub answer: Option<Answer>,
    pub comment: String,
    pub evidence_url: String,
    pub base: i64,
}

impl Draft {
    fn of(saved: Option<&StoredAnswer>) -> Draft {
        match saved {
            Some(s) => Draft {
                answer: s.answer,
                comment: s.comment.clone(),
                evidence_url: s.evidence_url.clone(),
                base: s.version,
            },
            None => Draft { answer: None, comment: String::new(), evidence_url: String::new(), base: 0 },
        }
    }

    /// Same answer, comment and link (the base version aside).
    pub fn same_content(&self, other: &Draft) -> bool {
        self.answer == other.answer && self.comment == other.comment && self.evidence_url == other.evidence_url
    }

    fn is_empty(&self) -> bool {
        self.answer.is_none() && self.comment.trim().is_empty() && self.evidence_url.trim().is_empty()
    }
}

/// Where one answer stands with the server.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum SyncState {
    #[default]
    Idle,
    /// This draft is on its way.
    Saving(Draft),
    /// The server could not be reached; the draft waits on this device.
    Offline,
    /// The server refused the draft (shown at the field).
    Rejected(ApiError),
}

/// Which field a local check flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Comment,
    EvidenceUrl,
}

/// One indicator on the sheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    /// The answer as the server last confirmed it.
    pub saved: Option<StoredAnswer>,
    /// A change not yet confirmed by the server.
    pub draft: Option<Draft>,
    pub sync: SyncState,
    /// My change that was refused because the answer changed elsewhere in
    /// the meantime; the newer answer is shown and this can be re-applied.
    pub conflict: Option<Draft>,
}

impl Entry {
    /// What the respondent sees: the draft over the saved answer.
    pub fn value(&self) -> Draft {
        self.draft.clone().unwrap_or_else(|| Draft::of(self.saved.as_ref()))
    }

    pub fn answered(&self) -> bool {
        self.value().answer.is_some()
    }

    /// The first problem the rubric's own checks find in the draft.
    pub fn local_error(&self) -> Option<(Field, AnswerError)> {
        let v = self.draft.as_ref()?;
        if let Err(e) = validate_comment(&v.comment) {
            return Some((Field::Comment, e));
        }
        validate_evidence_url(&v.evidence_url).err().map(|e| (Field::EvidenceUrl, e))
    }

    /// What of the draft can go to the server: a field the rubric's checks
    /// refuse (a bad link, a too long comment) keeps its saved value, so
    /// the level and the other field are saved all the same (issue 14);
    /// the refused field stays in the draft, flagged at the field. `None`
    /// when that leaves nothing new.
    pub fn sendable(&self) -> Option<Draft> {
        let mut out = self.draft.clone()?;
        let saved = Draft::of(self.saved.as_ref());
        if validate_comment(&out.comment).is_err() {
            out.comment = saved.comment.clone();
        }
        if validate_evidence_url(&out.evidence_url).is_err() {
            out.evidence_url = saved.evidence_url.clone();
        }
        let nothing_new = out.same_content(&saved) || (self.saved.is_none() && out.is_empty());
        (!nothing_new).then_some(out)
    }

    /// Everything that could be saved is saved; only a refused field waits.
    pub fn saved_but_refused_field(&self) -> bool {
        self.saved.is_some() && self.local_error().is_some() && self.sendable().is_none() && !matches!(self.sync, SyncState::Saving(_))
    }

    fn should_send(&self) -> bool {
        matches!(self.sync, SyncState::Idle | SyncState::Offline) && self.sendable().is_some()
    }
}

/// The whole sheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// Every indicator of the rubric, in rubric order.
    pub entries: Vec<(String, Entry)>,
    /// The measurement closed while filling in: nothing more is saved.
    pub closed: bool,
    /// The sheet is submitted (and not reopened): nothing is edited or saved.
    pub frozen: bool,
    /// Bumped whenever a save should be attempted after `flush_delay` ms.
    pub flush_gen: u64,
    pub flush_delay: u32,
    /// Bumped whenever the drafts change, to keep them on this device.
    pub drafts_gen: u64,
}

/// How the sheet as a whole stands, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Saving,
    Offline,
    Problem,
    Closed,
    Frozen,
}

impl Sheet {
    /// The server's answers with this device's drafts laid over them. A
    /// draft based on an older version than the server's becomes a conflict.
    /// A frozen sheet keeps no drafts (they could never be saved).
    pub fn load(rubric: &rubric::Rubric, answers: &[StoredAnswer], drafts: Vec<(String, Draft)>, closed: bool, frozen: bool) -> Sheet {
        let drafts = if frozen { Vec::new() } else { drafts };
        let mut entries: Vec<(String, Entry)> = rubric
            .indicators()
            .map(|(_, i)| {
                let saved = answers.iter().find(|a| a.indicator_id == i.id).cloned();
                (i.id.clone(), Entry { saved, ..Entry::default() })
            })
            .collect();
        for (id, draft) in drafts {
            let Some((_, entry)) = entries.iter_mut().find(|(i, _)| *i == id) else { continue };
            let server = Draft::of(entry.saved.as_ref());
            if draft.same_content(&server) {
                continue;
            }
            if draft.base == server.base {
                entry.draft = Some(draft);
            } else {
                entry.conflict = Some(draft);
            }
        }
        let pending = entries.iter().any(|(_, e)| e.draft.is_some());
        Sheet {
            entries,
            closed,
            frozen,
            flush_gen: u64::from(pending),
            flush_delay: 0,
            drafts_gen: 0,
        }
    }

    pub fn entry(&self, indicator_id: &str) -> Entry {
        self.entries.iter().find(|(id, _)| id == indicator_id).map(|(_, e)| e.clone()).unwrap_or_default()
    }

    /// Indicators answered with a level or "not applicable".
    pub fn answered(&self) -> usize {
        self.entries.iter().filter(|(_, e)| e.answered()).count()
    }

    pub fn pending(&self) -> bool {
        self.entries.iter().any(|(_, e)| e.draft.is_some())
    }

    pub fn status(&self) -> SaveStatus {
        let any = |f: &dyn Fn(&Entry) -> bool| self.entries.iter().any(|(_, e)| f(e));
        if self.closed {
            SaveStatus::Closed
        } else if self.frozen {
            SaveStatus::Frozen
        } else if any(&|e| matches!(e.sync, SyncState::Offline)) {
            SaveStatus::Offline
        } else if any(&|e| matches!(e.sync, SyncState::Rejected(_)) || (e.draft.is_some() && e.local_error().is_some())) {
            SaveStatus::Problem
        } else if self.pending() {
            SaveStatus::Saving
        } else {
            SaveStatus::Saved
        }
    }

    /// The drafts to keep on this device: pending ones and refused ones.
    fn drafts(&self) -> Vec<(String, Draft)> {
        self.entries
            .iter()
            .filter_map(|(id, e)| e.draft.clone().or_else(|| e.conflict.clone()).map(|d| (id.clone(), d)))
            .collect()
    }

    /// The drafts to send now.
    fn to_send(&self) -> Vec<(String, Draft)> {
        if self.closed || self.frozen {
            return vec![];
        }
        self.entries
            .iter()
            .filter(|(_, e)| e.should_send())
            .filter_map(|(id, e)| e.sendable().map(|d| (id.clone(), d)))
            .collect()
    }

    fn flush_after(&mut self, delay: u32) {
        self.flush_gen = self.flush_gen.wrapping_add(1);
        self.flush_delay = delay;
    }

    /// The entry of an indicator of the rubric.
    fn slot(&mut self, indicator_id: &str) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|(id, _)| id == indicator_id).map(|(_, e)| e)
    }

    fn drafts_changed(&mut self) {
        self.drafts_gen = self.drafts_gen.wrapping_add(1);
    }
}

/// One change the respondent makes.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Answer(Answer),
    Comment(String),
    EvidenceUrl(String),
}

pub enum SheetAction {
    Edit { indicator: String, change: Change },
    Sending { indicator: String, sent: Draft },
    Saved { indicator: String, answer: StoredAnswer, sent: Draft },
    Stale { indicator: String, current: Option<StoredAnswer> },
    Rejected { indicator: String, error: ApiError },
    Offline { indicator: String },
    Closed,
    /// The sheet was submitted (here or elsewhere): nothing more is saved.
    Frozen,
    /// The browser is online again: try what waits.
    Retry,
    /// Re-apply my refused change on top of the newer answer.
    KeepMine { indicator: String },
    /// Keep the newer answer and forget my refused change.
    DismissConflict { indicator: String },
}

impl Reducible for Sheet {
    type Action = SheetAction;

    fn reduce(self: Rc<Self>, action: SheetAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            SheetAction::Edit { indicator, change } => {
                if s.closed || s.frozen {
                    return self;
                }
                let Some(entry) = s.slot(&indicator) else { return self };
                let mut draft = entry.value();
                match change {
                    Change::Answer(a) => draft.answer = Some(a),
                    Change::Comment(c) => draft.comment = c,
                    Change::EvidenceUrl(u) => draft.evidence_url = u,
                }
                let server = Draft::of(entry.saved.as_ref());
                let unchanged = draft.same_content(&server) || (entry.saved.is_none() && draft.is_empty());
                entry.draft = (!unchanged).then_some(draft);
                if matches!(entry.sync, SyncState::Rejected(_)) {
                    entry.sync = SyncState::Idle;
                }
                s.flush_after(SAVE_DELAY_MS);
                s.drafts_changed();
            }
            SheetAction::Sending { indicator, sent } => {
                if let Some(e) = s.slot(&indicator) {
                    e.sync = SyncState::Saving(sent);
                }
            }
            SheetAction::Saved { indicator, answer, sent } => {
                let Some(entry) = s.slot(&indicator) else { return self };
                let version = answer.version;
                entry.saved = Some(answer);
                entry.sync = SyncState::Idle;
                match entry.draft.as_mut() {
                    Some(d) if d.same_content(&sent) => entry.draft = None,
                    // Changed again while this was on its way: that change builds on this one.
                    Some(d) => d.base = version,
                    None => {}
                }
                let more = s.entries.iter().any(|(_, e)| e.should_send());
                if more {
                    let offline = s.entries.iter().any(|(_, e)| e.sync == SyncState::Offline);
                    s.flush_after(if offline { 0 } else { SAVE_DELAY_MS });
                }
                s.drafts_changed();
            }
            SheetAction::Stale { indicator, current } => {
                let Some(entry) = s.slot(&indicator) else { return self };
                let mine = entry.draft.take();
                entry.sync = SyncState::Idle;
                let newer = Draft::of(current.as_ref());
                entry.saved = current;
                entry.conflict = mine.filter(|m| !m.same_content(&newer));
                s.drafts_changed();
            }
            SheetAction::Rejected { indicator, error } => {
                if let Some(e) = s.slot(&indicator) {
                    e.sync = SyncState::Rejected(error);
                }
            }
            SheetAction::Offline { indicator } => {
                if let Some(e) = s.slot(&indicator) {
                    e.sync = SyncState::Offline;
                }
                s.flush_after(RETRY_DELAY_MS);
            }
            SheetAction::Closed => {
                s.closed = true;
                for (_, e) in s.entries.iter_mut() {
                    e.sync = SyncState::Idle;
                }
            }
            SheetAction::Frozen => {
                // Submitted: a change still waiting can never be saved.
                s.frozen = true;
                for (_, e) in s.entries.iter_mut() {
                    e.sync = SyncState::Idle;
                    e.draft = None;
                }
                s.drafts_changed();
            }
            SheetAction::Retry => {
                if !s.to_send().is_empty() {
                    s.flush_after(0);
                }
            }
            SheetAction::KeepMine { indicator } => {
                let Some(entry) = s.slot(&indicator) else { return self };
                if let Some(mut mine) = entry.conflict.take() {
                    mine.base = entry.saved.as_ref().map_or(0, |a| a.version);
                    entry.draft = Some(mine);
                    s.flush_after(0);
                    s.drafts_changed();
                }
            }
            SheetAction::DismissConflict { indicator } => {
                if let Some(e) = s.slot(&indicator) {
                    e.conflict = None;
                }
                s.drafts_changed();
            }
        }
        Rc::new(s)
    }
}

/// The localStorage key of a person's drafts in a measurement.
pub fn drafts_key(person_id: i64, measurement_id: i64) -> String {
    format!("stempact.nulmeting.{person_id}.{measurement_id}")
}

// The drafts are kept as the answers the server sends (`StoredAnswer`,
// the draft's base version as `version`, `updated_at` 0): the app already
// reads that type, where a type of their own cost a second set of
// deserializers (issue 13: about 3 kB gzip of the school app).
fn read_drafts(key: &str) -> Vec<(String, Draft)> {
    let stored: Vec<StoredAnswer> = storage::load(key).unwrap_or_default();
    stored.into_iter().map(|s| (s.indicator_id.clone(), Draft::of(Some(&s)))).collect()
}

fn write_drafts(key: &str, drafts: &[(String, Draft)]) {
    let stored: Vec<StoredAnswer> = drafts
        .iter()
        .map(|(id, d)| StoredAnswer {
            indicator_id: id.clone(),
            answer: d.answer,
            comment: d.comment.clone(),
            evidence_url: d.evidence_url.clone(),
            version: d.base,
            updated_at: 0,
        })
        .collect();
    storage::keep(key, &stored, stored.is_empty());
}

async fn send(measurement_id: i64, indicator: String, draft: Draft, dispatch: Callback<SheetAction>) {
    dispatch.emit(SheetAction::Sending { indicator: indicator.clone(), sent: draft.clone() });
    let write = AnswerWrite {
        answer: draft.answer,
        comment: draft.comment.clone(),
        evidence_url: draft.evidence_url.clone(),
        version: draft.base,
    };
    let action = match api::nulmeting::save_answer(measurement_id, &indicator, &write).await {
        Ok(answer) => SheetAction::Saved { indicator, answer, sent: draft },
        Err(e) if e.is_network() || e.status >= 500 => SheetAction::Offline { indicator },
        Err(e) if e.code == ErrorCode::Stale => {
            let current = e.current_as::<Option<StoredAnswer>>().flatten();
            SheetAction::Stale { indicator, current }
        }
        Err(e) if e.code == ErrorCode::MeasurementClosed => SheetAction::Closed,
        Err(e) if e.code == ErrorCode::SheetSubmitted => SheetAction::Frozen,
        Err(error) => SheetAction::Rejected { indicator, error },
    };
    dispatch.emit(action);
}

/// The sheet of `person_id` in a measurement, started from the server's
/// answers and this device's drafts; saving runs by itself. `frozen`: the
/// sheet is submitted.
#[hook]
pub fn use_answer_sheet(
    rubric: &'static rubric::Rubric,
    person_id: i64,
    measurement_id: i64,
    closed: bool,
    frozen: bool,
    answers: Rc<Vec<StoredAnswer>>,
) -> UseReducerHandle<Sheet> {
    let key = drafts_key(person_id, measurement_id);
    let sheet = {
        let key = key.clone();
        use_reducer(move || Sheet::load(rubric, &answers, read_drafts(&key), closed, frozen))
    };
    let dispatch = {
        let d = sheet.dispatcher();
        Callback::from(move |a: SheetAction| d.dispatch(a))
    };
    // Keep the drafts on this device.
    {
        let sheet = sheet.clone();
        use_effect_with(sheet.drafts_gen, move |_| write_drafts(&key, &sheet.drafts()));
    }
    // Save what is pending after a pause; a newer change restarts the pause.
    {
        let sheet = sheet.clone();
        let dispatch = dispatch.clone();
        use_effect_with(sheet.flush_gen, move |_| {
            let batch = sheet.to_send();
            let timer = (!batch.is_empty()).then(|| {
                Timeout::new(sheet.flush_delay, move || {
                    for (indicator, draft) in batch {
                        wasm_bindgen_futures::spawn_local(send(measurement_id, indicator, draft, dispatch.clone()));
                    }
                })
            });
            move || drop(timer)
        });
    }
    // Back online: try at once.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let listener = Closure::<dyn Fn()>::new(move || dispatch.emit(SheetAction::Retry));
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("online", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback("online", listener.as_ref().unchecked_ref());
                }
                drop(listener);
            }
        });
    }
    sheet
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(indicator: &str) -> StoredAnswer {
        StoredAnswer {
            indicator_id: indicator.into(),
            answer: Some(Answer::NotApplicable),
            comment: String::new(),
            evidence_url: "https://school.be/oud".into(),
            version: 3,
            updated_at: 0,
        }
    }

    fn edit(sheet: Rc<Sheet>, indicator: &str, change: Change) -> Rc<Sheet> {
        sheet.reduce(SheetAction::Edit { indicator: indicator.into(), change })
    }

    #[test]
    fn a_bad_link_does_not_hold_back_the_level_and_the_comment() {
        let id = rubric::current_rubric().indicators().next().map(|(_, i)| i.id.clone()).unwrap_or_default();
        let sheet = Rc::new(Sheet::load(rubric::current_rubric(), &[saved(&id)], vec![], false, false));
        let sheet = edit(sheet, &id, Change::Comment("Besproken in de vakgroep".into()));
        let sheet = edit(sheet, &id, Change::EvidenceUrl("niet een link".into()));
        // The comment goes out with the last good link; the bad one stays here.
        let batch = sheet.to_send();
        assert_eq!(batch.len(), 1);
        assert_eq!(batch[0].1.comment, "Besproken in de vakgroep");
        assert_eq!(batch[0].1.evidence_url, "https://school.be/oud");
        let sent = batch[0].1.clone();
        let mut answer = saved(&id);
        answer.comment = sent.comment.clone();
        answer.version = 4;
        let sheet = sheet.reduce(SheetAction::Saved { indicator: id.clone(), answer, sent });
        let entry = sheet.entry(&id);
        assert_eq!(entry.value().evidence_url, "niet een link", "the typed link is kept to fix");
        assert!(entry.saved_but_refused_field());
        assert!(sheet.to_send().is_empty(), "nothing is sent again until the link is fixed");
        // Fixing the link sends it.
        let sheet = edit(sheet, &id, Change::EvidenceUrl("https://school.be/nieuw".into()));
        assert_eq!(sheet.to_send()[0].1.evidence_url, "https://school.be/nieuw");
        assert_eq!(sheet.to_send()[0].1.base, 4);
    }
}
