//! People and invitations. The coordinator invites anyone by role and
//! scope (school member of a school, company member of a company, juror,
//! coordinator), re-issues and revokes links, and removes or restores a
//! person's access. A school member whose function is STEM coordinator may
//! invite colleagues of their own school as respondents and re-send the
//! link of a colleague who never signed in; re-issuing the link of someone
//! who signed in is the programme coordinator's alone and ends their
//! sessions. Nobody else reaches these endpoints.

use super::editions::{edition, invalid};
use crate::auth::AuthUser;
use crate::db;
use rubric::errors::FieldCode;
use crate::error::{AppError, AppJson, Result};
use crate::invite::{InviteError, NewInvite};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use rubric::access::{may_reissue_link, relation_to_own_school, Action, LinkPermission};
use rubric::people::Role;
use rubric::programme::{validate_invite, ColleagueInput, InviteInput, Invitation, Person};
use sqlx::SqliteExecutor;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/editions/{id}/people", get(list))
        .route("/people", post(invite))
        .route("/people/{id}/link", post(reissue))
        .route("/people/{id}/revoke", post(revoke))
        .route("/people/{id}/archive", post(archive))
        .route("/people/{id}/restore", post(restore))
        .route("/my-school/team", get(team).post(invite_colleague))
        .route("/my-school/team/{id}/link", post(reissue_colleague))
}

async fn person(state: &AppState, id: i64) -> Result<Person> {
    person_in(&state.db, id).await
}

/// The person, or 404, read inside a write transaction.
async fn person_in<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> Result<Person> {
    db::directory::get(db, id).await?.ok_or(AppError::NotFound("person"))
}

fn invite_error(e: InviteError) -> AppError {
    match e {
        InviteError::SchoolMissing => AppError::field("school_id", "a school member needs a school"),
        InviteError::CompanyMissing => AppError::field("company_id", "a company member needs a company"),
        InviteError::NoSuchSchool(_) => AppError::field_coded("school_id", FieldCode::NotInEdition, "there is no such school, or it is archived"),
        InviteError::NoSuchCompany(_) => AppError::field_coded("company_id", FieldCode::NotInEdition, "there is no such company, or it is archived"),
        InviteError::ScopeNotAllowed => {
            AppError::field("role", "only a school member has a school, and only a company member a company")
        }
        InviteError::RegionOnly => AppError::field("role", "a regional coordinator is invited from their region's page"),
        InviteError::Db(e) => AppError::Sqlx(e),
    }
}

/// Create the person and their first link.
async fn create_invitation(state: &AppState, by: i64, input: &InviteInput) -> Result<Invitation> {
    let f = validate_invite(input).map_err(invalid)?;
    let new = NewInvite {
        name: f.name,
        email: f.email,
        role: f.role,
        school_id: f.school_id,
        company_id: f.company_id,
        school_function: f.school_function,
    };
    let mut tx = state.write().await?;
    let (id, token) = crate::invite::create_in(&mut tx, &new, Some(by)).await.map_err(invite_error)?;
    let person = person_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Invitation { person, link: crate::sign_in_link(&state.config.public_url, &token) })
}

/// A new link for a person with access (the unused old one is revoked),
/// if `by` may give them one (`rubric::access::may_reissue_link`): the
/// programme coordinator for anyone but themselves, a school's STEM
/// coordinator only for colleagues who never signed in. Every session of
/// the person ends and the audit log says so, in the same transaction.
async fn new_link(state: &AppState, by: &AuthUser, p: Person) -> Result<Invitation> {
    match may_reissue_link(&by.0, &p.link_target()) {
        LinkPermission::Allowed => {}
        LinkPermission::NotFound => return Err(AppError::NotFound("person")),
        LinkPermission::Forbidden => return Err(AppError::Forbidden),
        LinkPermission::Own => {
            return Err(AppError::conflict(
                "own_link",
                "you cannot give yourself a new link here: it would end your own session",
                None,
            ))
        }
        LinkPermission::SignedIn => {
            return Err(AppError::refused(
                "colleague_signed_in",
                "this colleague has already signed in, so only the programme coordinator can give them a new link (it ends their sessions); ask the programme coordinator",
            ))
        }
    }
    if p.archived {
        return Err(AppError::conflict(
            "person_archived",
            format!("{} has no access any more; restore their access first", p.name),
            serde_json::to_value(&p).ok(),
        ));
    }
    let (token, _) = db::people::reissue_invitation(&state.writer, p.id, by.id(), &p.name).await?;
    Ok(Invitation { person: person(state, p.id).await?, link: crate::sign_in_link(&state.config.public_url, &token) })
}

