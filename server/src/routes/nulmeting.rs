//! The nulmeting for the school team: a respondent's own sheet and answers
//! (autosaved one by one, versioned), submitting it (then it is frozen),
//! asking to reopen it and the lead's (or coordinator's) decision, the team
//! view with the spread of submitted answers and what changed after a
//! reopening, and recording the consensus per indicator. Who may see and
//! change what is decided on every request, with `rubric::submission`'s rules.

use crate::auth::AuthUser;
use crate::db;
use crate::db::nulmeting::{self as nm, SchoolRow, WriteOutcome};
use crate::db::reopenings::{self, Decision, Sheets};
use crate::error::{AppError, AppJson, FieldError, Result};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use rubric::assessment::api::{
    MeasurementInfo, MeasurementStatus, MySheet, StoredAnswer, StoredConsensus, TeamMember, TeamView, Unavailable,
};
use rubric::submission::{ReopenState, SheetStatus};
use rubric::assessment::{
    aggregate, propose_consensus, validate_comment, validate_consensus, validate_evidence_url, Answer, AnswerError, AnswerRecord, Consensus,
    MeasurementKind,
};
use crate::routes::rubric::rubric_of;
use rubric::access::{may, may_read_team, relation_to_own_school, relation_to_school, Action, Relation};
use rubric::submission::{
    check_decide, check_request, may_reopen_response, may_see_team_answers, validate_reason, Permission, ReasonInput,
    ReopenOutcome, SubmissionError, TeamViewer,
};
use serde::Deserialize;
use sqlx::SqliteConnection;
use serde_json::{json, Value};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/my/measurement", get(my_measurement))
        .route("/measurements/{id}/answers/{indicator}", put(write_answer))
        .route("/measurements/{id}/submit", post(submit))
        .route("/measurements/{id}/reopen-request", post(request_reopen))
        .route("/measurements/{id}/sheets/{person_id}/reopen", post(reopen_sheet))
        .route("/measurements/{id}/sheets/{person_id}/decline", post(decline_reopen))
        .route("/schools/{id}/team", get(team))
        .route("/measurements/{id}/consensus/{indicator}", put(write_consensus))
        .route("/measurements/{id}/consensus/accept-proposals", post(accept_proposals))
}

/// How the caller relates to a school (`rubric::access`).
pub(crate) fn school_relation(user: &AuthUser, school: &SchoolRow) -> Relation {
    relation_to_school(&user.0, school.id, school.company_id)
}

/// The school, or 404.
pub(crate) async fn load_school(state: &AppState, school_id: i64) -> Result<SchoolRow> {
    nm::school(&state.db, school_id).await?.ok_or(AppError::NotFound("school"))
}

#[derive(Deserialize)]
pub(crate) struct KindQuery {
    kind: Option<String>,
}

impl KindQuery {
    /// The asked kind, or 400 for an unknown one.
    pub(crate) fn parse(&self) -> Result<Option<MeasurementKind>> {
        match self.kind.as_deref() {
            None | Some("") => Ok(None),
            Some(k) => MeasurementKind::from_key(k)
                .map(Some)
                .ok_or_else(|| AppError::bad_request("bad_kind", format!("unknown measurement kind \"{k}\"; use baseline or final"))),
        }
    }
}

/// The measurement to show: the asked kind, or else the latest that exists.
async fn pick_measurement(
    state: &AppState,
    edition_id: i64,
    school_id: i64,
    kind: Option<MeasurementKind>,
) -> Result<Option<MeasurementInfo>> {
    match kind {
        Some(kind) => Ok(nm::measurement_of(&state.db, edition_id, school_id, kind).await?),
        None => {
            for kind in [MeasurementKind::Final, MeasurementKind::Baseline] {
                if let Some(m) = nm::measurement_of(&state.db, edition_id, school_id, kind).await? {
                    return Ok(Some(m));
                }
            }
            Ok(None)
        }
    }
}