// GET /api/editions/{id}/people
async fn list(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Vec<Person>>> {
    user.require_coordinator()?;
    edition(&state.db, id).await?;
    Ok(Json(db::directory::for_edition(&state.db, id).await?))
}

// POST /api/people
async fn invite(State(state): State<AppState>, user: AuthUser, AppJson(input): AppJson<InviteInput>) -> Result<Json<Invitation>> {
    user.require_coordinator()?;
    Ok(Json(create_invitation(&state, user.id(), &input).await?))
}

// POST /api/people/{id}/link
async fn reissue(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Invitation>> {
    user.require_coordinator()?;
    let p = person(&state, id).await?;
    Ok(Json(new_link(&state, &user, p).await?))
}

// POST /api/people/{id}/revoke
async fn revoke(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Person>> {
    user.require_coordinator()?;
    let mut tx = state.write().await?;
    let p = person_in(&mut *tx, id).await?;
    let revoked = db::people::revoke_invitations(&mut *tx, id).await?;
    db::audit(&mut *tx, Some(user.id()), "link-revoke", &format!("person {id} ({}): {revoked} link(s)", p.name)).await?;
    let p = person_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(p))
}

// POST /api/people/{id}/archive
async fn archive(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Person>> {
    user.require_coordinator()?;
    let mut tx = state.write().await?;
    let p = person_in(&mut *tx, id).await?;
    if id == user.id() {
        return Err(AppError::conflict("own_access", "you cannot remove your own access", None));
    }
    db::directory::set_archived(&mut tx, id, true).await?;
    db::audit(&mut *tx, Some(user.id()), "person-archive", &format!("person {id} ({})", p.name)).await?;
    let p = person_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(p))
}

// POST /api/people/{id}/restore
async fn restore(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Person>> {
    user.require_coordinator()?;
    let mut tx = state.write().await?;
    let p = person_in(&mut *tx, id).await?;
    db::directory::set_archived(&mut tx, id, false).await?;
    db::audit(&mut *tx, Some(user.id()), "person-restore", &format!("person {id} ({})", p.name)).await?;
    let p = person_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(p))
}

/// The school of a school member who is its STEM coordinator
/// (`Action::ManageColleagues`); 403 for everyone else.
fn stem_coordinator_school(user: &AuthUser) -> Result<i64> {
    user.check(relation_to_own_school(&user.0), Action::ManageColleagues, "school")?;
    user.school_id().ok_or(AppError::Forbidden)
}

// GET /api/my-school/team
async fn team(State(state): State<AppState>, user: AuthUser) -> Result<Json<Vec<Person>>> {
    let school = stem_coordinator_school(&user)?;
    Ok(Json(db::directory::for_school(&state.db, school).await?))
}

// POST /api/my-school/team
async fn invite_colleague(
    State(state): State<AppState>,
    user: AuthUser,
    AppJson(body): AppJson<ColleagueInput>,
) -> Result<Json<Invitation>> {
    let school = stem_coordinator_school(&user)?;
    let input = InviteInput {
        name: body.name,
        email: body.email,
        role: Role::SchoolMember,
        school_id: Some(school),
        company_id: None,
        school_function: body.school_function,
    };
    Ok(Json(create_invitation(&state, user.id(), &input).await?))
}

// POST /api/my-school/team/{id}/link
async fn reissue_colleague(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Invitation>> {
    stem_coordinator_school(&user)?;
    let p = person(&state, id).await?;
    Ok(Json(new_link(&state, &user, p).await?))
}