/// The caller as the blind rule sees them in a measurement: a member with
/// their own sheet's status. Only for a relation that may read the school's
/// report (coordinator, member, sponsor).
pub(crate) async fn viewer(state: &AppState, user: &AuthUser, relation: Relation, m: &MeasurementInfo) -> Result<TeamViewer> {
    Ok(match relation {
        Relation::Coordinator => TeamViewer::Coordinator,
        r if r.is_school() => {
            let mut conn = state.db.acquire().await?;
            TeamViewer::Member { own: nm::sheet_status(&mut conn, m.id, user.id()).await?.1 }
        }
        _ => TeamViewer::Company,
    })
}

/// Whether the caller may see the team's individual answers
/// (`rubric::access::may_see_team_answers`): coordinators always; a
/// team member while their own sheet is submitted, or once the measurement
/// is closed (nobody can be swayed any more).
pub(crate) async fn may_see_answers(
    state: &AppState,
    user: &AuthUser,
    relation: Relation,
    m: &MeasurementInfo,
) -> Result<bool> {
    Ok(may_see_team_answers(viewer(state, user, relation, m).await?, m.status == MeasurementStatus::Closed))
}

// GET /api/my/measurement?kind=baseline|final
async fn my_measurement(
    State(state): State<AppState>,
    user: AuthUser,
    Query(q): Query<KindQuery>,
) -> Result<Json<MySheet>> {
    let own_school = relation_to_own_school(&user.0);
    user.check(own_school, Action::AnswerNulmeting, "measurement")?;
    let kind = q.parse()?;
    let school_id = user.school_id().ok_or(AppError::Forbidden)?;
    let school = load_school(&state, school_id).await?;
    let leads = may(user.role(), own_school, Action::LeadNulmeting).is_allowed();
    let empty = |unavailable| MySheet {
        measurement: None,
        unavailable: Some(unavailable),
        kinds: vec![],
        submitted_at: None,
        status: Default::default(),
        reopen: None,
        answers: vec![],
        may_see_team: false,
        leads,
    };
    let active = nm::active_edition(&state.db).await?;
    let mut measurement = pick_measurement(&state, school.edition_id, school.id, kind).await?;
    if measurement.is_none() && kind != Some(MeasurementKind::Final) {
        // The baseline opens on first use while the edition's nulmeting is open.
        let Some(edition) = active else { return Ok(Json(empty(Unavailable::NoActiveEdition))) };
        if edition.id != school.edition_id {
            return Ok(Json(empty(Unavailable::NotInEdition)));
        }
        if !edition.nulmeting_open_for(nm::today(), &school) {
            return Ok(Json(empty(Unavailable::DeadlinePassed)));
        }
        let mut tx = state.write().await?;
        let (_, created) = nm::ensure_measurement(&mut tx, edition.id, school.id, MeasurementKind::Baseline).await?;
        if created {
            db::audit(&mut *tx, Some(user.id()), "measurement-open", &format!("baseline of school {} opened on first use", school.id))
                .await?;
        }
        tx.commit().await?;
        measurement = nm::measurement_of(&state.db, school.edition_id, school.id, MeasurementKind::Baseline).await?;
    }
    let Some(m) = measurement else { return Err(AppError::NotFound("measurement")) };
    let mut conn = state.db.acquire().await?;
    let facts = nm::sheet_facts(&mut conn, m.id, user.id()).await?;
    let reopen = match facts.response_id {
        Some(id) => reopenings::latest(&mut conn, Sheets::Responses, id).await?.map(|r| r.info),
        None => None,
    };
    let answers = nm::answers_of(&mut *conn, m.id, user.id()).await?;
    let kinds = nm::kinds_of(&mut *conn, school.edition_id, school.id).await?;
    drop(conn);
    let may_see_team = may_see_team_answers(TeamViewer::Member { own: facts.status }, m.status == MeasurementStatus::Closed);
    Ok(Json(MySheet {
        submitted_at: facts.submitted_at,
        status: facts.status,
        reopen,
        measurement: Some(m),
        unavailable: None,
        kinds,
        answers,
        may_see_team,
        leads,
    }))
}

/// A measurement the caller may answer in: their own school's, or 404.
async fn own_measurement(state: &AppState, user: &AuthUser, id: i64) -> Result<MeasurementInfo> {
    user.check(relation_to_own_school(&user.0), Action::AnswerNulmeting, "measurement")?;
    let m = nm::measurement(&state.db, id).await?.ok_or(AppError::NotFound("measurement"))?;
    user.check(relation_to_school(&user.0, m.school_id, None), Action::AnswerNulmeting, "measurement")?;
    Ok(m)
}

fn closed_error() -> AppError {
    AppError::conflict(
        "measurement_closed",
        "this measurement is closed: answers can no longer be changed; ask your programme coordinator to reopen it",
        None,
    )
}

/// An answer as the API receives it: the level is read by hand so a wrong
/// value gets a 422 at the field instead of a generic parse error.
#[derive(Deserialize)]
struct AnswerBody {
    #[serde(default)]
    answer: Value,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    evidence_url: String,
    version: i64,
}

fn parse_answer(raw: &Value) -> std::result::Result<Option<Answer>, AnswerError> {
    match raw {
        Value::Null => Ok(None),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Answer::from_number(i).map(Some),
            None => Err(AnswerError::NotAnAnswer(n.to_string())),
        },
        Value::String(s) if Answer::from_key(s).is_some() => Ok(Answer::from_key(s)),
        other => Err(AnswerError::NotAnAnswer(other.to_string().trim_matches('"').to_string())),
    }
}

// PUT /api/measurements/{id}/answers/{indicator}
async fn write_answer(
    State(state): State<AppState>,
    user: AuthUser,
    Path((id, indicator)): Path<(i64, String)>,
    AppJson(body): AppJson<AnswerBody>,
) -> Result<Json<StoredAnswer>> {
    let m = own_measurement(&state, &user, id).await?;
    let rubric = rubric_of(m.rubric_version)?;
    let mut errors = Vec::new();
    if rubric.indicator(&indicator).is_none() {
        errors.push(FieldError::new("indicator_id", AnswerError::UnknownIndicator(indicator.clone())));
    }
    let answer = match parse_answer(&body.answer) {
        Ok(a) => a,
        Err(e) => {
            errors.push(FieldError::new("answer", &e));
            None
        }
    };
    if body.version < 0 {
        errors.push(FieldError::new("version", "the version is 0 for a new answer or the version you last read"));
    }
    let comment = validate_comment(&body.comment).unwrap_or_else(|e| {
        errors.push(FieldError::new("comment", e));
        String::new()
    });
    let evidence_url = validate_evidence_url(&body.evidence_url).unwrap_or_else(|e| {
        errors.push(FieldError::new("evidence_url", e));
        String::new()
    });
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let record = AnswerRecord { indicator_id: indicator, answer, comment, evidence_url };
    if m.status != MeasurementStatus::Open {
        return Err(closed_error());
    }
    match nm::write_answer(&state.writer, m.id, user.id(), &record, body.version).await? {
        WriteOutcome::Saved(a) => Ok(Json(a)),
        WriteOutcome::Closed => Err(closed_error()),
        WriteOutcome::Frozen => Err(AppError::submission(SubmissionError::Frozen)),
        WriteOutcome::Stale(current) => Err(AppError::conflict(
            "stale",
            "this answer was changed in the meantime (perhaps on another device); the newer answer is shown",
            Some(json!(current)),
        )),
    }
}

// POST /api/measurements/{id}/submit
async fn submit(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Value>> {
    let m = own_measurement(&state, &user, id).await?;
    if m.status != MeasurementStatus::Open {
        return Err(closed_error());
    }
    let rubric = rubric_of(m.rubric_version)?;
    let mut conn = state.db.acquire().await?;
    if !nm::sheet_status(&mut conn, m.id, user.id()).await?.1.is_editable() {
        return Err(AppError::submission(SubmissionError::AlreadySubmitted));
    }
    let answers = nm::answers_of(&mut *conn, m.id, user.id()).await?;
    drop(conn);
    let missing: Vec<&str> = rubric
        .indicators()
        .map(|(_, i)| i.id.as_str())
        .filter(|id| !answers.iter().any(|a| a.indicator_id == *id && a.answer.is_some()))
        .collect();
    if !missing.is_empty() {
        return Err(AppError::field(
            "answers",
            format!(
                "{} of {} indicators are not answered yet (choose a level or \"not applicable\"): {}",
                missing.len(),
                rubric.indicator_count(),
                missing.join(", ")
            ),
        ));
    }
    match nm::submit(&state.writer, m.id, user.id()).await? {
        WriteOutcome::Saved(done) => Ok(Json(json!({ "submitted_at": done.at, "changes": done.changes.len() }))),
        WriteOutcome::Closed => Err(closed_error()),
        WriteOutcome::Frozen => Err(AppError::submission(SubmissionError::AlreadySubmitted)),
        WriteOutcome::Stale(_) => Err(AppError::field("answers", "there are no answers to submit yet")),
    }
}

// GET /api/schools/{id}/team?kind=baseline|final
async fn team(
    State(state): State<AppState>,
    user: AuthUser,
    Path(school_id): Path<i64>,
    Query(q): Query<KindQuery>,
) -> Result<Json<TeamView>> {
    let kind = q.parse()?;
    let school = load_school(&state, school_id).await?;
    let relation = school_relation(&user, &school);
    user.check(relation, Action::ReadTeam, "school")?;
    // The coordinator and the school's leads follow the team at every
    // stage; another member only as the blind rule lets them.
    let lead = may(user.role(), relation, Action::LeadNulmeting).is_allowed();
    let Some(m) = pick_measurement(&state, school.edition_id, school.id, kind).await? else {
        user.decided(may_read_team(user.role(), relation, false), "school")?;
        return Ok(Json(TeamView {
            school_id: school.id,
            school_name: school.name,
            measurement: None,
            kinds: vec![],
            members: vec![],
            answers_visible: false,
            answers: vec![],
            consensus: vec![],
            can_decide: false,
            changes: vec![],
        }));
    };
    let visible = may_see_answers(&state, &user, relation, &m).await?;
    // A lead decides once they see the answers (the coordinator always does).
    let can_decide = lead && visible;
    // A team member who is not leading sees the team only after submitting.
    user.decided(may_read_team(user.role(), relation, visible), "school")?;
    let rubric = rubric_of(m.rubric_version)?;
    let mut conn = state.db.acquire().await?;
    let answers = if visible { nm::team_answers(&mut conn, m.id).await? } else { vec![] };
    let changes = if visible { nm::answer_changes(&mut conn, m.id).await? } else { vec![] };
    // Progress (how many answered, not what) counts drafts too.
    let progress: Vec<(i64, i64, i64)> = nm::answered_counts(&mut *conn, school.edition_id).await?;
    let open = reopenings::list(&mut conn, Sheets::Responses, m.id, &[ReopenState::Requested, ReopenState::Reopened]).await?;
    let members = nm::members(&mut *conn, school.id, m.id)
        .await?
        .into_iter()
        .map(|p| {
            let reopen = open.iter().find(|o| o.owner_id == p.person_id).map(|o| o.reopening.info.clone());
            TeamMember {
                answered: progress
                    .iter()
                    .find(|(mid, person, _)| *mid == m.id && *person == p.person_id)
                    .map_or(0, |(_, _, n)| u32::try_from(*n).unwrap_or(0)),
                total: u32::try_from(rubric.indicator_count()).unwrap_or(u32::MAX),
                status: SheetStatus::of(p.submitted_at.is_some(), reopen.as_ref().map(|r| r.state)),
                reopen,
                person_id: p.person_id,
                name: p.name,
                function: p.function,
                submitted_at: p.submitted_at,
            }
        })
        .collect();
    let consensus = if visible { nm::consensus_of(&mut *conn, m.id).await? } else { vec![] };
    drop(conn);
    Ok(Json(TeamView {
        school_id: school.id,
        school_name: school.name,
        kinds: nm::kinds_of(&state.db, school.edition_id, school.id).await?,
        measurement: Some(m),
        members,
        answers_visible: visible,
        answers,
        consensus,
        can_decide,
        changes,
    }))
}

/// The measurement, if the caller may record its consensus; else 403/404.
async fn decidable_measurement(state: &AppState, user: &AuthUser, id: i64) -> Result<MeasurementInfo> {
    let m = nm::measurement(&state.db, id).await?.ok_or(AppError::NotFound("measurement"))?;
    let school = load_school(state, m.school_id).await?;
    let relation = school_relation(user, &school);
    user.check(relation, Action::LeadNulmeting, "measurement")?;
    // A lead records the consensus after submitting (the coordinator sees the answers always).
    if may_see_answers(state, user, relation, &m).await? {
        Ok(m)
    } else {
        Err(AppError::conflict(
            "submit_first",
            "submit your own answers first (or close the measurement) before recording the team's consensus",
            None,
        ))
    }
}

#[derive(Deserialize)]
struct ConsensusBody {
    #[serde(default)]
    level: Value,
    #[serde(default)]
    rationale: String,
    version: i64,
}

// PUT /api/measurements/{id}/consensus/{indicator}
async fn write_consensus(
    State(state): State<AppState>,
    user: AuthUser,
    Path((id, indicator)): Path<(i64, String)>,
    AppJson(body): AppJson<ConsensusBody>,
) -> Result<Json<StoredConsensus>> {
    let m = decidable_measurement(&state, &user, id).await?;
    let rubric = rubric_of(m.rubric_version)?;
    let mut errors = Vec::new();
    let level = match parse_answer(&body.level) {
        Ok(Some(Answer::DontKnow)) => {
            errors.push(FieldError::new(
                "level",
                "\"dk\" (don't know) is an answer of one respondent, not the team's result: choose a level 1, 2, 3 or 4, or \"na\" (not applicable)",
            ));
            None
        }
        Ok(Some(a)) => Some(a),
        Ok(None) => {
            errors.push(FieldError::new("level", "choose a level 1, 2, 3 or 4, or \"na\" (not applicable)"));
            None
        }
        Err(e) => {
            errors.push(FieldError::new("level", e));
            None
        }
    };
    if body.version < 0 {
        errors.push(FieldError::new("version", "the version is 0 for a new decision or the version you last read"));
    }
    let draft = Consensus { indicator_id: indicator.clone(), level: level.and_then(Answer::level), rationale: body.rationale };
    let consensus = match validate_consensus(rubric, &draft) {
        Ok(c) => Some(c),
        Err(e) => {
            let field = match e {
                rubric::assessment::ConsensusError::UnknownIndicator(_) => "indicator_id",
                rubric::assessment::ConsensusError::RationaleTooLong(_) => "rationale",
            };
            errors.push(FieldError::new(field, e));
            None
        }
    };
    let consensus = match consensus {
        Some(c) if errors.is_empty() => c,
        _ => return Err(AppError::Validation(errors)),
    };
    match nm::write_consensus(&state.writer, m.id, user.id(), &consensus, body.version).await? {
        WriteOutcome::Saved(c) => Ok(Json(c)),
        WriteOutcome::Closed | WriteOutcome::Frozen => Err(closed_error()),
        WriteOutcome::Stale(current) => Err(AppError::conflict(
            "stale",
            "someone else recorded a consensus for this indicator in the meantime; the newer decision is shown",
            Some(json!(current)),
        )),
    }
}

// POST /api/measurements/{id}/consensus/accept-proposals
async fn accept_proposals(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Value>> {
    let m = decidable_measurement(&state, &user, id).await?;
    let answers = nm::team_answers(&mut *state.db.acquire().await?, m.id).await?;
    let agg = aggregate(rubric_of(m.rubric_version)?, &nm::respondents(&answers));
    let proposals = propose_consensus(&agg);
    let recorded = nm::accept_proposals(&state.writer, m.id, user.id(), &proposals).await?;
    Ok(Json(json!({ "recorded": recorded, "consensus": nm::consensus_of(&state.db, m.id).await? })))
}

/// Where a respondent's sheet stands now, with its latest reopening.
async fn outcome(conn: &mut SqliteConnection, measurement_id: i64, person_id: i64) -> Result<ReopenOutcome> {
    let facts = nm::sheet_facts(conn, measurement_id, person_id).await?;
    let reopen = match facts.response_id {
        Some(id) => reopenings::latest(conn, Sheets::Responses, id).await?.map(|r| r.info),
        None => None,
    };
    Ok(ReopenOutcome { status: facts.status, reopen })
}

// POST /api/measurements/{id}/reopen-request
async fn request_reopen(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<ReasonInput>,
) -> Result<Json<ReopenOutcome>> {
    let m = own_measurement(&state, &user, id).await?;
    let reason = validate_reason(&body.reason, false).map_err(|e| AppError::field("reason", e))?;
    if m.status != MeasurementStatus::Open {
        return Err(closed_error());
    }
    let mut tx = state.write().await?;
    let facts = nm::sheet_facts(&mut tx, m.id, user.id()).await?;
    check_request(facts.status).map_err(AppError::submission)?;
    let response_id = facts.response_id.ok_or(AppError::submission(SubmissionError::NotSubmitted))?;
    reopenings::request(&mut tx, Sheets::Responses, response_id, user.id(), &reason).await?;
    let detail = format!("measurement {}: {} asks to reopen their sheet: {}", m.id, user.0.name, if reason.is_empty() { "-" } else { &reason });
    db::audit(&mut *tx, Some(user.id()), "nulmeting-reopen-request", &detail).await?;
    let done = outcome(&mut tx, m.id, user.id()).await?;
    tx.commit().await?;
    Ok(Json(done))
}

/// Reopen or decline: the rule, the measurement open, a request waiting.
/// `note`: `None` to reopen, the (unchecked) note to decline.
async fn decide(state: &AppState, user: &AuthUser, id: i64, person_id: i64, note: Option<&str>) -> Result<Json<ReopenOutcome>> {
    let m = nm::measurement(&state.db, id).await?.ok_or(AppError::NotFound("measurement"))?;
    let school = load_school(state, m.school_id).await?;
    user.check(school_relation(user, &school), Action::LeadNulmeting, "measurement")?;
    match may_reopen_response(&user.0, m.school_id, person_id) {
        Permission::Allowed => {}
        Permission::OwnSheet => return Err(AppError::submission(SubmissionError::OwnSheet)),
        Permission::Forbidden => return Err(AppError::Forbidden),
    }
    let note = note.map(|n| validate_reason(n, false)).transpose().map_err(|e| AppError::field("reason", e))?;
    if m.status != MeasurementStatus::Open {
        return Err(closed_error());
    }
    let mut tx = state.write().await?;
    let facts = nm::sheet_facts(&mut tx, m.id, person_id).await?;
    check_decide(facts.status).map_err(AppError::submission)?;
    let open = facts.open.ok_or(AppError::submission(SubmissionError::NoRequest))?;
    let name: String = sqlx::query_scalar("select name from people where id = ?").bind(person_id).fetch_one(&mut *tx).await?;
    let (action, detail) = if let Some(note) = note.as_deref() {
        reopenings::decide(&mut tx, Sheets::Responses, open.id, user.id(), Decision::Decline { note }).await?;
        ("nulmeting-reopen-declined", format!("measurement {}: reopening the sheet of {name} declined: {}", m.id, if note.is_empty() { "-" } else { note }))
    } else {
        // Keep the version submitted before: the team sees it until the sheet is submitted again.
        let snapshot = serde_json::to_string(&nm::answers_of(&mut *tx, m.id, person_id).await?)
            .map_err(|e| AppError::Internal(format!("snapshot of a nulmeting sheet: {e}")))?;
        reopenings::decide(&mut tx, Sheets::Responses, open.id, user.id(), Decision::Reopen { snapshot: &snapshot }).await?;
        ("nulmeting-reopen", format!("measurement {}: sheet of {name} reopened", m.id))
    };
    db::audit(&mut *tx, Some(user.id()), action, &detail).await?;
    let done = outcome(&mut tx, m.id, person_id).await?;
    tx.commit().await?;
    Ok(Json(done))
}

// POST /api/measurements/{id}/sheets/{person_id}/reopen
async fn reopen_sheet(State(state): State<AppState>, user: AuthUser, Path((id, person_id)): Path<(i64, i64)>) -> Result<Json<ReopenOutcome>> {
    decide(&state, &user, id, person_id, None).await
}

// POST /api/measurements/{id}/sheets/{person_id}/decline
async fn decline_reopen(
    State(state): State<AppState>,
    user: AuthUser,
    Path((id, person_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<ReasonInput>,
) -> Result<Json<ReopenOutcome>> {
    decide(&state, &user, id, person_id, Some(&body.reason)).await
}
